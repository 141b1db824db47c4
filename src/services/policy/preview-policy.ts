import type { Store } from '../../store/database.js';
import { PolicyError } from '../../domain/policy/policy-problems.js';
import { invalidInput } from '../../domain/errors.js';
import { requirePermission, type Actor } from '../actor.js';
import { backtestPolicy, type BacktestReport } from './backtest-policy.js';
import { validatePolicyText } from './manage-policy.js';
import { runPolicyTests, type PolicyTestReport } from './policy-tests.js';

export type { PolicyExampleOutcome, PolicyTestReport } from './policy-tests.js';

// What an edited policy would do before it is applied (issue 3 item 6, issue 8 item 6): its own
// examples (`ladder policy test`) and a backtest over the stored cases (`ladder policy backtest`).
// Nothing is stored; a policy that does not validate is refused with every problem (422).

const SOURCE = 'candidate.yaml';

function validated(yaml: unknown): string {
  const check = validatePolicyText(yaml, SOURCE);
  if (!check.ok) throw new PolicyError(check.problems);
  return yaml as string;
}

/** Decides each of the policy's `examples:` and compares it with what the example expects. */
export function testPolicyText(actor: Actor, input: { yaml: unknown }): PolicyTestReport {
  requirePermission(actor, 'policy.manage');
  return runPolicyTests(validated(input.yaml), SOURCE);
}

/** Re-decides every stored case under the edited policy and under the one in force. */
export async function backtestPolicyText(store: Store, actor: Actor, input: { yaml: unknown; examples?: unknown }): Promise<BacktestReport> {
  requirePermission(actor, 'policy.manage');
  const examples = input.examples === undefined ? 10 : input.examples;
  if (typeof examples !== 'number' || !Number.isInteger(examples) || examples < 0 || examples > 100) {
    throw invalidInput('examples', 'expected a whole number from 0 to 100');
  }
  return backtestPolicy(store, actor, { yaml: validated(input.yaml), source: SOURCE, examples });
}
