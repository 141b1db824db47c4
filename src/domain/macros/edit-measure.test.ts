import { describe, expect, it } from 'vitest';
import { closestName, measureMacroEdit, onlyBlanksFilled, tokenEditDistance, tokenize } from './edit-measure.js';

describe('macro edit measure (R000-10: canned replies are fitted, not pasted)', () => {
  it('tokenizes words, numbers and punctuation, case-folded, whitespace ignored', () => {
    expect(tokenize("Hi Ava,\n  it's order #ORD-20261101-0042 — $12.50!")).toEqual(['hi', 'ava', ',', "it's", 'order', '#', 'ord-20261101-0042', '—', '$', '12.50', '!']);
  });

  it('word-level Levenshtein counts inserted, deleted and replaced words', () => {
    expect(tokenEditDistance(tokenize('the parcel left today'), tokenize('the parcel left today'))).toBe(0);
    expect(tokenEditDistance(tokenize('the parcel left today'), tokenize('the box left yesterday'))).toBe(2);
    expect(tokenEditDistance(tokenize('a b c'), tokenize('a b c d e'))).toBe(2);
    expect(tokenEditDistance(tokenize(''), tokenize('x y'))).toBe(2);
    expect(tokenEditDistance(tokenize('kitten sat'), tokenize('sitting sat down'))).toBe(2);
  });

  it('a reply sent exactly as rendered is unedited, whitespace and wrapping aside', () => {
    const rendered = 'Hi Ava,\n\nYour order shipped today.';
    expect(measureMacroEdit(rendered, 'Hi Ava,  Your order\nshipped today.  ')).toEqual({ editDistance: 0, editRatio: 0, unedited: true });
  });

  it('filling the blanks only is still unedited; each blank costs about its words', () => {
    const rendered = 'Order #1042 delayed. Reason: [[why]]. New ship date: [[new ship date]].';
    const sent = 'Order #1042 delayed. Reason: the courier missed the pickup. New ship date: December 2.';
    const m = measureMacroEdit(rendered, sent);
    expect(m.unedited).toBe(true);
    // [[why]] → 5 words (1 substitution + 4 insertions); [[new ship date]] → 2 words (1 + 1).
    expect(m.editDistance).toBe(7);
  });

  it('changing wording outside the blanks marks the reply edited, with a ratio of words changed', () => {
    const rendered = 'Hi Ava, your order shipped today with [[carrier]]. Thanks for your patience.';
    const sent = 'Hi Ava, good news: your order left our warehouse today with UPS. Thanks for waiting!';
    const m = measureMacroEdit(rendered, sent);
    expect(m.unedited).toBe(false);
    expect(m.editDistance).toBeGreaterThan(3);
    expect(m.editRatio).toBeGreaterThan(0.2);
    expect(m.editRatio).toBeLessThan(1);
  });

  it('a blank removed instead of filled counts as an edit', () => {
    expect(onlyBlanksFilled('Hi [[name]] there', 'Hi there')).toBe(false);
    expect(onlyBlanksFilled('[[greeting]] Ava', 'Hello Ava')).toBe(true);
    expect(onlyBlanksFilled('Dear Ava, [[body]]', 'Dear Ava, all done.')).toBe(true);
    expect(onlyBlanksFilled('A [[x]] B [[y]] C', 'A 1 B 2 B 3 C')).toBe(true);
    expect(onlyBlanksFilled('A [[x]] B [[y]] C', 'A 1 C 2 C')).toBe(false);
  });

  it('a reply with nothing in common has ratio 1', () => {
    expect(measureMacroEdit('alpha beta gamma', 'one two three').editRatio).toBe(1);
  });

  it('handles 5,000-character texts (the measure is linear in memory)', () => {
    const words = Array.from({ length: 900 }, (_, i) => `word${i % 97}`);
    const rendered = words.join(' ');
    const sent = words.map((w, i) => (i % 50 === 0 ? 'changed' : w)).join(' ');
    expect(rendered.length).toBeGreaterThan(5000);
    const m = measureMacroEdit(rendered, sent);
    expect(m.editDistance).toBe(18);
    expect(m.unedited).toBe(false);
  });

  it('suggests the closest known name for a typo, none when nothing is close', () => {
    expect(closestName('order.nubmer', ['order.number', 'order.total'])).toBe('order.number');
    expect(closestName('zzz', ['order.number'])).toBeNull();
  });
});
