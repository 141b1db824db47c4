import { describe, expect, it } from 'vitest';
import { caseToken, findCaseToken, replySubject } from './case-token.js';

describe('case token in subjects', () => {
  it('is [#LAD-<id>] and is found through reply prefixes and case changes', () => {
    expect(caseToken(123)).toBe('[#LAD-123]');
    expect(findCaseToken('AW: Re: Mug arrived broken [#lad-123]')).toBe(123);
    expect(findCaseToken('Order 123 question')).toBeNull();
    expect(findCaseToken('[#LAD-0]')).toBeNull();
  });

  it('reply subjects carry "Re:" once and the token once, however often the thread went back and forth', () => {
    expect(replySubject('Mug arrived broken', 7)).toBe('Re: Mug arrived broken [#LAD-7]');
    expect(replySubject('RE: AW: Re: Mug arrived broken [#LAD-7]', 7)).toBe('Re: Mug arrived broken [#LAD-7]');
    expect(replySubject(null, 7)).toBe('Re: [#LAD-7]');
  });
});
