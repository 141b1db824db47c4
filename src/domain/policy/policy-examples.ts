import type { Decision } from './case-facts.js';
import type { CompiledPolicy } from './compile-policy.js';
import { decide } from './decide.js';
import type { DecideDeps } from './decide.js';
import type { PolicyExample } from './policy-model.js';

// Policy tests: the `examples:` of a policy decided and compared with their expected partial decision.
// Only the fields an example names are compared; arrays as sets (order carries no meaning in actions or
// red flags), `due` by the times it names, other objects exactly (an unexpected extra signal fails).

export interface Mismatch {
  field: string;
  expected: unknown;
  actual: unknown;
}

export interface ExampleResult {
  index: number;
  example: PolicyExample;
  decision: Decision;
  mismatches: Mismatch[];
}

export function runPolicyExamples(policy: CompiledPolicy, deps: DecideDeps): ExampleResult[] {
  return policy.policy.examples.map((example, index) => {
    const decision = decide(example.facts, policy, deps);
    return { index, example, decision, mismatches: compareDecision(example.expect, decision) };
  });
}

export function compareDecision(expect: Partial<Decision>, decision: Decision): Mismatch[] {
  const out: Mismatch[] = [];
  for (const [field, expected] of Object.entries(expect)) {
    const actual = (decision as unknown as Record<string, unknown>)[field];
    const ok = field === 'due' ? matchesSubset(expected, actual) : matches(expected, actual);
    if (!ok) out.push({ field, expected, actual });
  }
  return out;
}

function matchesSubset(expected: unknown, actual: unknown): boolean {
  if (expected === null || typeof expected !== 'object' || actual === null || typeof actual !== 'object') return false;
  return Object.entries(expected).every(([k, v]) => (actual as Record<string, unknown>)[k] === v);
}

function matches(expected: unknown, actual: unknown): boolean {
  if (Array.isArray(expected) || Array.isArray(actual)) {
    if (!Array.isArray(expected) || !Array.isArray(actual)) return false;
    const a = new Set(actual.map((v) => JSON.stringify(v)));
    const e = new Set(expected.map((v) => JSON.stringify(v)));
    return a.size === e.size && [...e].every((v) => a.has(v));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return false;
    const ek = Object.keys(expected);
    const ak = Object.keys(actual);
    return ek.length === ak.length && ek.every((k) => matches((expected as Record<string, unknown>)[k], (actual as Record<string, unknown>)[k]));
  }
  return expected === actual;
}

/** A readable report of one failing example, one line per differing field. */
export function formatExampleFailure(result: ExampleResult, source: string): string {
  const where = result.example.line === undefined ? source : `${source}:${result.example.line}`;
  const lines = [`FAIL examples[${result.index}] ${JSON.stringify(result.example.name)} (${where})`];
  for (const m of result.mismatches) {
    lines.push(`  ${m.field}: expected ${show(m.expected)}, got ${show(m.actual)}${setDelta(m)}`);
  }
  if (result.decision.reasons.length > 0) {
    lines.push(`  reasons: ${result.decision.reasons.map((r) => `${r.rule} ${r.text}`).join('; ')}`);
  }
  return lines.join('\n');
}

function show(value: unknown): string {
  return value === undefined ? '(absent)' : JSON.stringify(value);
}

function setDelta(m: Mismatch): string {
  if (!Array.isArray(m.expected) || !Array.isArray(m.actual)) return '';
  const missing = m.expected.filter((v) => !(m.actual as unknown[]).includes(v));
  const extra = m.actual.filter((v) => !(m.expected as unknown[]).includes(v));
  const parts = [...(missing.length ? [`missing ${missing.join(', ')}`] : []), ...(extra.length ? [`extra ${extra.join(', ')}`] : [])];
  return parts.length ? ` (${parts.join('; ')})` : '';
}
