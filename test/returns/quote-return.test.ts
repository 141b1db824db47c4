import { describe, expect, it } from 'vitest';
import { DEFAULT_RETURN_POLICY, type ReturnPolicy } from '../../src/domain/returns/return-policy.js';
import { parseReturnRequest } from '../../src/domain/returns/return-request.js';
import { quoteReturn, type Quote } from '../../src/domain/returns/quote-return.js';
import { parseReturnPolicy } from '../../src/domain/returns/return-policy.parse.js';
import { contractExampleRequest, requestWith, singleLine, type RequestInput } from './support/return-request-builder.js';

function quote(input: RequestInput, policy: ReturnPolicy = DEFAULT_RETURN_POLICY): Quote {
  return quoteReturn(parseReturnRequest(input), policy);
}

const rules = (q: Quote): string[] => q.reasons.map((r) => r.rule);

describe('the contract example (returns-quote.md)', () => {
  it('opened electronics returned for a change of mind: 199.00 + 16.42 tax − 5.99 shipping − 29.85 fee = 179.58 (R004-06)', () => {
    const q = quote(contractExampleRequest());
    expect(q).toMatchObject({
      eligible: true,
      resolution: 'refund',
      method: 'original_payment',
      currency: 'USD',
      lines: [{ sku: 'EAR-01', quantity: 1, amount: 19900, tax: 1642, restockingFee: 2985 }],
      itemsTotal: 19900,
      taxTotal: 1642,
      shippingRefund: 0,
      returnShippingDeduction: 599,
      restockingFee: 2985,
      refundTotal: 17958,
      approvalRequired: false,
    });
    expect(q.reasons).toContainEqual({ rule: 'R004-06', text: '15% restocking fee on opened electronics', sku: 'EAR-01' });
  });
});

describe('return window (R004-03)', () => {
  // Delivered 2026-10-24 (UTC): the 30th day is 2026-11-23.
  it('the 30th day after delivery is still inside the window', () => {
    const q = quote(requestWith({ now: '2026-11-23T23:59:59Z' }));
    expect(q.eligible).toBe(true);
    expect(q.refundTotal).toBe(17958);
  });

  it('the 31st day after delivery is outside: deny with refundTotal 0', () => {
    const q = quote(requestWith({ now: '2026-11-24T00:00:00Z' }));
    expect(q).toMatchObject({
      eligible: false, resolution: 'deny', method: null, refundTotal: 0, itemsTotal: 0,
      returnShippingDeduction: 0, restockingFee: 0, approvalRequired: false,
    });
    expect(q.reasons[0]).toMatchObject({ rule: 'R004-03' });
    expect(q.reasons[0]?.text).toContain('window ended 2026-11-23');
  });

  it('days are counted on UTC dates, not the customer\'s local date', () => {
    // 23:30 in Chicago on Oct 24 is already Oct 25 in UTC, so the window runs through Nov 24.
    const input = requestWith({ now: '2026-11-24T12:00:00Z', order: { deliveredAt: '2026-10-24T23:30:00-05:00' } });
    expect(quote(input).eligible).toBe(true);
  });
});

describe('holiday extension (R004-04)', () => {
  const holiday = (placedAt: string, deliveredAt: string, now: string): Quote =>
    quote(requestWith({ now, order: { placedAt, deliveredAt } }));

  it('an order placed in November may come back until 31 January of the next year', () => {
    const inside = holiday('2026-11-15T12:00:00Z', '2026-11-20T12:00:00Z', '2027-01-31T23:00:00Z');
    expect(inside.eligible).toBe(true);
    expect(inside.reasons[0]).toMatchObject({ rule: 'R004-04', text: 'holiday purchase: extended return window until 2027-01-31' });
    expect(holiday('2026-11-15T12:00:00Z', '2026-11-20T12:00:00Z', '2027-02-01T00:00:00Z').eligible).toBe(false);
  });

  it('30 days after delivery wins when it is later than 31 January', () => {
    // Placed 30 Dec, delivered 10 Jan: 30 days later is 9 Feb.
    expect(holiday('2026-12-30T12:00:00Z', '2027-01-10T12:00:00Z', '2027-02-09T12:00:00Z').eligible).toBe(true);
    expect(holiday('2026-12-30T12:00:00Z', '2027-01-10T12:00:00Z', '2027-02-10T00:00:00Z').eligible).toBe(false);
  });

  it('an order placed on 31 October (UTC) gets the standard window only', () => {
    expect(holiday('2026-10-31T23:00:00Z', '2026-11-03T12:00:00Z', '2026-12-04T12:00:00Z').eligible).toBe(false);
  });
});

