import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMappedShopifyTopic } from '../../src/services/integrations/receive-shopify-webhook.js';
import { signShopifyBody } from '../../src/integrations/shopify/shopify-webhook-signature.js';
import { findWebhookDelivery } from '../../src/store/repositories/webhook-delivery.repository.js';
import { availableDialects } from '../support/databases.js';
import {
  allWebhookFixtures, countRows, createShopifyTestApp, hmacFixture, newDeliveryId, sendWebhook, type ShopifyTestApp,
} from './shopify-webhook-kit.js';

// operations.md "Shopify webhooks": 401 when the HMAC of the raw body does not match; 200 when
// accepted, and 200 again for a repeated X-Shopify-Webhook-Id, which changes nothing.
const dialects = await availableDialects();
const VECTOR_HMAC = 'QNyObTlKbMx2qDlPF/ZOZcBqg5OgPg+2oky3zldc0Gw=';

describe.each(dialects)('POST /webhooks/shopify on %s', (dialect) => {
  let t: ShopifyTestApp;
  beforeAll(async () => { t = await createShopifyTestApp(dialect); });
  afterAll(async () => { await t?.close(); });

  const deliveryRow = (deliveryId: string) => findWebhookDelivery(t.store.db, 'shopify', deliveryId);

  it('accepts the published HMAC vector and stores the raw body byte for byte', async () => {
    const body = hmacFixture('sqlpage__shopify_hmac_vector.body.derived.json');
    const deliveryId = newDeliveryId();
    const res = await sendWebhook(t.app, { topic: 'customers/create', body, deliveryId, hmac: VECTOR_HMAC });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ outcome: 'processed', deliveryId, topic: 'customers/create' });
    const row = await deliveryRow(deliveryId);
    expect(row).toMatchObject({ topic: 'customers/create', shopDomain: 'example.myshopify.com', rawBody: body.toString('utf8'), error: null });
    expect(row?.processedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const customer = await t.store.db.selectFrom('customers').selectAll().where('external_id', '=', 'shopify:1234567890').executeTakeFirst();
    expect(customer).toMatchObject({ email: 'customer@example.com' });
  });

  it('401 unauthenticated for a wrong or missing signature and for a body changed by one byte; nothing is stored', async () => {
    const body = hmacFixture('sqlpage__shopify_hmac_vector.body.derived.json');
    const changed = Buffer.from(body.toString('utf8').replace('123.45', '123.46'));
    const before = await countRows(t.store);
    for (const [label, send] of [
      ['wrong signature', { body, hmac: 'd3Jvbmcgc2lnbmF0dXJlIG9mIDMyIGJ5dGVzIGxlbmd0aCE=' }],
      ['missing header', { body, hmac: null }],
      ['one byte changed', { body: changed, hmac: VECTOR_HMAC }],
      ['signed with another secret', { body, hmac: Buffer.from(VECTOR_HMAC, 'base64').reverse().toString('base64') }],
    ] as const) {
      const res = await sendWebhook(t.app, { topic: 'customers/create', ...send });
      expect(res.statusCode, label).toBe(401);
      expect(res.json().error.code, label).toBe('unauthenticated');
    }
    expect(await countRows(t.store)).toEqual(before);
  });

  it('a repeated X-Shopify-Webhook-Id answers 200 and changes nothing, even with another signed body', async () => {
    const fixture = allWebhookFixtures().find((f) => f.file === '2026-04__orders__create.payload.json')!;
    const deliveryId = newDeliveryId();
    const first = await sendWebhook(t.app, { topic: 'orders/create', body: fixture.body, deliveryId });
    expect(first.json().outcome).toBe('processed');
    const after = await countRows(t.store);
    const order = await t.store.db.selectFrom('orders').selectAll().where('number', '=', '#9999').executeTakeFirstOrThrow();

    const again = await sendWebhook(t.app, { topic: 'orders/create', body: fixture.body, deliveryId });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ outcome: 'duplicate', deliveryId, topic: 'orders/create' });
    const altered = fixture.body.replace('"total_price": "404.95"', '"total_price": "1.00"');
    expect(altered).not.toBe(fixture.body);
    const sneaky = await sendWebhook(t.app, { topic: 'orders/create', body: altered, deliveryId });
    expect(sneaky.json().outcome).toBe('duplicate');

    expect(await countRows(t.store)).toEqual(after);
    expect(await t.store.db.selectFrom('orders').selectAll().where('id', '=', order.id).executeTakeFirstOrThrow()).toEqual(order);
    expect((await deliveryRow(deliveryId))?.rawBody).toBe(fixture.body);
  });

  it('concurrent copies of one delivery are stored and mapped once', async () => {
    const fixture = allWebhookFixtures().find((f) => f.file === '2026-04__disputes__create.payload.json')!;
    const deliveryId = newDeliveryId();
    const replies = await Promise.all(Array.from({ length: 8 }, () => sendWebhook(t.app, { topic: 'disputes/create', body: fixture.body, deliveryId })));
    expect(replies.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
    const outcomes = replies.map((r) => r.json().outcome as string).sort();
    expect(outcomes).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'processed']);
    const rows = await t.store.db.selectFrom('webhook_deliveries').select('id').where('delivery_id', '=', deliveryId).execute();
    expect(rows).toHaveLength(1);
  });

  it('a topic Ladder does not map is stored and answered 200 with outcome ignored', async () => {
    const deliveryId = newDeliveryId();
    const body = '{"id":820982911946154508,"note":"not mapped"}';
    const res = await sendWebhook(t.app, { topic: 'app/uninstalled', body, deliveryId });
    expect(res.statusCode).toBe(200);
    expect(res.json().outcome).toBe('ignored');
    const row = await deliveryRow(deliveryId);
    expect(row).toMatchObject({ topic: 'app/uninstalled', rawBody: body, error: null, result: { outcome: 'ignored' } });
  });

  it('an unmappable payload is kept with its error and answered 200, so Shopify does not retry it forever', async () => {
    const deliveryId = newDeliveryId();
    const res = await sendWebhook(t.app, { topic: 'orders/create', body: '{"id": 5, "note": "no name, no order_number"}', deliveryId });
    expect(res.statusCode).toBe(200);
    expect(res.json().outcome).toBe('failed');
    const row = await deliveryRow(deliveryId);
    expect(row?.error).toMatch(/name/);
    expect(row?.result).toEqual({ outcome: 'failed', code: 'invalid_input', field: 'name' });
    // The mapping rolled back: not even the order's id mapping was kept.
    expect(await t.store.db.selectFrom('integration_refs').selectAll().where('external_id', '=', '5').execute()).toEqual([]);
    const again = await sendWebhook(t.app, { topic: 'orders/create', body: '{"id": 5}', deliveryId });
    expect(again.json().outcome).toBe('duplicate');

    const notJson = await sendWebhook(t.app, { topic: 'customers/create', body: '{"id": 5,' });
    expect(notJson.statusCode).toBe(200);
    expect(notJson.json().outcome).toBe('failed');
  });

  it('a signed request without X-Shopify-Webhook-Id or topic is refused with the header named', async () => {
    const body = '{"id":1}';
    const noId = await t.app.inject({
      method: 'POST', url: '/webhooks/shopify', payload: body,
      headers: { 'content-type': 'application/json', 'x-shopify-topic': 'customers/create', 'x-shopify-hmac-sha256': signShopifyBody('test-webhook-secret', body) },
    });
    expect(noId.statusCode).toBe(422);
    expect(noId.json().error).toMatchObject({ code: 'invalid_input', field: 'X-Shopify-Webhook-Id' });
    const noTopic = await sendWebhook(t.app, { topic: '', body });
    expect(noTopic.statusCode).toBe(422);
    expect(noTopic.json().error.field).toBe('X-Shopify-Topic');
  });

  it('the raw-body parser stays inside the webhook plugin: the API still parses JSON', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/cases', headers: { authorization: `Bearer ${t.tokens.agent}` },
      payload: { category: 'order_status', subject: 'Where is my parcel?' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().subject).toBe('Where is my parcel?');
  });

  it('every published payload is accepted, mapped without a 5xx, and replaying them creates nothing', async () => {
    const fixtures = allWebhookFixtures();
    expect(fixtures.length).toBe(39);
    const ids = new Map<string, string>();
    for (const f of fixtures) {
      const deliveryId = newDeliveryId();
      ids.set(f.file, deliveryId);
      const res = await sendWebhook(t.app, { topic: f.topic, body: f.body, deliveryId });
      expect(res.statusCode, f.file).toBe(200);
      // Shopify's returns/process example is literally {}: there is no return to map.
      const expected = f.file === '2026-04__returns__process.payload.json' ? 'failed' : isMappedShopifyTopic(f.topic) ? 'processed' : 'ignored';
      expect(res.json().outcome, f.file).toBe(expected);
      expect((await deliveryRow(deliveryId))?.rawBody, f.file).toBe(f.body);
    }
    const afterFirst = await countRows(t.store);

    for (const f of fixtures) {
      const res = await sendWebhook(t.app, { topic: f.topic, body: f.body, deliveryId: ids.get(f.file)! });
      expect(res.statusCode, f.file).toBe(200);
      expect(res.json().outcome, f.file).toBe('duplicate');
    }
    expect(await countRows(t.store)).toEqual(afterFirst);

    // The same payloads under new delivery ids (a second subscription, a manual resend): new
    // deliveries are stored, but no order, customer, case, timeline entry or mapping is added.
    for (const f of fixtures) {
      const res = await sendWebhook(t.app, { topic: f.topic, body: f.body });
      expect(res.statusCode, f.file).toBe(200);
    }
    expect(await countRows(t.store)).toEqual({ ...afterFirst, webhook_deliveries: afterFirst.webhook_deliveries + fixtures.length });
  });
});

describe.each(dialects)('POST /webhooks/shopify without SHOPIFY_WEBHOOK_SECRET on %s', (dialect) => {
  let t: ShopifyTestApp;
  beforeAll(async () => { t = await createShopifyTestApp(dialect, null); });
  afterAll(async () => { await t?.close(); });

  it('answers 404: the endpoint is disabled and stores nothing', async () => {
    const res = await sendWebhook(t.app, { topic: 'customers/create', body: hmacFixture('sqlpage__shopify_hmac_vector.body.derived.json') });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    expect((await countRows(t.store)).webhook_deliveries).toBe(0);
  });
});
