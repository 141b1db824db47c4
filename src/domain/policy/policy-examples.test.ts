import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../../test/policy/policy-test-kit.js';
import type { Decision } from './case-facts.js';
import { standardDecideDeps } from './engine-deps.js';
import { compareDecision, formatExampleFailure, runPolicyExamples } from './policy-examples.js';

const decision: Decision = {
  priority: 'P2', level: 'L3', escalate: true, signals: { abusive_language: 2 }, redFlags: [],
  actions: ['internal_note_required', 'request_photo'], due: { firstResponse: '2026-11-20T16:00:00Z', resolution: '2026-11-20T22:00:00Z' },
  reasons: [{ rule: 'R002-03', text: 'abusive language two or more times goes to second-line' }],
};

describe('policy examples (ladder policy test)', () => {
  it('every example of the default policy holds, with the real detector and calendar', () => {
    const results = runPolicyExamples(defaultPolicy().compiled, standardDecideDeps);
    const failures = results.filter((r) => r.mismatches.length > 0).map((r) => formatExampleFailure(r, 'default-policy.yaml'));
    expect(failures).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(60);
  });

  it('compares arrays as sets', () => {
    expect(compareDecision({ actions: ['request_photo', 'internal_note_required'] }, decision)).toEqual([]);
    expect(compareDecision({ actions: ['request_photo'] }, decision)).toHaveLength(1);
  });

  it('compares signals exactly: an unexpected extra signal fails', () => {
    expect(compareDecision({ signals: {} }, decision)).toEqual([{ field: 'signals', expected: {}, actual: { abusive_language: 2 } }]);
  });

  it('compares due times by the fields the example names', () => {
    expect(compareDecision({ due: { resolution: '2026-11-20T22:00:00Z' } }, decision)).toEqual([]);
    expect(compareDecision({ due: { resolution: '2026-11-20T23:00:00Z' } }, decision)).toHaveLength(1);
  });

  it('reports a mismatch readably with the example line and the reasons', () => {
    const text = formatExampleFailure(
      { index: 3, example: { name: 'x', facts: { category: 'spam' }, expect: { level: 'L1' }, line: 42 }, decision, mismatches: compareDecision({ level: 'L1', actions: ['request_photo'] }, decision) },
      'p.yaml',
    );
    expect(text.split('\n')).toEqual([
      'FAIL examples[3] "x" (p.yaml:42)',
      '  level: expected "L1", got "L3"',
      '  actions: expected ["request_photo"], got ["internal_note_required","request_photo"] (extra internal_note_required)',
      '  reasons: R002-03 abusive language two or more times goes to second-line',
    ]);
  });
});
