import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors.js';
import { parseJsonLossless } from '../../src/domain/money/lossless-json.js';
import { quoteReturn } from '../../src/domain/returns/quote-return.js';
import { DEFAULT_RETURN_POLICY } from '../../src/domain/returns/return-policy.js';
import { parseReturnRequest } from '../../src/domain/returns/return-request.js';
import { transitionRma } from '../../src/domain/returns/rma.js';
import {
  mapShopifyRefund, mapShopifyReturnWebhook, returnItemsFromRefund, returnItemsFromShopifyReturn, shopifyOrderToReturnOrder,
} from '../../src/integrations/shopify/shopify-returns.mapper.js';

// Fixtures: see test/fixtures/shopify/PROVENANCE.md (Shopify documentation examples, MIT).
const fixtureText = (name: string): string => readFileSync(new URL(`../fixtures/shopify/${name}`, import.meta.url), 'utf8');
const fixture = (name: string): unknown => parseJsonLossless(fixtureText(name));

describe('Shopify order → return-quote order', () => {
  const mapped = shopifyOrderToReturnOrder(fixture('shopify_python_api__order.json'), {
    deliveredAt: '2008-01-15T17:00:00Z',
    categoryOf: (item) => (item.title?.startsWith('IPod') ? 'electronics' : 'general'),
  });

  it('maps lines, prices and the order-level tax spread over the lines', () => {
    expect(mapped.orderId).toBe('450789469');
    expect(mapped.order).toMatchObject({
      number: '#1001',
      currency: 'USD',
      placedAt: '2008-01-10T16:00:00.000Z',
      deliveredAt: '2008-01-15T17:00:00.000Z',
      shipping: '0.00',
    });
    // total_tax 11.94 over three 199.00 lines: 3.98 each, as Shopify's own refund fixture shows per line.
    expect(mapped.order.items).toEqual([
      { sku: 'IPOD2008GREEN', productCategory: 'electronics', unitPrice: '199.00', quantity: 1, tax: '3.98', discount: '0.00' },
      { sku: 'IPOD2008RED', productCategory: 'electronics', unitPrice: '199.00', quantity: 1, tax: '3.98', discount: '0.00' },
      { sku: 'IPOD2008BLACK', productCategory: 'electronics', unitPrice: '199.00', quantity: 1, tax: '3.98', discount: '0.00' },
    ]);
    expect(mapped.skuByLineItemId).toEqual({ 466157049: 'IPOD2008GREEN', 518995019: 'IPOD2008RED', 703073504: 'IPOD2008BLACK' });
  });

  it('a Shopify REST refund of two units quotes as a store-error return of those units', () => {
    const refund = mapShopifyRefund(fixture('shopify_python_api__refund.json'));
    expect(refund).toMatchObject({
      refundId: '509562969', orderId: '450789469', note: 'it broke during shipping', restock: true, currency: 'USD',
      transactions: [{ id: '179259969', kind: 'refund', status: 'success', amount: '209.00' }],
    });
    const items = returnItemsFromRefund(refund, mapped.skuByLineItemId, 'damaged', 'damaged');
    expect(items).toEqual([
      { sku: 'IPOD2008BLACK', quantity: 1, reason: 'damaged', condition: 'damaged' },
      { sku: 'IPOD2008GREEN', quantity: 1, reason: 'damaged', condition: 'damaged' },
    ]);
    const quote = quoteReturn(parseReturnRequest({ now: '2008-01-20T12:00:00Z', order: mapped.order, items }), DEFAULT_RETURN_POLICY);
    expect(quote).toMatchObject({ eligible: true, resolution: 'refund', itemsTotal: 39800, taxTotal: 796, restockingFee: 0, refundTotal: 40596 });
  });
});

describe('Shopify refunds/create webhook (2026-04 documentation example)', () => {
  it('keeps 64-bit ids exact when parsed losslessly, preferring the exact gid', () => {
    const refund = mapShopifyRefund(fixture('2026-04__refunds__create.payload.json'));
    // The example's numeric id was rounded through a double by whoever wrote it; the gid is exact.
    expect(refund.refundId).toBe('890088186047892319');
    expect(refund.orderId).toBe('820982911946154500');
    expect(refund.lines[0]).toEqual({
      refundLineItemId: '487817672276298600', lineItemId: '487817672276298554', sku: 'SKU2006-001', quantity: 1, subtotal: '89.99', tax: '0.00',
    });
    expect(refund.lines.map((l) => l.subtotal)).toEqual(['89.99', '19.99', '24.99', '159.99', '119.99']);
    expect(refund.transactions.map((t) => t.amount)).toEqual(['75.00', '10.00']);
    expect(refund).toMatchObject({ currency: 'USD', note: 'Things were damaged', restock: false, createdAt: '2022-01-01T00:00:00.000Z' });
  });

  it('refuses a body parsed with JSON.parse: its ids have already lost digits', () => {
    const lossy = JSON.parse(fixtureText('2026-04__refunds__create.payload.json')) as unknown;
    expect(() => mapShopifyRefund(lossy)).toThrow(DomainError);
    expect(() => mapShopifyRefund(lossy)).toThrow(/lost digits: parse the body with parseJsonLossless/);
  });

  it('a refund line for an item not in the order is named', () => {
    const refund = mapShopifyRefund(fixture('2026-04__refunds__create.payload.json'));
    expect(() => returnItemsFromRefund(refund, {}, 'damaged', 'damaged')).toThrow('refund_line_items[0].line_item_id: not in the order');
  });
});

