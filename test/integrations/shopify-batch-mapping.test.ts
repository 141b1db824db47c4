import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects, createTestStore, type TestStore } from '../support/databases.js';
import { shopifyWebhookStream } from '../support/shopify-webhook-stream.js';
import { parseJsonLossless } from '../../src/domain/money/lossless-json.js';
import { insertOrder } from '../../src/store/repositories/order.repository.js';
import { receiveShopifyWebhookAlone } from '../../src/services/integrations/receive-shopify-webhook.js';
import { inOneTransaction } from '../../src/services/integrations/delivery-context.js';
import { mapShopifyRunTogether, prepareRunItem } from '../../src/services/integrations/map-shopify-batch.js';
import { fixtureText, WEBHOOK_SECRET } from './shopify-webhook-kit.js';

// Issue 7 item 6: order and customer webhooks of a batch are mapped with multi-row statements.
// The result must be the one the same deliveries mapped one at a time leave: same orders,
// customers, mappings and line snapshots, and the same result per delivery.
const dialects = await availableDialects();
const AT = '2026-12-06T12:00:00.000Z';

interface Delivery { topic: string; body: string }

function deliveries(): Delivery[] {
  const stream = shopifyWebhookStream(40, WEBHOOK_SECRET, 'batch-eq').webhooks.map((w) => ({ topic: w.topic, body: w.body }));
  // Ids beyond 2^53 (the published payloads' own), an order created and updated twice, and a
  // customers/update of a customer an order named earlier in the same run.
  const created = fixtureText('2026-04__orders__create.payload.json');
  const updated = fixtureText('2026-04__orders__updated.payload.json');
  return [
    ...stream.slice(0, 20),
    { topic: 'orders/create', body: created },
    // Fulfilled, then an older copy saying unfulfilled: fulfilment only moves forward.
    { topic: 'orders/updated', body: updated.replace('"fulfillment_status": null', '"fulfillment_status": "fulfilled"') },
    ...stream.slice(20),
    { topic: 'orders/updated', body: updated },
    { topic: 'customers/update', body: fixtureText('2026-04__customers__create.payload.json') },
  ];
}

/** Everything the mapping wrote, by natural keys (row ids depend on statement order). */
async function snapshotOf(store: TestStore) {
  const customers = await store.db.selectFrom('customers').select(['id', 'external_id', 'name', 'email', 'phone', 'vip']).orderBy('external_id').execute();
  const customerKey = new Map(customers.map((c) => [Number(c.id), c.external_id]));
  const orders = await store.db.selectFrom('orders').selectAll().orderBy('number').execute();
  const orderKey = new Map(orders.map((o) => [Number(o.id), o.number]));
  const refs = await store.db.selectFrom('integration_refs').select(['kind', 'external_id', 'entity_id']).orderBy('kind').orderBy('external_id').execute();
  const lines = await store.db.selectFrom('order_line_snapshots').select(['order_id', 'snapshot_json']).execute();
  return {
    customers: customers.map(({ id: _id, ...c }) => ({ ...c, vip: Number(c.vip) })),
    orders: orders.map(({ id: _id, customer_id, created_at: _c, updated_at: _u, ...o }) => ({
      ...o, customer: customer_id === null ? null : customerKey.get(Number(customer_id)), total_minor: o.total_minor === null ? null : Number(o.total_minor),
    })),
    refs: refs.map((r) => ({ kind: r.kind, externalId: r.external_id, order: orderKey.get(Number(r.entity_id)) })),
    lines: lines.map((l) => ({ order: orderKey.get(Number(l.order_id)), json: l.snapshot_json })).sort((a, b) => (a.order! < b.order! ? -1 : 1)),
    keys: { customerKey, orderKey },
  };
}

function byKeys(result: Record<string, unknown>, keys: { customerKey: Map<number, string>; orderKey: Map<number, string> }) {
  const { orderId, customerId, ...rest } = result;
  return { ...rest, order: keys.orderKey.get(orderId as number), customer: customerId === null ? null : keys.customerKey.get(customerId as number) };
}

describe.each(dialects)('order and customer webhooks mapped together on %s', (dialect) => {
  let oneByOne: TestStore;
  let together: TestStore;
  beforeAll(async () => {
    [oneByOne, together] = await Promise.all([createTestStore(dialect), createTestStore(dialect)]);
    // An order typed in from a case before Shopify sent it: found by number, updated in place.
    for (const store of [oneByOne, together]) await insertOrder(store.db, '#B3', { currency: 'EUR' }, AT);
  });
  afterAll(async () => { await oneByOne?.dispose(); await together?.dispose(); });

  it('leave the orders, customers, mappings, line snapshots and results that one-at-a-time mapping leaves (issue 7 item 6)', async () => {
    const list = deliveries();
    const alone: Record<string, unknown>[] = [];
    for (const [i, d] of list.entries()) {
      const receipt = await receiveShopifyWebhookAlone(oneByOne, { deliveryId: `eq-${i}`, topic: d.topic, shopDomain: null, rawBody: d.body });
      expect(receipt.outcome).toBe('processed');
      alone.push(receipt.result!);
    }
    const results = await inOneTransaction(together, (bound, trx) =>
      mapShopifyRunTogether(bound, trx, AT, list.map((d) => prepareRunItem(d.topic, parseJsonLossless(d.body), AT))));
    expect(results).not.toBeNull();

    const a = await snapshotOf(oneByOne);
    const b = await snapshotOf(together);
    expect(b.orders).toEqual(a.orders);
    expect(b.customers).toEqual(a.customers);
    expect(b.refs).toEqual(a.refs);
    expect(b.lines).toEqual(a.lines);
    expect(b.refs.some((r) => r.externalId === '820982911946154500')).toBe(true);
    expect(b.orders.find((o) => o.number === '#9999')?.fulfillment).toBe('shipped');
    expect(results!.filter((r) => r.number === '#9999').map((r) => r.fulfillment)).toEqual(['unfulfilled', 'shipped', 'shipped']);
    expect(results!.map((r) => byKeys(r, b.keys))).toEqual(alone.map((r) => byKeys(r, a.keys)));
  });

  it('two Shopify orders with one number are left to the one-at-a-time path', async () => {
    const created = fixtureText('2026-04__orders__create.payload.json');
    const items = ['9007199254740993', '9007199254740995'].map((id) => created.replace('"id": 820982911946154500,', `"id": ${id},`)).map((body) => prepareRunItem('orders/create', parseJsonLossless(body.replace('"name": "#9999"', '"name": "#SAME"')), AT));
    const results = await inOneTransaction(together, (bound, trx) => mapShopifyRunTogether(bound, trx, AT, items));
    expect(results).toBeNull();
  });
});
