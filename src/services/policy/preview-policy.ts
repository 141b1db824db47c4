import type { Store } from '../../store/database.js';
import { compilePolicy } from '../../domain/policy/compile-policy.js';
import { standardDecideDeps } from '../../domain/policy/engine-deps.js';
import { parsePolicy } from '../../domain/policy/parse-policy.js';
import { runPolicyExamples, type Mismatch } from '../../domain/policy/policy-examples.js';
import { PolicyError } from '../../domain/policy/policy-problems.js';
import { invalidInput } from '../../domain/errors.js';
import { requirePermission, type Actor } from '../actor.js';
import { backtestPolicy, type BacktestReport } from './backtest-policy.js';
import { validatePolicyText } from './manage-policy.js';

// What an edited policy would do before it is applied (issue 3 item 6, issue 8 item 6): its own
// examples (`ladder policy test`) and a backtest over the stored cases (`ladder policy backtest`).
// Nothing is stored; a policy that does not validate is refused with every problem (422).

const SOURCE = 'candidate.yaml';

export interface PolicyExampleOutcome {
  index: number;
  name: string;
  line: number | null;
  passed: boolean;
  mismatches: Mismatch[];
  reasons: string[];
}

export interface PolicyTestReport {
  passed: number;
  failed: number;
  results: PolicyExampleOutcome[];
}

function validated(yaml: unknown): string {
  const check = validatePolicyText(yaml, SOURCE);
  if (!check.ok) throw new PolicyError(check.problems);
  return yaml as string;
}

/** Decides each of the policy's `examples:` and compares it with what the example expects. */
export function testPolicyText(actor: Actor, input: { yaml: unknown }): PolicyTestReport {
  requirePermission(actor, 'policy.manage');
  const compiled = compilePolicy(parsePolicy(validated(input.yaml), SOURCE));
  const results = runPolicyExamples(compiled, standardDecideDeps).map((r) => ({
    index: r.index,
    name: r.example.name,
    line: r.example.line ?? null,
    passed: r.mismatches.length === 0,
    mismatches: r.mismatches,
    reasons: r.decision.reasons.map((x) => `${x.rule}: ${x.text}`),
  }));
  const failed = results.filter((r) => !r.passed).length;
  return { passed: results.length - failed, failed, results };
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
