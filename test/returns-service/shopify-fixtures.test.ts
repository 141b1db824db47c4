import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { parseJsonLossless } from '../../src/domain/money/lossless-json.js';
import {
  mapShopifyRefund, mapShopifyReturnWebhook, returnItemsFromRefund, shopifyOrderToReturnOrder, type ReturnItemInput, type ShopifyReturnRecord,
} from '../../src/integrations/shopify/shopify-returns.mapper.js';
import { requestRma } from '../../src/services/returns/request-rma.js';
import { approveRma } from '../../src/services/returns/approve-rma.js';
import { denyRma } from '../../src/services/returns/deny-rma.js';
import { cancelRma } from '../../src/services/returns/cancel-rma.js';
import { markLabelSent } from '../../src/services/returns/mark-label-sent.js';
import { receiveRma } from '../../src/services/returns/receive-rma.js';
import { inspectRma } from '../../src/services/returns/inspect-rma.js';
import { refundRma } from '../../src/services/returns/refund-rma.js';
import { quoteReturnRequest } from '../../src/services/returns/quote-return-request.js';
import type { RmaView } from '../../src/services/returns/rma-view.js';
import { PHONE_LAST4, openReturnCase, pinClock, restoreClock } from './support/returns-world.js';

// Shopify's own payloads (test/fixtures/shopify/PROVENANCE.md: documentation examples, MIT) turned
// into quotes and RMAs through the existing mapper (issue 6 item 7).

const fixture = (name: string): unknown => parseJsonLossless(readFileSync(new URL(`../fixtures/shopify/${name}`, import.meta.url), 'utf8'));
const dialects = await availableDialects();

const restOrder = (orderNumber: string) => shopifyOrderToReturnOrder(fixture('shopify_python_api__order.json'), {
  deliveredAt: '2008-01-15T17:00:00Z',
  categoryOf: (item) => (item.title?.startsWith('IPod') ? 'electronics' : 'general'),
  orderNumber,
});

