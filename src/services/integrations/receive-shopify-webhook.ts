import type { Transaction } from 'kysely';
import type { Store } from '../../store/database.js';
import type { DB } from '../../store/schema.js';
import {
  claimWebhookDelivery, finishWebhookDelivery, insertFailedWebhookDelivery, webhookDeliveryExists, type NewWebhookDelivery,
} from '../../store/repositories/webhook-delivery.repository.js';
import { parseJsonLossless } from '../../domain/money/lossless-json.js';
import { DomainError } from '../../domain/errors.js';
import { SHOPIFY_RETURN_TOPICS } from '../../integrations/shopify/shopify-returns.mapper.js';
import { nowIso } from '../clock.js';
import { SHOPIFY_INTEGRATION_ACTOR, SHOPIFY_SOURCE, inOneTransaction, type DeliveryContext } from './delivery-context.js';
import { syncShopifyOrder } from './sync-shopify-order.js';
import { syncShopifyCustomer } from './sync-shopify-customer.js';
import { applyShopifyParcelUpdate } from './apply-shopify-parcel-update.js';
import { syncShopifyDispute } from './sync-shopify-dispute.js';
import { syncShopifyOrderRisk } from './sync-shopify-order-risk.js';
import { recordShopifyRefund } from './record-shopify-refund.js';
import { recordShopifyReturn } from './record-shopify-return.js';
import { recordShopifyReverseDelivery } from './record-shopify-reverse-delivery.js';
import { applyShopifyPrivacyRequest } from './apply-shopify-privacy-request.js';
import { BatchItemFailed, ShopifyDeliveryBatcher, type MappedDelivery } from './shopify-delivery-batcher.js';
import { SHOPIFY_TOPICS_MAPPED_TOGETHER, mapShopifyRunTogether, prepareRunItem, type RunItem } from './map-shopify-batch.js';

export interface ShopifyWebhookDelivery {
  /** X-Shopify-Webhook-Id: the same delivery retried by Shopify keeps it. */
  deliveryId: string;
  /** X-Shopify-Topic, e.g. "orders/create". */
  topic: string;
  shopDomain: string | null;
  /** The body exactly as received (its HMAC was checked at the edge). */
  rawBody: string;
}

/**
 * processed: stored and mapped; ignored: stored, topic not mapped; duplicate: the delivery id was
 * seen before, nothing changed; failed: stored with the reason, the payload cannot be mapped (a
 * retry would fail the same way, so Shopify is not asked to retry).
 */
export type DeliveryOutcome = 'processed' | 'ignored' | 'duplicate' | 'failed';

export interface DeliveryReceipt {
  outcome: DeliveryOutcome;
  deliveryId: string;
  topic: string;
  result: Record<string, unknown> | null;
  error: string | null;
}

type TopicHandler = (ctx: DeliveryContext, payload: unknown) => Promise<Record<string, unknown>>;

const HANDLERS: Readonly<Record<string, TopicHandler>> = {
  'orders/create': syncShopifyOrder,
  'orders/updated': syncShopifyOrder,
  'orders/cancelled': syncShopifyOrder,
  'orders/fulfilled': syncShopifyOrder,
  'orders/partially_fulfilled': syncShopifyOrder,
  'orders/paid': syncShopifyOrder,
  'orders/risk_assessment_changed': syncShopifyOrderRisk,
  'customers/create': syncShopifyCustomer,
  'customers/update': syncShopifyCustomer,
  'fulfillments/create': applyShopifyParcelUpdate,
  'fulfillments/update': applyShopifyParcelUpdate,
  'fulfillment_events/create': applyShopifyParcelUpdate,
  'disputes/create': syncShopifyDispute,
  'disputes/update': syncShopifyDispute,
  'refunds/create': recordShopifyRefund,
  'customers/data_request': applyShopifyPrivacyRequest,
  'customers/redact': applyShopifyPrivacyRequest,
  'shop/redact': applyShopifyPrivacyRequest,
  ...Object.fromEntries(SHOPIFY_RETURN_TOPICS.map((t) => [t, recordShopifyReturn])),
  'reverse_deliveries/attach_deliverable': recordShopifyReverseDelivery,
};

export function isMappedShopifyTopic(topic: string): boolean {
  return Object.hasOwn(HANDLERS, topic);
}

const HEADER_VALUE = /^[\x21-\x7e]{1,200}$/;

function checkDelivery(d: ShopifyWebhookDelivery): void {
  if (!HEADER_VALUE.test(d.deliveryId)) throw new DomainError('invalid_input', 'expected the delivery id Shopify sends', 'X-Shopify-Webhook-Id');
  if (!HEADER_VALUE.test(d.topic)) throw new DomainError('invalid_input', 'expected a topic such as orders/create', 'X-Shopify-Topic');
  if (d.shopDomain !== null && !HEADER_VALUE.test(d.shopDomain)) throw new DomainError('invalid_input', 'expected a shop domain', 'X-Shopify-Shop-Domain');
}

function parseBody(rawBody: string): unknown {
  try {
    return parseJsonLossless(rawBody);
  } catch {
    throw new DomainError('invalid_json', 'the body is not JSON');
  }
}

