import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/services/actor.js';
import { createUser } from '../../src/services/users/create-user.js';
import { createApiToken } from '../../src/services/auth/create-api-token.js';
import { expireParkedShopifyReturn } from '../../src/services/integrations/expire-parked-shopify-return.js';
import { JobRunner } from '../../src/jobs/job-runner.js';
import type { WorkerServices } from '../../src/jobs/worker-services.js';
import { queueExpiredParkedShopifyReturns, shopifyParkedReturnExpiryJob } from '../../src/jobs/shopify-parked-return-expiry.job.js';
import { availableDialects, postgresUrlWithSchema } from '../support/databases.js';
import { ladder } from '../support/cli.js';
import { createShopifyTestApp, deliverWebhook, fixtureText, newDeliveryId, variant, type ShopifyTestApp } from './shopify-webhook-kit.js';

// A Shopify return that arrives before its order is parked until the order's webhook applies it.
// When the order never comes, the return stops waiting after SHOPIFY_PARKED_RETURN_EXPIRY_HOURS
// (default 72): the expiry sweep queues one keyed job per row, the job marks it expired and audits
// it, and the listing (API, CLI) shows it — an expired return is never applied afterwards.
const dialects = await availableDialects();

const ORDER = fixtureText('2026-04__orders__create.payload.json');
const REQUEST = fixtureText('2026-04__returns__request.payload.json');
const RETURN_ID = '123134564567890';
const SHOPIFY_ORDER_ID = '4783296544821';
const HOUR = 3_600_000;