describe('excluded categories and conditions (R004-03)', () => {
  it.each(['gift_card', 'final_sale', 'personalized'])('%s is not returnable for a change of mind', (category) => {
    const q = quote(singleLine('changed_mind', 'unopened', { category }));
    expect(q).toMatchObject({ eligible: false, resolution: 'deny', refundTotal: 0 });
    expect(q.reasons[0]).toMatchObject({ rule: 'R004-03', text: `${category} items are not returnable for customer reasons` });
  });

  it('an excluded category is still returnable when it arrived defective (R004-04)', () => {
    const q = quote(singleLine('defective', 'defective', { category: 'personalized' }));
    // The whole order came back for a store error, so its 9.99 shipping is refunded too.
    expect(q).toMatchObject({ eligible: true, resolution: 'refund', returnShippingDeduction: 0, refundTotal: 4000 + 320 + 999 });
  });

  it('a change-of-mind return that comes back damaged is refused', () => {
    const q = quote(singleLine('changed_mind', 'damaged'));
    expect(q).toMatchObject({ eligible: false, resolution: 'deny' });
    expect(q.reasons[0]?.rule).toBe('R004-03');
  });
});

describe('store errors (R004-04)', () => {
  it('a defect has no time limit and costs the customer nothing', () => {
    const q = quote(singleLine('defective', 'defective', { now: '2028-01-01T00:00:00Z' }));
    expect(q).toMatchObject({ eligible: true, resolution: 'refund', restockingFee: 0, returnShippingDeduction: 0, refundTotal: 4320 + 999 });
  });

  it('opened electronics returned as defective carry no restocking fee', () => {
    const q = quote(requestWith({ items: [{ sku: 'EAR-01', quantity: 1, condition: 'opened', reason: 'defective' }] }));
    expect(q.restockingFee).toBe(0);
    // Every unit came back for a store error: original shipping is refunded too.
    expect(q).toMatchObject({ shippingRefund: 999, refundTotal: 19900 + 1642 + 999 });
  });

  it('a wrong item is replaced, not refunded', () => {
    const q = quote(singleLine('wrong_item', 'unopened'));
    expect(q).toMatchObject({
      eligible: true, resolution: 'replacement', method: null, refundTotal: 0, itemsTotal: 0, shippingRefund: 0,
      lines: [{ sku: 'SKU-1', amount: 0, tax: 0, restockingFee: 0, resolution: 'replacement' }],
    });
    expect(q.reasons.some((r) => r.rule === 'R004-04' && r.text.includes('expedited replacement'))).toBe(true);
  });

  it('a wrong item with preferRefund is refunded like a damaged one, shipping included', () => {
    const input = requestWith({ items: [{ sku: 'EAR-01', quantity: 1, condition: 'unopened', reason: 'wrong_item' }], preferRefund: true });
    expect(quote(input)).toMatchObject({
      resolution: 'refund', method: 'original_payment', returnShippingDeduction: 0, restockingFee: 0,
      shippingRefund: 999, refundTotal: 22541,
    });
  });
});

describe('dissatisfaction goes to a lead (R004-04)', () => {
  it('dissatisfied → lead_review with approval required and the standard quote as provisional amounts', () => {
    const q = quote(singleLine('dissatisfied', 'opened'));
    expect(q).toMatchObject({
      eligible: true, resolution: 'lead_review', approvalRequired: true, method: 'original_payment',
      itemsTotal: 4000, taxTotal: 320, returnShippingDeduction: 599, refundTotal: 3721,
    });
  });
});

describe('store credit (R004-12)', () => {
  it('preferStoreCredit pays the same amounts as store credit', () => {
    const q = quote(requestWith({ preferStoreCredit: true }));
    expect(q).toMatchObject({ resolution: 'store_credit', method: 'store_credit', refundTotal: 17958, storeCreditBonus: 0 });
  });

  it('a policy bonus is added on top, rounded half up', () => {
    const policy = parseReturnPolicy({ storeCredit: { bonusPercent: 10 } }, 'test');
    const q = quote(requestWith({ preferStoreCredit: true }), policy);
    expect(q).toMatchObject({ refundTotal: 17958, storeCreditBonus: 1796 });
  });

  it('a refund under a bonus policy records the store-credit offer', () => {
    const policy = parseReturnPolicy({ storeCredit: { bonusPercent: 10 } }, 'test');
    expect(quote(contractExampleRequest(), policy).reasons).toContainEqual({
      rule: 'R004-12', text: 'offer store credit as an alternative: 10% bonus',
    });
  });
});

