import type { Store } from '../../store/database.js';
import { findLatestPolicy, findPolicyVersion, insertPolicyVersion, listPolicyVersions } from '../../store/repositories/policy.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import { parsePolicy } from '../../domain/policy/parse-policy.js';
import { compilePolicy } from '../../domain/policy/compile-policy.js';
import { PolicyError, type PolicyProblem } from '../../domain/policy/policy-problems.js';
import { DomainError } from '../../domain/errors.js';
import { parseReturnPolicy } from '../../domain/returns/return-policy.parse.js';
import { parseRmaSettings } from '../../domain/returns/rma-settings.parse.js';
import { parseIncidentSettings } from '../../domain/incidents/incident-settings.js';
import { parseCaseLogSettings } from '../../domain/logs/log-case-status.js';
import { actorIdOf, requirePermission, type Actor } from '../actor.js';
import { nowIso } from '../clock.js';
import { invalidatePolicyRuntime, loadPolicyRuntime, seedDefaultPolicy } from './load-policy-runtime.js';
import { runPolicyTests, type PolicyTestReport } from './policy-tests.js';

export interface PolicyVersionView {
  version: number;
  label: string | null;
  authorId: string | null;
  createdAt: string;
  yaml?: string;
}

const MAX_POLICY_BYTES = 1024 * 1024;

/** Parses without storing: the problems (file, path, line) or none. */
export function validatePolicyText(yaml: unknown, source = 'policy.yaml'): { ok: boolean; problems: PolicyProblem[] } {
  if (typeof yaml !== 'string' || yaml.length === 0) throw new DomainError('invalid_input', 'expected the policy YAML text', 'yaml');
  if (yaml.length > MAX_POLICY_BYTES) throw new DomainError('payload_too_large', 'the policy is larger than 1 MiB', 'yaml');
  let policy;
  try {
    policy = parsePolicy(yaml, source);
    compilePolicy(policy);
  } catch (err) {
    if (err instanceof PolicyError) return { ok: false, problems: err.problems };
    throw err;
  }
  // Sections other modules own are checked too: a bad `returns:` section would otherwise stop
  // every return request once applied.
  try {
    parseReturnPolicy(policy.raw.returns, source);
    parseRmaSettings(policy.raw.returns, source);
    parseIncidentSettings(policy.raw.incidents, source);
    parseCaseLogSettings(policy.raw.caseLogs, source);
  } catch (err) {
    if (err instanceof DomainError) return { ok: false, problems: [{ source, path: err.field ?? 'returns', message: err.message.replace(`${err.field}: `, '') }] };
    throw err;
  }
  return { ok: true, problems: [] };
}

export async function getCurrentPolicy(store: Store, actor: Actor): Promise<PolicyVersionView> {
  requirePermission(actor, 'policy.read');
  const p = (await findLatestPolicy(store.db)) ?? (await seedDefaultPolicy(store));
  return { version: p.version, label: p.label, authorId: p.authorId === null ? null : String(p.authorId), createdAt: p.createdAt, yaml: p.yaml };
}

export async function getPolicyVersion(store: Store, actor: Actor, input: { version: unknown }): Promise<PolicyVersionView> {
  requirePermission(actor, 'policy.read');
  const v = Number(input.version);
  const p = Number.isSafeInteger(v) ? await findPolicyVersion(store.db, v) : undefined;
  if (!p) throw new DomainError('not_found', 'no such policy version', 'version');
  return { version: p.version, label: p.label, authorId: p.authorId === null ? null : String(p.authorId), createdAt: p.createdAt, yaml: p.yaml };
}

export async function listPolicies(store: Store, actor: Actor): Promise<PolicyVersionView[]> {
  requirePermission(actor, 'policy.read');
  return (await listPolicyVersions(store.db)).map((p) => ({ version: p.version, label: p.label, authorId: p.authorId === null ? null : String(p.authorId), createdAt: p.createdAt }));
}

/** How many failing tests the refusal names; the rest are counted (the editor lists them all). */
const NAMED_FAILURES = 10;

function testsFailed(report: PolicyTestReport): DomainError {
  const failing = report.results.filter((r) => !r.passed);
  const named = failing.slice(0, NAMED_FAILURES).map((r) => `${JSON.stringify(r.name)}${r.line !== null ? ` (line ${r.line})` : ''}`);
  const more = failing.length > named.length ? ` and ${failing.length - named.length} more` : '';
  return new DomainError(
    'policy_tests_failed',
    `${failing.length} of the policy's ${report.results.length} tests fail: ${named.join(', ')}${more}; fix them, or apply it anyway with force`,
    'tests',
  );
}

/**
 * Stores a new policy version, in force from now on, on every instance within seconds. Refused
 * with every problem listed when it does not validate, and when its own tests (`examples:`) fail
 * unless `force` overrides them — the override and the tests it skipped go into the audit event.
 * Cases already decided keep the version that decided them until they are re-evaluated.
 */
export async function applyPolicy(store: Store, actor: Actor, input: { yaml: unknown; label?: unknown; force?: unknown }): Promise<PolicyVersionView> {
  requirePermission(actor, 'policy.manage');
  const check = validatePolicyText(input.yaml);
  if (!check.ok) throw new PolicyError(check.problems);
  if (input.label !== undefined && (typeof input.label !== 'string' || input.label.length > 200)) {
    throw new DomainError('invalid_input', 'expected a label of at most 200 characters', 'label');
  }
  if (input.force !== undefined && typeof input.force !== 'boolean') throw new DomainError('invalid_input', 'expected true or false', 'force');
  const tests = runPolicyTests(input.yaml as string, 'policy.yaml');
  if (tests.failed > 0 && input.force !== true) throw testsFailed(tests);
  const overridden = tests.failed > 0 ? { force: true, failedTests: tests.results.filter((r) => !r.passed).map((r) => r.name) } : {};
  const at = nowIso();
  const stored = await store.db.transaction().execute(async (trx) => {
    const p = await insertPolicyVersion(trx, { yaml: input.yaml as string, label: (input.label as string | undefined) ?? null, authorId: actorIdOf(actor), at });
    await insertAuditEvent(trx, { at, actorId: actorIdOf(actor), action: 'policy.applied', entityType: 'policy', entityId: String(p.version), data: { label: p.label, ...overridden } });
    return p;
  });
  invalidatePolicyRuntime(store);
  await loadPolicyRuntime(store);
  return { version: stored.version, label: stored.label, authorId: stored.authorId === null ? null : String(stored.authorId), createdAt: stored.createdAt };
}
