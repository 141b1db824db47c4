import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/http/server.js';
import { openStore, type Store } from '../../src/store/database.js';
import { availableDialects } from '../support/databases.js';
import { signShopifyBody } from '../../src/integrations/shopify/shopify-webhook-signature.js';
import { findWebhookDelivery } from '../../src/store/repositories/webhook-delivery.repository.js';
import { shopifyWebhookStream, webhookHeaders, type StreamWebhook } from '../support/shopify-webhook-stream.js';
import { WEBHOOK_SECRET, countRows, createShopifyTestApp, type ShopifyTestApp } from './shopify-webhook-kit.js';

// issue 7 item 6 at test scale (bench/ingest.bench.ts runs it at 10,000): webhooks sent by many
// concurrent senders, then the same deliveries replayed three times, leave each delivery, order
// and customer exactly once — dedup by X-Shopify-Webhook-Id is exact under concurrency, and on
// PostgreSQL also across two app instances sharing the database.
const dialects = await availableDialects();
const COUNT = 240;
const SENDERS = 24;

async function sendAll(apps: FastifyInstance[], webhooks: StreamWebhook[]): Promise<Map<string, number>> {
  const outcomes = new Map<string, number>();
  let next = 0;
  await Promise.all(Array.from({ length: SENDERS }, async () => {
    for (let i = next++; i < webhooks.length; i = next++) {
      const w = webhooks[i]!;
      const app = apps[i % apps.length]!;
      const res = await app.inject({ method: 'POST', url: '/webhooks/shopify', headers: webhookHeaders(w), payload: w.body });
      expect(res.statusCode, `${w.deliveryId}: ${res.body}`).toBe(200);
      const outcome = res.json().outcome as string;
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
  }));
  return outcomes;
}

describe.each(dialects)('replaying Shopify webhooks on %s', (dialect) => {
  let t: ShopifyTestApp;
  beforeAll(async () => { t = await createShopifyTestApp(dialect); });
  afterAll(async () => { await t?.close(); });

  it('each delivery, order and customer exists once after concurrent sends and three replays (issue 7 item 6)', async () => {
    const stream = shopifyWebhookStream(COUNT, WEBHOOK_SECRET, `replay-${dialect}`);
    const before = await countRows(t.store);
    const first = await sendAll([t.app], stream.webhooks);
    expect(Object.fromEntries(first)).toEqual({ processed: COUNT });
    const afterFirst = await countRows(t.store);
    expect(afterFirst.webhook_deliveries - before.webhook_deliveries).toBe(COUNT);
    expect(afterFirst.orders - before.orders).toBe(stream.orders);
    expect(afterFirst.customers - before.customers).toBe(stream.customers);

    for (let replay = 0; replay < 3; replay++) {
      expect(Object.fromEntries(await sendAll([t.app], stream.webhooks))).toEqual({ duplicate: COUNT });
    }
    expect(await countRows(t.store)).toEqual(afterFirst);
  });

  it('an unmappable delivery among concurrent ones is stored as failed; the others of its batch are mapped', async () => {
    const stream = shopifyWebhookStream(60, WEBHOOK_SECRET, `mixed-${dialect}`, 2_000_000);
    const bad = { ...stream.webhooks[30]!, topic: 'orders/create', body: '{"id": 6, "note": "no name"}' };
    bad.hmac = signShopifyBody(WEBHOOK_SECRET, bad.body);
    const webhooks = stream.webhooks.map((w, i) => (i === 30 ? bad : w));
    const outcomes = await sendAll([t.app], webhooks);
    expect(Object.fromEntries(outcomes)).toEqual({ processed: 59, failed: 1 });
    const row = await findWebhookDelivery(t.store.db, 'shopify', bad.deliveryId);
    expect(row?.result).toEqual({ outcome: 'failed', code: 'invalid_input', field: 'name' });
    expect(await t.store.db.selectFrom('integration_refs').selectAll().where('external_id', '=', '6').execute()).toEqual([]);
  });

});

describe.each(dialects.filter((d) => d === 'postgres'))('two app instances sharing %s', (dialect) => {
  let t: ShopifyTestApp;
  let second: { app: FastifyInstance; store: Store };
  beforeAll(async () => {
    t = await createShopifyTestApp(dialect);
    const store = await openStore({ databaseUrl: t.store.url, dataDir: t.store.dataDir, schema: t.store.schema!, poolSize: 6 });
    const app = await buildServer({ store, config: t.config, consoleDir: null });
    await app.ready();
    second = { app, store };
  });
  afterAll(async () => {
    await second?.app.close();
    await second?.store.close();
    await t?.close();
  });

  it('two app instances on one PostgreSQL receiving the same deliveries store and map each once', async () => {
    const stream = shopifyWebhookStream(COUNT, WEBHOOK_SECRET, 'two-instances', 1_000_000);
    const before = await countRows(t.store);
    // Every delivery sent to both instances at once, as a Shopify retry racing the first attempt.
    const doubled = stream.webhooks.flatMap((w) => [w, w]);
    const outcomes = await sendAll([t.app, second.app], doubled);
    expect(Object.fromEntries(outcomes)).toEqual({ processed: COUNT, duplicate: COUNT });
    const after = await countRows(t.store);
    expect(after.webhook_deliveries - before.webhook_deliveries).toBe(COUNT);
    expect(after.orders - before.orders).toBe(stream.orders);
    expect(after.customers - before.customers).toBe(stream.customers);
  });
});