describe('supervisor approval (R004-08)', () => {
  const defectiveAt = (price: string): Quote =>
    quote(requestWith({
      order: { shipping: '0.00', items: [{ sku: 'TV-1', productCategory: 'electronics', unitPrice: price, quantity: 1, tax: '0.00' }] },
      items: [{ sku: 'TV-1', quantity: 1, condition: 'defective', reason: 'defective' }],
    }));

  it('a refund of exactly 500.00 needs no approval', () => {
    expect(defectiveAt('500.00')).toMatchObject({ refundTotal: 50000, approvalRequired: false });
  });

  it('a refund of 500.01 needs supervisor approval', () => {
    const q = defectiveAt('500.01');
    expect(q).toMatchObject({ refundTotal: 50001, approvalRequired: true });
    expect(rules(q)).toContain('R004-08');
  });
});

describe('mixed requests', () => {
  const mixedOrder = {
    shipping: '7.00',
    items: [
      { sku: 'HEAD-1', productCategory: 'electronics', unitPrice: '100.00', quantity: 2, tax: '16.00' },
      { sku: 'TEE-1', productCategory: 'apparel', unitPrice: '30.00', quantity: 1, tax: '2.40' },
    ],
  };

  it('one customer-reason line is enough for the 5.99 deduction, taken once', () => {
    const q = quote(requestWith({
      order: mixedOrder,
      items: [
        { sku: 'HEAD-1', quantity: 1, condition: 'opened', reason: 'changed_mind' },
        { sku: 'TEE-1', quantity: 1, condition: 'defective', reason: 'defective' },
      ],
    }));
    expect(q).toMatchObject({
      resolution: 'refund', itemsTotal: 13000, taxTotal: 1040, restockingFee: 1500, returnShippingDeduction: 599,
      shippingRefund: 0, refundTotal: 13000 + 1040 - 599 - 1500,
    });
  });

  it('an excluded line is denied on its own; the other lines still quote', () => {
    const q = quote(requestWith({
      order: { items: [...mixedOrder.items, { sku: 'GC-50', productCategory: 'gift_card', unitPrice: '50.00', quantity: 1 }] },
      items: [
        { sku: 'GC-50', quantity: 1, condition: 'unopened', reason: 'changed_mind' },
        { sku: 'TEE-1', quantity: 1, condition: 'defective', reason: 'defective' },
      ],
    }));
    expect(q).toMatchObject({ eligible: true, resolution: 'refund', itemsTotal: 3000, returnShippingDeduction: 0 });
    expect(q.lines[0]).toMatchObject({ sku: 'GC-50', eligible: false, resolution: 'deny', amount: 0 });
  });

  it('a dissatisfied line sends the whole quote to a lead', () => {
    const q = quote(requestWith({
      order: mixedOrder,
      items: [
        { sku: 'HEAD-1', quantity: 2, condition: 'unopened', reason: 'did_not_fit' },
        { sku: 'TEE-1', quantity: 1, condition: 'opened', reason: 'dissatisfied' },
      ],
    }));
    expect(q).toMatchObject({ resolution: 'lead_review', approvalRequired: true });
  });

  it('original shipping comes back only when every unit of the order returns for a store error', () => {
    const items = [
      { sku: 'HEAD-1', quantity: 2, condition: 'defective', reason: 'defective' },
      { sku: 'TEE-1', quantity: 1, condition: 'damaged', reason: 'damaged' },
    ];
    expect(quote(requestWith({ order: mixedOrder, items })).shippingRefund).toBe(700);
    expect(quote(requestWith({ order: mixedOrder, items: items.slice(0, 1) })).shippingRefund).toBe(0);
  });

  it('one line split over several returns never refunds more tax than the line carried', () => {
    const q = quote(requestWith({
      order: { items: [{ sku: 'PEN', productCategory: 'office', unitPrice: '1.00', quantity: 3, tax: '0.10' }] },
      items: [
        { sku: 'PEN', quantity: 1, condition: 'defective', reason: 'defective' },
        { sku: 'PEN', quantity: 1, condition: 'defective', reason: 'defective' },
        { sku: 'PEN', quantity: 1, condition: 'defective', reason: 'defective' },
      ],
    }));
    expect(q.lines.map((l) => l.tax)).toEqual([3, 4, 3]);
    expect(q.taxTotal).toBe(10);
  });
});

