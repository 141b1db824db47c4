import { describe, expect, it } from 'vitest';
import { describeUnfilled, unfilledPlaceholders } from './placeholders.js';

describe('unfilled placeholders (issue 5 item 3)', () => {
  it('finds [[blanks]], unrendered {{variables}} and the paper templates\' ____ blanks (R001-10)', () => {
    const text = 'Order #____ delayed. Reason: [[ why ]]. Hi {{customer.firstName | default:"x"}}.';
    expect(unfilledPlaceholders(text)).toEqual([
      { kind: 'blank', label: '____', start: 7, end: 11 },
      { kind: 'placeholder', label: 'why', start: 29, end: 38 },
      { kind: 'variable', label: 'customer.firstName', start: 43, end: 79 },
    ]);
  });

  it('a fully written reply has none; single brackets and two underscores are ordinary text', () => {
    expect(unfilledPlaceholders('Your order [ORD-1] ships on __Monday__ (see [1]).')).toEqual([]);
  });

  it('describes what is left for an error message, capped', () => {
    const items = unfilledPlaceholders('[[a]] [[b]] {{order.number}} ___ [[c]] [[d]] [[e]]');
    expect(describeUnfilled(items, 3)).toBe('[[a]], [[b]], {{order.number}} and 4 more');
  });
});
