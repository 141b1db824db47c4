import type { Store } from '../../store/database.js';
import type { Decision } from '../../domain/policy/case-facts.js';
import { requirePermission, type Actor } from '../actor.js';
import { loadPolicyRuntime } from './load-policy-runtime.js';

/** Decides case facts under the policy in force without storing anything (the API's `policy explain`). */
export async function explainCaseFacts(store: Store, actor: Actor, input: { facts: unknown }): Promise<Decision & { policyRevision: number }> {
  requirePermission(actor, 'policy.read');
  const runtime = await loadPolicyRuntime(store);
  return { ...runtime.decide(runtime.parseFacts(input.facts)), policyRevision: runtime.version };
}
