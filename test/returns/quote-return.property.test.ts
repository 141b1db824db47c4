import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minorToDecimal } from '../../src/domain/money/decimal.js';
import { quoteReturn, type Quote } from '../../src/domain/returns/quote-return.js';
import { DEFAULT_RETURN_POLICY } from '../../src/domain/returns/return-policy.js';
import { parseReturnRequest } from '../../src/domain/returns/return-request.js';
import { RETURN_CONDITIONS, RETURN_REASONS } from '../../src/domain/returns/return-vocabulary.js';

// Random orders and returns in currencies with 0, 2 and 3 decimals, checked against the invariants
// of returns-quote.md: never more than was paid, never negative, whole minor units, half-up rounding.

interface GeneratedLine {
  unitPrice: number;
  quantity: number;
  tax: number;
  discountPermille: number;
  category: string;
  returns: { quantity: number; reason: string; condition: string }[];
}

const DAY = 86_400_000;
const BASE = Date.UTC(2025, 0, 1);

const lineArb: fc.Arbitrary<GeneratedLine> = fc.record({
  unitPrice: fc.integer({ min: 0, max: 2_000_000 }),
  quantity: fc.integer({ min: 1, max: 5 }),
  tax: fc.integer({ min: 0, max: 400_000 }),
  discountPermille: fc.integer({ min: 0, max: 1000 }),
  category: fc.constantFrom('electronics', 'electronics', 'apparel', 'gift_card', 'final_sale', 'personalized', 'home'),
  returns: fc.array(
    fc.record({
      quantity: fc.integer({ min: 1, max: 5 }),
      reason: fc.constantFrom(...RETURN_REASONS),
      condition: fc.constantFrom(...RETURN_CONDITIONS),
    }),
    { minLength: 0, maxLength: 3 },
  ),
});

const scenarioArb = fc.record({
  currency: fc.constantFrom('USD', 'EUR', 'JPY', 'CLP', 'KWD', 'BHD'),
  lines: fc.array(lineArb, { minLength: 1, maxLength: 4 }),
  shipping: fc.integer({ min: 0, max: 50_000 }),
  deliveredOffsetMs: fc.integer({ min: 0, max: 800 * DAY }),
  placedBeforeMs: fc.integer({ min: 0, max: 20 * DAY }),
  // Mostly inside or near the 30-day window, sometimes far past it.
  nowAfterMs: fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 35 * DAY }), weight: 3 },
    { arbitrary: fc.integer({ min: 0, max: 500 * DAY }), weight: 1 },
  ),
  preferStoreCredit: fc.boolean(),
  preferRefund: fc.boolean(),
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

interface Built {
  input: unknown;
  paid: number;
  goodsAndTaxPaid: number;
  lines: { sku: string; unitPrice: number; quantity: number; tax: number; discount: number; category: string }[];
}

function build(s: Scenario): Built {
  const lines = s.lines.map((l, i) => ({
    sku: `SKU-${i}`,
    unitPrice: l.unitPrice,
    quantity: l.quantity,
    tax: l.tax,
    discount: Math.floor((l.unitPrice * l.quantity * l.discountPermille) / 1000),
    category: l.category,
  }));
  const returns: { sku: string; quantity: number; reason: string; condition: string }[] = [];
  s.lines.forEach((l, i) => {
    let left = l.quantity;
    for (const r of l.returns) {
      const quantity = Math.min(r.quantity, left);
      if (quantity === 0) break;
      left -= quantity;
      returns.push({ sku: `SKU-${i}`, quantity, reason: r.reason, condition: r.condition });
    }
  });
  if (returns.length === 0) returns.push({ sku: 'SKU-0', quantity: 1, reason: 'changed_mind', condition: 'unopened' });
  const delivered = BASE + s.deliveredOffsetMs;
  const money = (minor: number): string => minorToDecimal(minor, s.currency);
  const goodsAndTaxPaid = lines.reduce((t, l) => t + l.unitPrice * l.quantity - l.discount + l.tax, 0);
  return {
    input: {
      now: new Date(delivered + s.nowAfterMs).toISOString(),
      order: {
        number: 'ORD-20250101-0001',
        currency: s.currency,
        placedAt: new Date(delivered - s.placedBeforeMs).toISOString(),
        deliveredAt: new Date(delivered).toISOString(),
        shipping: money(s.shipping),
        items: lines.map((l) => ({
          sku: l.sku, productCategory: l.category, unitPrice: money(l.unitPrice), quantity: l.quantity,
          tax: money(l.tax), discount: money(l.discount),
        })),
      },
      items: returns,
      preferStoreCredit: s.preferStoreCredit,
      preferRefund: s.preferRefund,
    },
    paid: goodsAndTaxPaid + s.shipping,
    goodsAndTaxPaid,
    lines,
  };
}

