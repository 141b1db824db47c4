import { compilePolicy } from '../../domain/policy/compile-policy.js';
import { standardDecideDeps } from '../../domain/policy/engine-deps.js';
import { parsePolicy } from '../../domain/policy/parse-policy.js';
import { runPolicyExamples, type Mismatch } from '../../domain/policy/policy-examples.js';

// A policy's own tests (its `examples:`), run by `POST /policy/test` to preview an edit and by
// applyPolicy to refuse a version whose tests fail. Expects text that already validated.

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

export function runPolicyTests(yaml: string, source: string): PolicyTestReport {
  const compiled = compilePolicy(parsePolicy(yaml, source));
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
