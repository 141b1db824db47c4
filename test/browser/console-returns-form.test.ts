import { describe, expect, test } from 'vitest';
import { formatMinor } from '../../src/console/lib/money.js';
import { buildQuoteRequest, newLine, toFormField, type ReturnDraft } from '../../src/console/pages/case/returns/return-draft.js';

// The console's returns form (issue 8): money shown from minor units in the currency's own exponent
// (returns-quote.md), and the server's field paths shown on the form line they came from.

describe('refund amounts in the console', () => {
  // ICU puts a no-break space between a currency code and the amount.
  const shown = (minor: number, currency: string) => formatMinor(minor, currency, 'en-US').replace(/\u00a0/g, ' ');

  test('minor units are shown with the ISO 4217 exponent of the currency', () => {
    expect(shown(17958, 'USD')).toBe('$179.58');
    expect(shown(1000, 'JPY')).toBe('¥1,000');
    expect(shown(5990, 'KWD')).toBe('KWD 5.990');
    // ICU shows HUF without decimals; the platform settles hundredths, so they are kept.
    expect(shown(123456, 'HUF')).toBe('HUF 1,234.56');
  });

  test('an amount beyond a float\'s exact range is shown digit for digit', () => {
    expect(shown(9_007_199_254_740_991, 'USD')).toBe('$90,071,992,547,409.91');
  });
});

describe('the returns form as a quote request (returns-quote.md)', () => {
  const draft = (): ReturnDraft => ({
    currency: 'USD', placedAt: '2026-10-20T10:00:00Z', deliveredAt: '2026-10-24T16:00:00Z', shipping: '9.99',
    lines: [
      { ...newLine(), sku: 'EAR-01', productCategory: 'electronics', unitPrice: '199.00', quantity: '1', tax: '16.42', returnQuantity: '0' },
      { ...newLine(), sku: 'CASE-02', productCategory: 'general', unitPrice: '20.00', quantity: '2', tax: '', returnQuantity: '2', condition: 'opened', reason: 'did_not_fit' },
    ],
    preferStoreCredit: false, preferRefund: false,
  });

  test('lines kept by the customer are on the order but not returned; amounts stay decimal strings', () => {
    const { body, returnedLine } = buildQuoteRequest('ORD-20261020-0001', draft(), null);
    expect(returnedLine).toEqual([1]);
    expect(body).toEqual({
      order: {
        number: 'ORD-20261020-0001', currency: 'USD', shipping: '9.99', placedAt: '2026-10-20T10:00:00Z', deliveredAt: '2026-10-24T16:00:00Z',
        items: [
          { sku: 'EAR-01', productCategory: 'electronics', unitPrice: '199.00', quantity: 1, tax: '16.42' },
          { sku: 'CASE-02', productCategory: 'general', unitPrice: '20.00', quantity: 2, tax: '0' },
        ],
      },
      items: [{ sku: 'CASE-02', quantity: 2, condition: 'opened', reason: 'did_not_fit' }],
    });
  });

  test('a server error on a returned item lands on the form line it came from', () => {
    expect(toFormField('items[0].reason', [1])).toBe('lines[1].reason');
    expect(toFormField('items[0].quantity', [1])).toBe('lines[1].returnQuantity');
    expect(toFormField('order.items[0].unitPrice', [1])).toBe('lines[0].unitPrice');
    expect(toFormField('order.shipping', [1])).toBe('shipping');
    expect(toFormField('phoneLast4', [1])).toBe('phoneLast4');
  });
});