function quoteOf(built: Built): Quote {
  return quoteReturn(parseReturnRequest(built.input), DEFAULT_RETURN_POLICY);
}

const RUNS = { numRuns: 500 };

describe('return quote invariants (property tests)', () => {
  it('never refunds more than the order cost, and never a negative total', () => {
    fc.assert(fc.property(scenarioArb, (s) => {
      const built = build(s);
      const q = quoteOf(built);
      expect(q.refundTotal).toBeGreaterThanOrEqual(0);
      expect(q.refundTotal).toBeLessThanOrEqual(built.paid);
      expect(q.itemsTotal + q.taxTotal).toBeLessThanOrEqual(built.goodsAndTaxPaid);
    }), RUNS);
  });

  it('every amount is a non-negative whole number of minor units', () => {
    fc.assert(fc.property(scenarioArb, (s) => {
      const q = quoteOf(build(s));
      const amounts = [
        q.itemsTotal, q.taxTotal, q.shippingRefund, q.returnShippingDeduction, q.restockingFee, q.refundTotal, q.storeCreditBonus,
        ...q.lines.flatMap((l) => [l.amount, l.tax, l.restockingFee]),
      ];
      for (const amount of amounts) {
        expect(Number.isSafeInteger(amount)).toBe(true);
        expect(amount).toBeGreaterThanOrEqual(0);
      }
    }), RUNS);
  });

  it('refundTotal is items + tax + shipping − deduction − fees, floored at 0', () => {
    fc.assert(fc.property(scenarioArb, (s) => {
      const q = quoteOf(build(s));
      const gross = q.itemsTotal + q.taxTotal + q.shippingRefund - q.returnShippingDeduction - q.restockingFee;
      expect(q.refundTotal).toBe(Math.max(0, gross));
      expect(q.itemsTotal).toBe(q.lines.reduce((t, l) => t + l.amount, 0));
    }), RUNS);
  });

  it('the restocking fee is 15% of the line rounded half up in the currency\'s minor unit (R004-06)', () => {
    fc.assert(fc.property(scenarioArb, (s) => {
      for (const line of quoteOf(build(s)).lines.filter((l) => l.restockingFee > 0)) {
        // half up: fee − 0.15 × amount ∈ (−0.5, 0.5], scaled by 100 to stay in integers.
        const error = 100 * line.restockingFee - 15 * line.amount;
        expect(error).toBeGreaterThan(-50);
        expect(error).toBeLessThanOrEqual(50);
      }
    }), RUNS);
  });

  it('tax is refunded pro rata per line, rounded half up, and never beyond the line\'s tax', () => {
    fc.assert(fc.property(scenarioArb, (s) => {
      const built = build(s);
      const q = quoteOf(built);
      for (const orderLine of built.lines) {
        const quoted = q.lines.filter((l) => l.sku === orderLine.sku);
        expect(quoted.reduce((t, l) => t + l.tax, 0)).toBeLessThanOrEqual(orderLine.tax);
        const [only] = quoted;
        if (quoted.length === 1 && only && only.amount + only.tax > 0) {
          // tax ≈ T × q / n, half up: 2 × (tax × n − T × q) ∈ (−n, n].
          const error = 2 * (only.tax * orderLine.quantity - orderLine.tax * only.quantity);
          expect(error).toBeGreaterThan(-orderLine.quantity);
          expect(error).toBeLessThanOrEqual(orderLine.quantity);
        }
      }
    }), RUNS);
  });

  it('a quote with no eligible line is a denial of nothing', () => {
    fc.assert(fc.property(scenarioArb, (s) => {
      const q = quoteOf(build(s));
      if (!q.eligible) {
        expect(q).toMatchObject({ resolution: 'deny', method: null, refundTotal: 0, approvalRequired: false });
      } else {
        expect(q.resolution).not.toBe('deny');
      }
    }), RUNS);
  });
});
