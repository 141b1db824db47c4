import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors.js';
import { parseReturnRequest } from '../../src/domain/returns/return-request.js';
import { contractExampleRequest, requestWith } from './support/return-request-builder.js';

/** The one-line message the CLI prints: "field: problem". */
function problem(input: unknown, options: Parameters<typeof parseReturnRequest>[1] = {}): string {
  try {
    parseReturnRequest(input, options);
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('invalid_input');
    return (err as DomainError).message;
  }
  throw new Error('expected the request to be refused');
}

const twoLineOrder = {
  items: [
    { sku: 'A', productCategory: 'apparel', unitPrice: '10.00', quantity: 2, tax: '1.60' },
    { sku: 'B', productCategory: 'apparel', unitPrice: '5.00', quantity: 1 },
  ],
};

describe('return request validation names the field', () => {
  it('converts the contract example to minor units', () => {
    const request = parseReturnRequest(contractExampleRequest());
    expect(request.order).toMatchObject({ currency: 'USD', shipping: 999 });
    expect(request.order.items[0]).toMatchObject({ unitPrice: 19900, tax: 1642, discount: 0 });
    expect(request.now.toISOString()).toBe('2026-11-20T15:00:00.000Z');
  });

  it('a returned sku must be in the order', () => {
    const input = requestWith({ items: [{ sku: 'NOPE', quantity: 1, condition: 'opened', reason: 'changed_mind' }] });
    expect(problem(input)).toBe('items[0].sku: not in the order');
  });

  it('amounts must be decimal strings, never JSON numbers', () => {
    const input = requestWith({ order: { items: [twoLineOrder.items[0]!, { ...twoLineOrder.items[1]!, unitPrice: 5 as unknown as string }] } });
    expect(problem(input)).toBe('order.items[1].unitPrice: expected a decimal string such as "19.99"');
  });

  it('more decimals than the currency has are refused (JPY has none)', () => {
    expect(problem(requestWith({ order: { shipping: '9.999' } }))).toMatch(/^order\.shipping: more decimal places than USD has \(2\)$/);
    // The example's tax 16.42 cannot be yen; 199.00 can (trailing zeros are fine).
    expect(problem(requestWith({ order: { currency: 'JPY' } }))).toBe('order.items[0].tax: more decimal places than JPY has (0)');
  });

  it('negative amounts are refused', () => {
    expect(problem(requestWith({ order: { shipping: '-1.00' } }))).toBe('order.shipping: must not be negative');
  });

  it('more units than were ordered cannot come back, counted across lines', () => {
    expect(problem(requestWith({ items: [{ sku: 'EAR-01', quantity: 2, condition: 'opened', reason: 'changed_mind' }] })))
      .toBe('items[0].quantity: 2 returned but 1 ordered');
    const split = requestWith({
      order: twoLineOrder,
      items: [
        { sku: 'A', quantity: 2, condition: 'opened', reason: 'changed_mind' },
        { sku: 'A', quantity: 1, condition: 'opened', reason: 'defective' },
      ],
    });
    expect(problem(split)).toBe('items[1].quantity: 3 returned but 2 ordered');
  });

  it('quantities are whole numbers of at least 1', () => {
    expect(problem(requestWith({ items: [{ sku: 'EAR-01', quantity: 0.5, condition: 'opened', reason: 'changed_mind' }] })))
      .toBe('items[0].quantity: expected a whole number of at least 1');
  });

  it('unknown reasons and conditions list the accepted words', () => {
    expect(problem(requestWith({ items: [{ sku: 'EAR-01', quantity: 1, condition: 'opened', reason: 'broken' }] })))
      .toBe('items[0].reason: unknown reason "broken" (expected changed_mind, did_not_fit, dissatisfied, damaged, defective, wrong_item)');
    expect(problem(requestWith({ items: [{ sku: 'EAR-01', quantity: 1, condition: 'used', reason: 'defective' }] })))
      .toMatch(/^items\[0\]\.condition: unknown condition "used"/);
  });

  it.each([
    ['2026-02-30T10:00:00Z', 'an impossible calendar date'],
    ['2026-10-20T10:00:00', 'a time without a zone'],
    ['20/10/2026', 'a non-ISO date'],
  ])('placedAt %s (%s) is refused', (placedAt) => {
    expect(problem(requestWith({ order: { placedAt } }))).toMatch(/^order\.placedAt: expected an ISO 8601 date-time/);
  });

  it('dates must be in order: placed ≤ delivered ≤ now', () => {
    expect(problem(requestWith({ order: { deliveredAt: '2026-10-19T00:00:00Z' } }))).toBe('order.deliveredAt: is before order.placedAt');
    expect(problem(requestWith({ now: '2026-10-23T00:00:00Z' }))).toMatch(/^now: is before order\.deliveredAt/);
  });

  it.each(['usd', 'XXX', 'ABC', ''])('currency %j is refused', (currency) => {
    expect(problem(requestWith({ order: { currency } }))).toMatch(/^order\.currency: /);
  });

  it('an order may not list the same sku twice', () => {
    const input = requestWith({ order: { items: [twoLineOrder.items[0]!, twoLineOrder.items[0]!] } });
    expect(problem(input)).toBe('order.items[1].sku: duplicate sku "A"');
  });

  it('a request that is not an object is named as such', () => {
    expect(problem([])).toBe('request: expected an object');
    expect(problem('x', { path: '[3]' })).toBe('[3]: expected an object');
  });

  it('field paths carry the array prefix for batch input', () => {
    const input = requestWith({ items: [{ sku: 'NOPE', quantity: 1, condition: 'opened', reason: 'changed_mind' }] });
    expect(problem(input, { path: '[2]' })).toBe('[2].items[0].sku: not in the order');
  });

  it('a missing `now` falls back to the caller\'s clock, and is required without one', () => {
    const { now: _omitted, ...withoutNow } = contractExampleRequest();
    expect(parseReturnRequest(withoutNow, { now: new Date('2026-11-21T00:00:00Z') }).now.toISOString()).toBe('2026-11-21T00:00:00.000Z');
    expect(problem(withoutNow)).toMatch(/^now: expected an ISO 8601 date-time/);
  });

  it('accepts offsets and converts them to UTC', () => {
    const request = parseReturnRequest(requestWith({ order: { deliveredAt: '2026-10-24T23:30:00-05:00' } }));
    expect(request.order.deliveredAt.toISOString()).toBe('2026-10-25T04:30:00.000Z');
  });
});
