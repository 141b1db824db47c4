import { readdirSync, readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/config.js';
import { buildServer } from '../../src/http/server.js';
import { signShopifyBody } from '../../src/integrations/shopify/shopify-webhook-signature.js';
import { SYSTEM_ACTOR } from '../../src/services/actor.js';
import { createUser } from '../../src/services/users/create-user.js';
import { createApiToken } from '../../src/services/auth/create-api-token.js';
import type { Dialect } from '../../src/store/database.js';
import type { DB } from '../../src/store/schema.js';
import { createTestStore, type TestStore } from '../support/databases.js';

// Fixtures: test/fixtures/shopify-webhooks/PROVENANCE.md and test/fixtures/shopify-hmac/PROVENANCE.md.
export const WEBHOOK_SECRET = 'test-webhook-secret';
const FIXTURES = new URL('../fixtures/shopify-webhooks/', import.meta.url);

export function fixtureText(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

/** A copy of a published body with named values replaced; an edit whose `from` is not in it fails loudly. */
export function variant(text: string, edits: [from: string, to: string][]): string {
  let out = text;
  for (const [from, to] of edits) {
    if (!out.includes(from)) throw new Error(`fixture has no ${from}`);
    out = out.split(from).join(to);
  }
  return out;
}

export function hmacFixture(name: string): Buffer {
  return readFileSync(new URL(`../fixtures/shopify-hmac/${name}`, import.meta.url));
}

// The exemplar files are numbered per topic group; PROVENANCE.md says which topic each body is.
const EXEMPLAR_TOPICS: Readonly<Record<string, string>> = {
  '2025-04__orders__1.json': 'orders/create',
  '2025-04__orders__2.json': 'orders/edited',
  '2025-04__orders__3.json': 'orders/risk_assessment_changed',
  '2025-04__refunds__1.json': 'refunds/create',
  '2025-04__refunds__2.json': 'refunds/create',
  '2025-04__disputes__1.json': 'disputes/create',
  '2025-04__fulfillments__1.json': 'fulfillments/create',
  '2025-04__fulfillment_events__1.json': 'fulfillment_events/create',
  '2025-04__customers__1.json': 'customers/create',
};

export interface WebhookFixture {
  file: string;
  topic: string;
  body: string;
}

/** Every payload in the fixture folder with the topic it was published for. */
export function allWebhookFixtures(): WebhookFixture[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const doc = /^[\d-]+__([a-z_]+)__([a-z_]+)\.payload\.json$/.exec(file);
      const topic = doc ? `${doc[1]}/${doc[2]}` : EXEMPLAR_TOPICS[file];
      if (!topic) throw new Error(`no topic known for fixture ${file}`);
      return { file, topic, body: fixtureText(file) };
    });
}

export interface ShopifyTestApp {
  app: FastifyInstance;
  store: TestStore;
  config: Config;
  /** API tokens of a compliance user (sees the chargeback log) and an agent (does not). */
  tokens: { compliance: string; agent: string };
  close(): Promise<void>;
}

export async function createShopifyTestApp(dialect: Dialect, secret: string | null = WEBHOOK_SECRET): Promise<ShopifyTestApp> {
  const store = await createTestStore(dialect);
  const config: Config = { ...loadConfig({ LADDER_DATA_DIR: store.dataDir, LOG_LEVEL: 'silent' }), sessionSecret: 'x'.repeat(48), shopifyWebhookSecret: secret };
  const tokens = { compliance: '', agent: '' };
  for (const role of ['compliance', 'agent'] as const) {
    const email = `${role}@test.ladder`;
    await createUser(store, SYSTEM_ACTOR, { email, role, password: 'correct horse battery staple' });
    tokens[role] = (await createApiToken(store, SYSTEM_ACTOR, { email, name: 'test' })).token;
  }
  const app = await buildServer({ store, config, consoleDir: null });
  await app.ready();
  return { app, store, config, tokens, async close() { await app.close(); await store.dispose(); } };
}

let deliveryCounter = 0;
export function newDeliveryId(): string {
  deliveryCounter += 1;
  return `b54557e4-bdd9-4b37-8a5f-${String(deliveryCounter).padStart(12, '0')}`;
}

export interface SendOptions {
  topic: string;
  body: string | Buffer;
  deliveryId?: string;
  /** The signature header; defaults to the right one for the body. */
  hmac?: string | null;
}

export function sendWebhook(app: FastifyInstance, options: SendOptions): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-shopify-topic': options.topic,
    'x-shopify-webhook-id': options.deliveryId ?? newDeliveryId(),
    'x-shopify-shop-domain': 'example.myshopify.com',
    'x-shopify-api-version': '2026-04',
  };
  const hmac = options.hmac === undefined ? signShopifyBody(WEBHOOK_SECRET, options.body) : options.hmac;
  if (hmac !== null) headers['x-shopify-hmac-sha256'] = hmac;
  return app.inject({ method: 'POST', url: '/webhooks/shopify', headers, payload: options.body });
}

/** Delivers a signed webhook, expects it taken (200) and processed without error, and returns what the desk recorded for it. */
export async function deliverWebhook(t: ShopifyTestApp, topic: string, body: string, deliveryId = newDeliveryId()): Promise<Record<string, any>> {
  const res = await sendWebhook(t.app, { topic, body, deliveryId });
  expect(res.statusCode, `${topic}: ${res.body}`).toBe(200);
  const row = await t.store.db.selectFrom('webhook_deliveries').select(['result_json', 'error']).where('delivery_id', '=', deliveryId).executeTakeFirstOrThrow();
  expect(row.error).toBeNull();
  return JSON.parse(row.result_json!) as Record<string, any>;
}

export const COUNTED_TABLES = ['webhook_deliveries', 'integration_refs', 'orders', 'customers', 'cases', 'case_events'] as const;
export type Counts = Record<(typeof COUNTED_TABLES)[number], number>;

export async function countRows(store: TestStore): Promise<Counts> {
  const counts = {} as Counts;
  for (const table of COUNTED_TABLES) {
    const row = await store.db.selectFrom(table as keyof DB).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
