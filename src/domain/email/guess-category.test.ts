import { describe, expect, it } from 'vitest';
import { findOrderNumber, guessEmailCategory } from './guess-category.js';

const all = () => true;

describe('first category of a case opened by email', () => {
  it('prefers the specific issue over the general request', () => {
    expect(guessEmailCategory('The mug arrived broken, I want a refund', all, 'order_status')).toBe('damaged_item');
    expect(guessEmailCategory('Please refund me', all, 'order_status')).toBe('refund_request');
    expect(guessEmailCategory('Where is my order?', all, 'product_information')).toBe('order_status');
  });

  it('falls back to the configured category when nothing matches or the policy lacks the guess', () => {
    expect(guessEmailCategory('Do you sell gift wrap?', all, 'product_information')).toBe('product_information');
    expect(guessEmailCategory('It arrived broken', (c) => c !== 'damaged_item', 'order_status')).toBe('order_status');
  });

  it('finds an order number in the SOP format (R004-02)', () => {
    expect(findOrderNumber('my order ord-20261101-0042 came')).toBe('ORD-20261101-0042');
    expect(findOrderNumber('order 42')).toBeNull();
  });
});