describe.each(dialects)('parked Shopify returns that wait too long on %s', (dialect) => {
  let t: ShopifyTestApp;
  let backOffice = '';
  beforeAll(async () => {
    t = await createShopifyTestApp(dialect);
    await createUser(t.store, SYSTEM_ACTOR, { email: 'back-office@test.ladder', role: 'back_office', password: 'correct horse battery staple' });
    backOffice = (await createApiToken(t.store, SYSTEM_ACTOR, { email: 'back-office@test.ladder', name: 'test' })).token;
  });
  afterAll(async () => { await t?.close(); });

  const send = (topic: string, body: string, deliveryId?: string) => deliverWebhook(t, topic, body, deliveryId);
  const list = (query: string, token = backOffice) =>
    t.app.inject({ method: 'GET', url: `/api/v1/integrations/shopify/parked-returns${query}`, headers: { authorization: `Bearer ${token}` } });
  const parkFor = async (returnId: string, orderId: string) => {
    const deliveryId = newDeliveryId();
    const body = variant(REQUEST, [[RETURN_ID, returnId]]).split(SHOPIFY_ORDER_ID).join(orderId);
    expect(await send('returns/request', body, deliveryId)).toMatchObject({ parked: true, waitingForOrder: orderId });
    return t.store.db.selectFrom('parked_shopify_returns').selectAll().where('delivery_id', '=', deliveryId).executeTakeFirstOrThrow();
  };
  const orderBody = (orderId: string, name: string) => variant(ORDER, [['820982911946154500', orderId], ['"name": "#9999"', `"name": "${name}"`]]);
  const expiredAudits = (id: number | string) => t.store.db.selectFrom('audit_events').select(['action', 'data_json'])
    .where('action', '=', 'shopify.parked_return_expired').where('entity_id', '=', String(id)).execute();
  const runJobs = (now: Date) => new JobRunner<WorkerServices>({
    store: t.store, definitions: [shopifyParkedReturnExpiryJob], services: { shopifyParkedReturnExpiryHours: 72 } as WorkerServices, now: () => now,
  }).runDue();

  it('a return whose order does not arrive within 72 hours expires once, is audited and listed as expired, and its order arriving later applies nothing', async () => {
    const parked = await parkFor('7200000000000001', '4783296547201');
    const parkedAt = Date.parse(parked.parked_at);

    const waiting = await list('?state=waiting');
    expect(waiting.statusCode).toBe(200);
    expect(waiting.json().items).toContainEqual(expect.objectContaining({
      id: String(parked.id), state: 'waiting', topic: 'returns/request', shopifyOrderId: '4783296547201', returnId: '7200000000000001',
      expiresAt: new Date(parkedAt + 72 * HOUR).toISOString(), expiredAt: null,
    }));

    // Not yet due: the sweep queues nothing.
    expect(await queueExpiredParkedShopifyReturns(t.store, { now: new Date(parkedAt + 71 * HOUR), expiryHours: 72, limit: 100 })).toMatchObject({ queued: 0 });
    const later = new Date(parkedAt + 73 * HOUR);
    expect(await queueExpiredParkedShopifyReturns(t.store, { now: later, expiryHours: 72, limit: 100 })).toMatchObject({ queued: 1, parked: 1 });
    // A second sweep finding the same row queues no second job (one keyed job per item).
    expect(await queueExpiredParkedShopifyReturns(t.store, { now: later, expiryHours: 72, limit: 100 })).toMatchObject({ queued: 0, parked: 1 });
    expect(await runJobs(later)).toBe(1);

    const row = await t.store.db.selectFrom('parked_shopify_returns').selectAll().where('id', '=', parked.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ expired_at: later.toISOString(), applied_at: null });
    const audits = await expiredAudits(parked.id);
    expect(audits).toHaveLength(1);
    expect(JSON.parse(audits[0]!.data_json)).toMatchObject({ deliveryId: parked.delivery_id, shopifyOrderId: '4783296547201', returnId: '7200000000000001', expiryHours: 72 });

    // Running the job again (at-least-once delivery) changes nothing; a later sweep no longer finds it.
    expect(await expireParkedShopifyReturn(t.store, { id: Number(parked.id), now: new Date(parkedAt + 80 * HOUR), expiryHours: 72 })).toEqual({ outcome: 'nothing_pending' });
    expect(await expiredAudits(parked.id)).toHaveLength(1);
    expect(await queueExpiredParkedShopifyReturns(t.store, { now: new Date(parkedAt + 80 * HOUR), expiryHours: 72, limit: 100 })).toMatchObject({ queued: 0, parked: 0 });

    const expired = (await list('?state=expired')).json();
    expect(expired.items).toEqual([expect.objectContaining({ id: String(parked.id), state: 'expired', expiredAt: later.toISOString(), expiresAt: null })]);
    expect(expired.counts).toMatchObject({ expired: 1 });
    expect((await list('?state=waiting')).json().items.map((p: { id: string }) => p.id)).not.toContain(String(parked.id));

    // The order arrives after all: the expired return is not applied, and opens no RMA.
    const created = await send('orders/create', orderBody('4783296547201', '#7201'));
    expect(created).toMatchObject({ created: true });
    expect(created.appliedReturns ?? []).toEqual([]);
    expect(await t.store.db.selectFrom('integration_refs').select('entity_id').where('kind', '=', 'rma').where('external_id', '=', '7200000000000001').execute()).toEqual([]);
    expect(await t.store.db.selectFrom('parked_shopify_returns').select(['applied_at', 'expired_at']).where('id', '=', parked.id).executeTakeFirstOrThrow())
      .toEqual({ applied_at: null, expired_at: later.toISOString() });
  });

  it('a return applied by its order before the expiry job runs is not expired; a job run before its time waits for it', async () => {
    const applied = await parkFor('7200000000000002', '4783296547202');
    const appliedAt = Date.parse(applied.parked_at);
    const created = await send('orders/create', orderBody('4783296547202', '#7202'));
    expect(created.appliedReturns).toEqual([applied.delivery_id]);
    expect(await expireParkedShopifyReturn(t.store, { id: Number(applied.id), now: new Date(appliedAt + 73 * HOUR), expiryHours: 72 })).toEqual({ outcome: 'nothing_pending' });
    expect(await expiredAudits(applied.id)).toEqual([]);
    expect((await list('?state=applied')).json().items).toContainEqual(expect.objectContaining({ id: String(applied.id), state: 'applied', orderId: expect.any(String) }));

    const early = await parkFor('7200000000000003', '4783296547203');
    const outcome = await expireParkedShopifyReturn(t.store, { id: Number(early.id), now: new Date(Date.parse(early.parked_at) + HOUR), expiryHours: 72 });
    expect(outcome).toEqual({ outcome: 'not_due', runAgainAt: new Date(Date.parse(early.parked_at) + 72 * HOUR) });
    expect(await t.store.db.selectFrom('parked_shopify_returns').select('expired_at').where('id', '=', early.id).executeTakeFirstOrThrow()).toEqual({ expired_at: null });
  });

  it('the listing is for admins and back office (Shopify issues, R000-01); a bad state or limit is refused naming the field', async () => {
    expect((await list('', t.tokens.agent)).statusCode).toBe(403);
    expect((await list('', t.tokens.compliance)).statusCode).toBe(403);
    const bad = await list('?state=lost');
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('state');
    const badLimit = await list('?limit=0');
    expect(badLimit.statusCode).toBe(422);
    expect(badLimit.json()).toMatchObject({ error: { field: 'limit' } });
    const page = (await list('?limit=1')).json();
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).toEqual(expect.any(String));
    const next = (await list(`?limit=1&cursor=${page.nextCursor as string}`)).json();
    expect(Number(next.items[0].id)).toBeLessThan(Number(page.items[0].id));
  });

  it('`ladder shopify parked-returns` lists them with their state; --state filters; a bad --state exits 2', async () => {
    const env: Record<string, string> = {
      LADDER_DATA_DIR: t.store.dataDir, LOG_LEVEL: 'silent', DATABASE_URL: t.store.url && t.store.schema ? postgresUrlWithSchema(t.store.url, t.store.schema) : '',
    };
    const text = await ladder(env, ['shopify', 'parked-returns']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^waiting 1 · expired 1 · applied 1\n/);
    expect(text.stdout).toMatch(/expired\s+returns\/request\s+order 4783296547201/);
    const json = await ladder(env, ['shopify', 'parked-returns', '--state', 'expired', '--json']);
    expect(JSON.parse(json.stdout).items.map((p: { returnId: string }) => p.returnId)).toEqual(['7200000000000001']);
    const bad = await ladder(env, ['shopify', 'parked-returns', '--state', 'lost']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--state');
  }, 30_000);
});