describe('Shopify returns/* webhooks → RMA', () => {
  it('returns/request opens an RMA', () => {
    const record = mapShopifyReturnWebhook('returns/request', fixture('2026-04__returns__request.payload.json'));
    expect(record).toMatchObject({
      rmaAction: 'create', returnId: '123134564567890', orderId: '4783296544821', status: 'requested',
      lineCount: 2, lines: [], returnShippingFees: [], exchangeLineCount: 0, decline: null,
    });
  });

  it('returns/approve approves it and carries the return shipping fee as text', () => {
    const record = mapShopifyReturnWebhook('returns/approve', fixture('2026-04__returns__approve.payload.json'));
    expect(record).toMatchObject({ rmaAction: 'approve', status: 'open', exchangeLineCount: 1 });
    // "XXX" is ISO 4217's "no currency": kept as given, never converted.
    expect(record.returnShippingFees).toEqual([{ id: '987654321547866', amount: '10.0', currency: 'XXX' }]);
    expect(transitionRma('requested', record.rmaAction as 'approve')).toBe('approved');
  });

  it('returns/decline denies with Shopify\'s reason; returns/cancel (bare order_id) cancels', () => {
    const declined = mapShopifyReturnWebhook('returns/decline', fixture('2026-04__returns__decline.payload.json'));
    expect(declined).toMatchObject({ rmaAction: 'deny', status: 'declined', decline: { reason: 'return_period_ended' } });
    const cancelled = mapShopifyReturnWebhook('returns/cancel', fixture('2026-04__returns__cancel.payload.json'));
    expect(cancelled).toMatchObject({ rmaAction: 'cancel', orderId: '4783296544821', status: 'canceled' });
  });

  it('other topics are refused', () => {
    expect(() => mapShopifyReturnWebhook('orders/create', {})).toThrow('topic: not a returns topic: "orders/create"');
  });

  it('return line reasons map to ours; OTHER is left for an agent (R004-02)', () => {
    // Hand-written in the documented shape (Shopify's examples ship with no return lines).
    const body = {
      id: 1, status: 'requested', order: { id: 450789469 }, total_return_line_items: 4,
      return_line_items: [
        { id: 11, quantity: 1, return_reason: 'SIZE_TOO_SMALL', fulfillment_line_item: { id: 21, line_item: { id: 466157049 } } },
        { id: 12, quantity: 1, return_reason: 'defective', customer_note: 'no sound', fulfillment_line_item: { id: 22, line_item: { id: 518995019 } } },
        { id: 13, quantity: 1, return_reason: 'OTHER', fulfillment_line_item: { id: 23, line_item: { id: 703073504 } } },
        { id: 14, quantity: 2, return_reason: 'UNWANTED', fulfillment_line_item: { id: 24, line_item: { id: 999 } } },
      ],
    };
    const record = mapShopifyReturnWebhook('returns/request', body);
    expect(record.lines.map((l) => l.reason)).toEqual(['did_not_fit', 'defective', null, 'changed_mind']);
    expect(record.lines[1]?.note).toBe('no sound');
    const skus = { 466157049: 'IPOD2008GREEN', 518995019: 'IPOD2008RED', 703073504: 'IPOD2008BLACK' };
    expect(returnItemsFromShopifyReturn(record, skus, 'opened')).toEqual({
      items: [
        { sku: 'IPOD2008GREEN', quantity: 1, reason: 'did_not_fit', condition: 'opened' },
        { sku: 'IPOD2008RED', quantity: 1, reason: 'defective', condition: 'opened' },
      ],
      unresolved: [
        { returnLineItemId: '13', problem: 'reason OTHER: ask the customer' },
        { returnLineItemId: '14', problem: 'line item not in the order' },
      ],
    });
  });
});

describe('tax-inclusive Shopify prices', () => {
  it('refund what was paid, not price plus tax again', () => {
    const order = {
      id: 1, name: '#9', currency: 'EUR', created_at: '2026-03-01T10:00:00+01:00', taxes_included: true,
      line_items: [{ id: 7, sku: 'MUG', price: '12.00', quantity: 2, tax_lines: [{ price: '4.00' }] }],
    };
    const mapped = shopifyOrderToReturnOrder(order, { deliveredAt: '2026-03-04T12:00:00Z' });
    expect(mapped.order.items[0]).toMatchObject({ unitPrice: '12.00', tax: '4.00', discount: '4.00' });
    const quote = quoteReturn(parseReturnRequest({
      now: '2026-03-05T00:00:00Z', order: mapped.order,
      items: [{ sku: 'MUG', quantity: 2, condition: 'defective', reason: 'defective' }],
    }), DEFAULT_RETURN_POLICY);
    expect(quote.itemsTotal + quote.taxTotal).toBe(2400);
  });
});