describe('amounts', () => {
  it('deductions larger than the refund leave refundTotal at 0, never negative', () => {
    const q = quote(singleLine('changed_mind', 'unopened', { price: '3.00', tax: '0.00' }));
    expect(q).toMatchObject({ eligible: true, itemsTotal: 300, returnShippingDeduction: 599, refundTotal: 0 });
  });

  it('tax is refunded pro rata for a partial return, rounded half up', () => {
    // 1 of 3 units of a line taxed 10.00 → 3.333… → 3.33; 2 of 3 → 6.666… → 6.67.
    const order = { items: [{ sku: 'MUG', productCategory: 'kitchen', unitPrice: '20.00', quantity: 3, tax: '10.00' }] };
    const one = quote(requestWith({ order, items: [{ sku: 'MUG', quantity: 1, condition: 'unopened', reason: 'did_not_fit' }] }));
    const two = quote(requestWith({ order, items: [{ sku: 'MUG', quantity: 2, condition: 'unopened', reason: 'did_not_fit' }] }));
    expect(one.taxTotal).toBe(333);
    expect(two.taxTotal).toBe(667);
  });

  it('a line discount is refunded pro rata: the customer gets back what they paid', () => {
    const order = { items: [{ sku: 'MUG', productCategory: 'kitchen', unitPrice: '20.00', quantity: 2, discount: '5.00' }] };
    const q = quote(requestWith({ order, items: [{ sku: 'MUG', quantity: 1, condition: 'defective', reason: 'defective' }] }));
    expect(q.itemsTotal).toBe(2000 - 250);
  });

  it('JPY has no minor unit: the 5.99 deduction becomes 6 yen and the fee rounds to whole yen', () => {
    const q = quote(requestWith({
      order: { currency: 'JPY', shipping: '800', items: [{ sku: 'EAR-01', productCategory: 'electronics', unitPrice: '19999', quantity: 1, tax: '1999' }] },
    }));
    // 15% of 19999 = 2999.85 → 3000.
    expect(q).toMatchObject({ currency: 'JPY', itemsTotal: 19999, restockingFee: 3000, returnShippingDeduction: 6, refundTotal: 19999 + 1999 - 6 - 3000 });
  });

  it('KWD has three decimals: 5.99 is 5990 fils', () => {
    const q = quote(requestWith({
      order: { currency: 'KWD', shipping: '1.500', items: [{ sku: 'EAR-01', productCategory: 'electronics', unitPrice: '59.995', quantity: 1, tax: '0.000' }] },
    }));
    // 15% of 59995 fils = 8999.25 → 8999.
    expect(q).toMatchObject({ itemsTotal: 59995, restockingFee: 8999, returnShippingDeduction: 5990, refundTotal: 59995 - 5990 - 8999 });
  });

  it('a per-currency policy amount overrides the rounded default', () => {
    const policy = parseReturnPolicy({ returnShippingDeduction: { default: '5.99', JPY: '700' } }, 'test');
    const q = quote(requestWith({ order: { currency: 'JPY', shipping: '0', items: [{ sku: 'EAR-01', productCategory: 'apparel', unitPrice: '5000', quantity: 1, tax: '0' }] } }), policy);
    expect(q.returnShippingDeduction).toBe(700);
  });
});

describe('warranty is checked first (R004-12)', () => {
  // The custom policy: store errors within 90 days, electronics warranty 730 days.
  const policy = parseReturnPolicy({ storeErrorWindowDays: 90, warrantyDays: { electronics: 730 } }, 'test');

  it('a defect past the window but within the warranty is accepted, citing the warranty', () => {
    const q = quote(singleLine('defective', 'defective', { category: 'electronics', now: '2027-06-01T00:00:00Z' }), policy);
    expect(q.eligible).toBe(true);
    expect(q.reasons[0]?.rule).toBe('R004-12');
    expect(q.reasons[0]?.text).toContain('within the 730-day electronics warranty');
  });

  it('a defect with no warranty past the store-error limit is refused', () => {
    const q = quote(singleLine('defective', 'defective', { category: 'apparel', now: '2027-06-01T00:00:00Z' }), policy);
    expect(q).toMatchObject({ eligible: false, resolution: 'deny' });
    expect(q.reasons[0]?.rule).toBe('R004-04');
  });

  it('a defect past the warranty too is refused', () => {
    const q = quote(singleLine('defective', 'defective', { category: 'electronics', now: '2029-01-01T00:00:00Z' }), policy);
    expect(q.eligible).toBe(false);
  });
});

describe('condition requirements apply to change-of-mind returns, not to a lead\'s review (R004-03, R004-04)', () => {
  it('a dissatisfied customer with a damaged item still reaches a lead', () => {
    expect(quote(singleLine('dissatisfied', 'damaged'))).toMatchObject({ eligible: true, resolution: 'lead_review' });
  });

  it('an item that did not fit must come back unopened or opened', () => {
    expect(quote(singleLine('did_not_fit', 'defective'))).toMatchObject({ eligible: false, resolution: 'deny' });
  });
});