/** The topic's handler on a claimed delivery, inside the transaction that stored it. */
async function mapDelivery(bound: Store, trx: Transaction<DB>, at: string, delivery: ShopifyWebhookDelivery): Promise<{ outcome: 'processed' | 'ignored'; result: Record<string, unknown> }> {
  const { topic } = delivery;
  const handler = HANDLERS[topic];
  if (!handler) return { outcome: 'ignored', result: { outcome: 'ignored' } };
  return { outcome: 'processed', result: await handler({ store: bound, trx, actor: SHOPIFY_INTEGRATION_ACTOR, at, topic, deliveryId: delivery.deliveryId }, parseBody(delivery.rawBody)) };
}

/**
 * A batch's claimed deliveries in arrival order: consecutive order and customer webhooks together
 * (map-shopify-batch.ts), any other topic on its own between them.
 */
async function mapDeliveries(bound: Store, trx: Transaction<DB>, at: string, deliveries: ShopifyWebhookDelivery[]): Promise<MappedDelivery[]> {
  const out: MappedDelivery[] = [];
  const oneByOne = async (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      try {
        out[i] = await mapDelivery(bound, trx, at, deliveries[i]!);
      } catch (err) {
        throw new BatchItemFailed(i, err);
      }
    }
  };
  let i = 0;
  while (i < deliveries.length) {
    let end = i;
    while (end < deliveries.length && SHOPIFY_TOPICS_MAPPED_TOGETHER.has(deliveries[end]!.topic)) end++;
    if (end - i < 2) {
      await oneByOne(i, Math.max(end, i + 1));
      i = Math.max(end, i + 1);
      continue;
    }
    const items: RunItem[] = [];
    for (let k = i; k < end; k++) {
      try {
        items.push(prepareRunItem(deliveries[k]!.topic, parseBody(deliveries[k]!.rawBody), at));
      } catch (err) {
        throw new BatchItemFailed(k, err);
      }
    }
    const results = await mapShopifyRunTogether(bound, trx, at, items);
    if (results) results.forEach((result, k) => { out[i + k] = { outcome: 'processed', result }; });
    else await oneByOne(i, end);
    i = end;
  }
  return out;
}

const batchers = new WeakMap<Store, ShopifyDeliveryBatcher<ShopifyWebhookDelivery, DeliveryReceipt>>();

/**
 * Stores a verified Shopify webhook and maps it (issue 7 item 1): the delivery row and everything
 * the mapping changes commit together, so a crash leaves either both or neither, and Shopify's
 * retry of an unacknowledged delivery redoes it cleanly. A repeated delivery id changes nothing.
 * Deliveries arriving together share one transaction (shopify-delivery-batcher.ts, issue 7 item 4);
 * the receipt comes only after that transaction committed.
 */
export async function receiveShopifyWebhook(store: Store, delivery: ShopifyWebhookDelivery): Promise<DeliveryReceipt> {
  checkDelivery(delivery);
  // On SQLite a replay of an acknowledged delivery is answered by an in-process read on the reader
  // connection, at once; on PostgreSQL that read would be a round trip per webhook, so the batch
  // reads its deliveries' ids in one statement instead.
  if (store.dialect === 'sqlite' && (await webhookDeliveryExists(store.db, SHOPIFY_SOURCE, delivery.deliveryId))) {
    return { outcome: 'duplicate', deliveryId: delivery.deliveryId, topic: delivery.topic, result: null, error: null };
  }
  let batcher = batchers.get(store);
  if (!batcher) {
    batcher = new ShopifyDeliveryBatcher(store, { mapAll: mapDeliveries, alone: (d) => receiveShopifyWebhookAlone(store, d) });
    batchers.set(store, batcher);
  }
  return batcher.submit(delivery);
}

/**
 * One delivery in its own transaction: the path a delivery of a failed batch takes. Errors other
 * than unmappable payloads (database down) propagate, so the caller answers 5xx and Shopify retries.
 */
export async function receiveShopifyWebhookAlone(store: Store, delivery: ShopifyWebhookDelivery): Promise<DeliveryReceipt> {
  checkDelivery(delivery);
  const { deliveryId, topic } = delivery;
  const duplicate: DeliveryReceipt = { outcome: 'duplicate', deliveryId, topic, result: null, error: null };
  if (await webhookDeliveryExists(store.db, SHOPIFY_SOURCE, deliveryId)) return duplicate;

  const row: NewWebhookDelivery = { source: SHOPIFY_SOURCE, deliveryId, topic, shopDomain: delivery.shopDomain, receivedAt: nowIso(), rawBody: delivery.rawBody };
  try {
    return await inOneTransaction(store, async (bound, trx) => {
      const id = await claimWebhookDelivery(trx, row);
      if (id === null) return duplicate;
      const at = nowIso();
      const { outcome, result } = await mapDelivery(bound, trx, at, delivery);
      await finishWebhookDelivery(trx, id, { processedAt: at, result, error: null });
      return { outcome, deliveryId, topic, result, error: null };
    });
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    // The mapping rolled back; the delivery is kept with the reason so it can be inspected and re-run.
    const at = nowIso();
    const result = { outcome: 'failed', code: err.code, ...(err.field ? { field: err.field } : {}) };
    const stored = await insertFailedWebhookDelivery(store.db, row, { processedAt: at, result, error: err.message });
    if (!stored) return duplicate;
    return { outcome: 'failed', deliveryId, topic, result, error: err.message };
  }
}
