import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { auth } from '../support/app.js';
import { seedDefaultPolicy } from '../../src/services/policy/load-policy-runtime.js';
import { listCases } from '../../src/store/repositories/case.repository.js';
import { findOrderByNumber } from '../../src/store/repositories/order.repository.js';
import { JobRunner } from '../../src/jobs/job-runner.js';
import { orderSlaCaseJob, orderSlaSweep } from '../../src/jobs/order-sla-sweep.job.js';
import { findOrdersPastSla } from '../../src/services/sla/order-sla-cases.js';
import { mapShopifyFulfillment, mapShopifyFulfillmentEvent } from '../../src/integrations/shopify/shopify-fulfillment.mapper.js';
import type { WorkerServices } from '../../src/jobs/worker-services.js';
import { parseJsonLossless } from '../../src/domain/money/lossless-json.js';
import { createShopifyTestApp, fixtureText, sendWebhook, type ShopifyTestApp } from '../integrations/shopify-webhook-kit.js';

const dialects = await availableDialects();
const fixture = (name: string) => parseJsonLossless(fixtureText(name)) as Record<string, unknown>;
const FULFILLMENT = '2026-04__fulfillments__create.payload.json';
const EVENT = '2026-04__fulfillment_events__create.payload.json';

describe('label and carrier movement from Shopify fulfilments (R003-05)', () => {
  it('a fulfilment with tracking and no carrier scan is a label created at its creation', () => {
    expect(mapShopifyFulfillment(fixture(FULFILLMENT)).progress).toEqual({ kind: 'label_created', at: '2022-01-01T00:00:00.000Z' });
  });
  it('a fulfilment without tracking, or cancelled, is no label', () => {
    expect(mapShopifyFulfillment({ ...fixture(FULFILLMENT), tracking_number: null, tracking_numbers: [] }).progress).toBeNull();
    expect(mapShopifyFulfillment({ ...fixture(FULFILLMENT), status: 'cancelled' }).progress).toBeNull();
  });
  it('carrier scans are movement; label statuses are not', () => {
    expect(mapShopifyFulfillmentEvent(fixture(EVENT)).progress).toEqual({ kind: 'carrier_movement', at: '2022-01-01T00:00:00.000Z' });
    expect(mapShopifyFulfillmentEvent({ ...fixture(EVENT), status: 'label_purchased' }).progress).toMatchObject({ kind: 'label_created' });
    expect(mapShopifyFulfillment({ ...fixture(FULFILLMENT), shipment_status: 'in_transit', updated_at: '2022-01-02T10:00:00Z' }).progress)
      .toEqual({ kind: 'carrier_movement', at: '2022-01-02T10:00:00.000Z' });
  });
});

// Issue 4 item 3. Order #9999 of the Shopify fixtures gets its label on 2022-01-01T00:00Z; five
// calendar days without a scan later (strictly after 2022-01-06T00:00Z) it is "Label Created, 5+
// Days", an L3 matter (R003-05).
describe.each(dialects)('label created with no movement for 5+ days on %s', (dialect) => {
  let t: ShopifyTestApp;
  const sweepAt = (iso: string) => findOrdersPastSla(t.store, { now: new Date(iso), limit: 100 });
  const orderOf = () => findOrderByNumber(t.store.db, '#9999');

  beforeAll(async () => {
    t = await createShopifyTestApp(dialect);
    await seedDefaultPolicy(t.store);
    expect((await sendWebhook(t.app, { topic: 'orders/create', body: fixtureText('2026-04__orders__create.payload.json') })).statusCode).toBe(200);
  });
  afterAll(async () => { await t?.close(); });

  it('fulfillments/create records the label; replayed or older reports keep the earliest', async () => {
    expect((await sendWebhook(t.app, { topic: 'fulfillments/create', body: fixtureText(FULFILLMENT) })).statusCode).toBe(200);
    const later = fixtureText(FULFILLMENT).replace('"created_at": "2021-12-31T19:00:00-05:00"', '"created_at": "2022-01-03T00:00:00Z"');
    expect(later).toContain('2022-01-03T00:00:00Z');
    expect((await sendWebhook(t.app, { topic: 'fulfillments/create', body: later })).json()).toMatchObject({ outcome: 'processed' });
    expect(await orderOf()).toMatchObject({ labelCreatedAt: '2022-01-01T00:00:00.000Z', lastCarrierScanAt: null });
  });

  it('flags the order strictly after five days and opens one L3 case for it (R003-05)', async () => {
    const id = (await orderOf())!.id;
    expect((await sweepAt('2022-01-06T00:00:00.000Z')).items.filter((i) => i.orderId === id)).toEqual([]);
    expect((await sweepAt('2022-01-06T00:00:00.001Z')).items.filter((i) => i.orderId === id))
      .toEqual([{ orderId: id, kind: 'label_created_stale', category: 'label_created_stale', rule: 'R003-05', dueAt: '2022-01-06T00:00:00.000Z' }]);

    const now = new Date('2022-01-07T12:00:00Z');
    const sweep = () => orderSlaSweep(3_600_000).run({ store: t.store, now, slotStart: now, intervalMs: 3_600_000, services: {} as WorkerServices });
    await sweep();
    await sweep();
    await new JobRunner({ store: t.store, definitions: [orderSlaCaseJob], services: {} as WorkerServices, now: () => now }).runDue();
    const cases = (await listCases(t.store.db, { orderId: id }, { sort: 'created', limit: 10 })).items;
    expect(cases.map((c) => [c.category, c.level, c.subject])).toEqual([['label_created_stale', 'L3', 'Order #9999 is past its label created stale SLA (R003-05)']]);
  });

  it('a carrier scan ends the label SLA: the order is timed by the shipping SLA from then on', async () => {
    expect((await sendWebhook(t.app, { topic: 'fulfillment_events/create', body: fixtureText(EVENT) })).statusCode).toBe(200);
    expect(await orderOf()).toMatchObject({ lastCarrierScanAt: '2022-01-01T00:00:00.000Z' });
    const id = (await orderOf())!.id;
    expect((await sweepAt('2022-01-07T12:00:00Z')).items.filter((i) => i.orderId === id)).toEqual([]);
  });

  it('the orders API takes and shows labelCreatedAt and lastCarrierScanAt', async () => {
    const put = await t.app.inject({
      method: 'PUT', url: '/api/v1/orders/ORD-LABEL-1', headers: auth(t.tokens.agent),
      payload: { placedAt: '2022-02-01T10:00:00Z', labelCreatedAt: '2022-02-02T10:00:00Z', fulfillment: 'unfulfilled' },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ labelCreatedAt: '2022-02-02T10:00:00.000Z', lastCarrierScanAt: null });
    const bad = await t.app.inject({ method: 'PUT', url: '/api/v1/orders/ORD-LABEL-1', headers: auth(t.tokens.agent), payload: { lastCarrierScanAt: 'yesterday' } });
    expect([bad.statusCode, bad.json().error.field]).toEqual([422, 'lastCarrierScanAt']);
    const order = await findOrderByNumber(t.store.db, 'ORD-LABEL-1');
    expect((await sweepAt('2022-02-08T00:00:00Z')).items.filter((i) => i.orderId === order!.id).map((i) => i.kind)).toEqual(['label_created_stale']);
  });
});