describe.each(dialects)('Shopify payloads → quotes and RMAs on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect); });
  beforeEach(() => pinClock('2008-01-20T12:00:00Z'));
  afterAll(async () => {
    restoreClock();
    await t?.close();
  });

  async function openShopifyOrder(mapped: ReturnType<typeof restOrder>): Promise<string> {
    return openReturnCase(t, { number: mapped.order.number, placedAt: mapped.order.placedAt, deliveredAt: mapped.order.deliveredAt, currency: mapped.order.currency });
  }

  async function settle(number: string, outcome: 'resellable' | 'damaged', amount: string, note: string): Promise<RmaView> {
    await approveRma(t.store, t.actors.agent, { number });
    await markLabelSent(t.store, t.actors.agent, { number });
    await receiveRma(t.store, t.actors.agent, { number });
    await inspectRma(t.store, t.actors.agent, { number, body: { outcome } });
    return refundRma(t.store, t.actors.agent, { number, body: { amount, note } });
  }

  it('a REST refund of two iPods "broken during shipping" quotes and becomes an RMA, paid as Shopify paid it (R004-04, R004-11)', async () => {
    const mapped = restOrder('ORD-20080110-1001');
    const caseId = await openShopifyOrder(mapped);
    const refund = mapShopifyRefund(fixture('shopify_python_api__refund.json'));
    const items = returnItemsFromRefund(refund, mapped.skuByLineItemId, 'damaged', 'damaged');

    const quote = await quoteReturnRequest(t.store, t.actors.agent, { order: mapped.order, items });
    expect(quote).toMatchObject({ eligible: true, resolution: 'refund', itemsTotal: 39800, taxTotal: 796, returnShippingDeduction: 0, refundTotal: 40596 });

    const rma = await requestRma(t.store, t.actors.agent, { order: mapped.order, items, phoneLast4: PHONE_LAST4, caseId, note: refund.note });
    expect(rma).toMatchObject({ state: 'requested', reason: 'damaged', refundTotal: 40596, approvalRequired: false, caseId });
    expect(rma.number).toMatch(/^RMA-20080120-/);
    expect(rma.items.map((i) => [i.sku, i.productCategory, i.amount, i.tax])).toEqual([['IPOD2008BLACK', 'electronics', 19900, 398], ['IPOD2008GREEN', 'electronics', 19900, 398]]);

    const paid = refund.transactions.filter((tx) => tx.kind === 'refund' && tx.status === 'success').map((tx) => tx.amount);
    expect(paid).toEqual(['209.00']);
    const done = await settle(rma.number, 'damaged', '209.00', `as refunded in Shopify (refund ${refund.refundId})`);
    expect(done).toMatchObject({ state: 'refunded', settledTotal: 20900 });
    expect(done.items.every((i) => i.inspection?.disposition === 'returns_area')).toBe(true);
    expect(done.movements).toEqual([expect.objectContaining({ kind: 'refund', amount: 20900, note: 'as refunded in Shopify (refund 509562969)' })]);
  });

  it('the 2026-04 refunds/create webhook (five lines, 64-bit ids) quotes the whole order back and settles at its two transactions', async () => {
    const payload = fixture('2026-04__refunds__create.payload.json') as { order_id: unknown; refund_line_items: { line_item: unknown }[] };
    // The webhook carries each refunded line item whole; they are the order as far as this refund knows it.
    const order = {
      order: {
        id: payload.order_id, name: '#9999', currency: 'USD', created_at: '2021-12-20T10:00:00Z',
        line_items: payload.refund_line_items.map((l) => l.line_item), shipping_lines: [],
      },
    };
    const mapped = shopifyOrderToReturnOrder(order, { deliveredAt: '2021-12-24T16:00:00Z', orderNumber: 'ORD-20211220-0099' });
    expect(mapped.orderId).toBe('820982911946154500');
    const refund = mapShopifyRefund(fixture('2026-04__refunds__create.payload.json'));
    const items = returnItemsFromRefund(refund, mapped.skuByLineItemId, 'damaged', 'damaged');
    expect(items.map((i) => i.sku)).toEqual(['SKU2006-001', 'LENS-PROTECT-2YR', 'CASE-LEATHER-PREM', 'SKU2006-020', 'SKU2006-035']);

    pinClock('2022-01-01T05:00:00Z');
    await openShopifyOrder(mapped);
    const rma = await requestRma(t.store, t.actors.agent, { order: mapped.order, items, phoneLast4: PHONE_LAST4 });
    // 89.99 + 19.99 + 24.99 + 159.99 + 119.99 less the two 5.00 discounts on SKU2006-020; no tax,
    // nothing deducted for a store error.
    expect([rma.refundTotal, rma.approvalRequired, rma.reason]).toEqual([40495, false, 'damaged']);
    const total = refund.transactions.reduce((sum, tx) => sum + Number(tx.amount.replace('.', '')), 0);
    expect(total).toBe(8500);
    const done = await settle(rma.number, 'damaged', '85.00', `as refunded in Shopify (refund ${refund.refundId})`);
    expect(done.movements[0]).toMatchObject({ amount: 8500, currency: 'USD' });
  });

  it('returns/request opens an RMA; returns/approve, /decline and /cancel move it through the state machine', async () => {
    const mapped = restOrder('ORD-20080110-1002');
    await openShopifyOrder(mapped);
    // Shopify's examples ship without return lines: the agent records which unit and why (R004-02).
    const units: ReturnItemInput[][] = ['IPOD2008GREEN', 'IPOD2008RED', 'IPOD2008BLACK'].map((sku) => [{ sku, quantity: 1, reason: 'changed_mind', condition: 'unopened' }]);

    const apply = async (record: ShopifyReturnRecord, rmaNumber: string | null, lines: ReturnItemInput[]): Promise<RmaView> => {
      switch (record.rmaAction) {
        case 'create':
          return requestRma(t.store, t.actors.agent, { order: mapped.order, items: lines, phoneLast4: PHONE_LAST4, note: `Shopify return ${record.returnId}` });
        case 'approve':
          return approveRma(t.store, t.actors.agent, { number: rmaNumber });
        case 'deny':
          return denyRma(t.store, t.actors.agent, { number: rmaNumber, body: { reason: record.decline?.reason ?? record.status } });
        case 'cancel':
          return cancelRma(t.store, t.actors.agent, { number: rmaNumber, body: { reason: `cancelled in Shopify (${record.status})` } });
        default:
          throw new Error(`no RMA action for ${record.topic}`);
      }
    };
    const request = mapShopifyReturnWebhook('returns/request', fixture('2026-04__returns__request.payload.json'));
    const outcomes: [string, string, string][] = [
      ['returns/approve', '2026-04__returns__approve.payload.json', 'approved'],
      ['returns/decline', '2026-04__returns__decline.payload.json', 'denied'],
      ['returns/cancel', '2026-04__returns__cancel.payload.json', 'cancelled'],
    ];
    for (const [i, [topic, file, state]] of outcomes.entries()) {
      const opened = await apply(request, null, units[i] as ReturnItemInput[]);
      expect(opened.state).toBe('requested');
      const moved = await apply(mapShopifyReturnWebhook(topic, fixture(file)), opened.number, []);
      expect(moved.state).toBe(state);
      if (state === 'denied') expect(moved.decisionNote).toBe('return_period_ended');
    }
  });
});
