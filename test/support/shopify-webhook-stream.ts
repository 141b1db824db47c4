import { readFileSync } from 'node:fs';
import { signShopifyBody } from '../../src/integrations/shopify/shopify-webhook-signature.js';

// A stream of distinct, signed Shopify webhooks made from the published payloads in
// test/fixtures/shopify-webhooks/ (see its PROVENANCE.md): the bodies stay byte for byte the
// fixture except for the ids and order name, rewritten as text so every other digit survives.
// Used by the ingest bench and the replay test, so both count the same objects.

const FIXTURES = new URL('../fixtures/shopify-webhooks/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');

export interface StreamWebhook {
  deliveryId: string;
  topic: string;
  body: string;
  hmac: string;
}

export interface StreamShape {
  webhooks: StreamWebhook[];
  /** Distinct objects the stream describes: each must exist exactly once after any number of replays. */
  orders: number;
  customers: number;
}

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`fixture no longer contains ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

const ORDER_BASE = 5_000_000_000;
const CUSTOMER_BASE = 7_000_000_000;
const STANDALONE_CUSTOMER_BASE = 8_000_000_000;
/** Orders share customers, as real shops' repeat buyers do. */
const ORDER_CUSTOMERS = 997;

function orderBody(template: string, order: number, customer: number): string {
  const orderId = ORDER_BASE + order;
  const customerId = CUSTOMER_BASE + customer;
  let body = replaceOnce(template, '"id": 820982911946154500,', `"id": ${orderId},`);
  body = replaceOnce(body, 'gid://shopify/Order/820982911946154508', `gid://shopify/Order/${orderId}`);
  body = replaceOnce(body, '"name": "#9999"', `"name": "#B${order}"`);
  body = replaceOnce(body, '"id": 115310627314723950,', `"id": ${customerId},`);
  return replaceOnce(body, 'gid://shopify/Customer/115310627314723954', `gid://shopify/Customer/${customerId}`);
}

function customerBody(template: string, n: number): string {
  const id = STANDALONE_CUSTOMER_BASE + n;
  const body = replaceOnce(template, '"id": 706405506930370000,', `"id": ${id},`);
  return replaceOnce(body, 'gid://shopify/Customer/706405506930370084', `gid://shopify/Customer/${id}`);
}

/**
 * `count` webhooks about objects numbered from `firstObject` (streams with disjoint ranges describe
 * disjoint orders and standalone customers): half orders/create, a quarter orders/updated of an order created just before
 * (they may arrive first under concurrency, as with Shopify), a quarter customers/create.
 */
export function shopifyWebhookStream(count: number, secret: string, runTag = 'bench', firstObject = 0): StreamShape {
  const create = fixture('2026-04__orders__create.payload.json');
  const updated = fixture('2026-04__orders__updated.payload.json');
  const customer = fixture('2026-04__customers__create.payload.json');
  const webhooks: StreamWebhook[] = [];
  let orders = 0;
  let customers = 0;
  const customerIds = new Set<number>();
  for (let i = 0; i < count; i++) {
    let topic: string;
    let body: string;
    if (i % 4 === 1) {
      topic = 'customers/create';
      body = customerBody(customer, firstObject + customers++);
    } else if (i % 4 === 3 && orders > 0) {
      topic = 'orders/updated';
      body = orderBody(updated, firstObject + orders - 1, firstObject + ((orders - 1) % ORDER_CUSTOMERS));
    } else {
      topic = 'orders/create';
      customerIds.add(orders % ORDER_CUSTOMERS);
      body = orderBody(create, firstObject + orders, firstObject + (orders % ORDER_CUSTOMERS));
      orders++;
    }
    const deliveryId = `${runTag}-${String(i).padStart(8, '0')}`;
    webhooks.push({ deliveryId, topic, body, hmac: signShopifyBody(secret, body) });
  }
  return { webhooks, orders, customers: customers + customerIds.size };
}

export function webhookHeaders(w: StreamWebhook): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-shopify-topic': w.topic,
    'x-shopify-webhook-id': w.deliveryId,
    'x-shopify-shop-domain': 'bench.myshopify.com',
    'x-shopify-api-version': '2026-04',
    'x-shopify-hmac-sha256': w.hmac,
  };
}
