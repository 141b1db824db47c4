import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_TEXT } from '../policy/policy-test-kit.js';
import { validatePolicyText } from '../../src/services/policy/manage-policy.js';

// The policy's `incidents:` section sets "N cases in M days" (R001-15); a bad one is refused at
// validation, before it could stop the suggestion sweep.
describe('incidents section of the policy', () => {
  it('N cases in M days is policy: a valid section passes, a bad one is refused naming its path (R001-15)', () => {
    expect(validatePolicyText(`${DEFAULT_POLICY_TEXT}\nincidents:\n  minCases: 4\n  windowDays: 14\n`)).toEqual({ ok: true, problems: [] });
    const bad = validatePolicyText(`${DEFAULT_POLICY_TEXT}\nincidents:\n  minCases: 1\n`);
    expect(bad.ok).toBe(false);
    expect(bad.problems[0]).toMatchObject({ path: 'incidents.minCases' });
  });
});
