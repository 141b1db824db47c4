import type { Transaction } from 'kysely';
import type { Store } from '../../store/database.js';
import type { DB } from '../../store/schema.js';
import type { OrderFields, OrderRecord } from '../../store/repositories/order.repository.js';
import {
  anyShopifyReturnsWaitingFor, claimAndLockIntegrationRefs, findOrdersByIdsOrNumbers, saveOrderLineSnapshots,
  setIntegrationRefs, upsertCustomers, upsertOrdersSettingOnly,
} from '../../store/repositories/shopify-mapping-batch.repository.js';
import { mapShopifyOrder, type ShopifyOrderRecord } from '../../integrations/shopify/shopify-order.mapper.js';
import { mapShopifyCustomer, type ShopifyCustomerRecord } from '../../integrations/shopify/shopify-customer.mapper.js';
import { SHOPIFY_SOURCE } from './delivery-context.js';
import { shopifyOrderFields, shopifyOrderResult } from './sync-shopify-order.js';
import { shopifyOrderLinesOf, type ShopifyOrderLines } from './shopify-order-lines.js';

// Issue 7 item 6: consecutive order and customer webhooks of a batch are mapped together, with one
// multi-row statement per step (lock the orders' mappings, read the orders, upsert the customers,
// upsert the orders, point new mappings, keep the lines) instead of those steps once per webhook.
// The outcome is the one the same deliveries mapped one after another would leave:
// - a later webhook about an order of the run is applied on the order as the earlier one left it
//   (fulfilment only moves forward, shipped-at keeps the earliest), and the order is written once;
// - customers are merged in delivery order (later fields over earlier), as successive upserts;
// - the orders' mapping rows are locked first, as the one-by-one path does, so other batches and
//   other instances touching the same orders wait for this transaction;
// - whatever the one-by-one path does beyond that (returns parked for one of these orders, two
//   webhooks naming one Ladder order through different ids or one number) makes the run go one by
//   one after all (the caller's fallback), before this has written anything but the claims.

/** The topics mapped together; every other topic is mapped on its own, in arrival order. */
export const SHOPIFY_TOPICS_MAPPED_TOGETHER: ReadonlySet<string> = new Set(['orders/create', 'orders/updated', 'customers/create', 'customers/update']);

export type RunItem =
  | { kind: 'order'; record: ShopifyOrderRecord; lines: { snapshot: ShopifyOrderLines } | { warning: string } }
  | { kind: 'customer'; record: ShopifyCustomerRecord };

/** The pure part of mapping one delivery of the run; throws (a DomainError) on a payload that cannot be mapped. */
export function prepareRunItem(topic: string, payload: unknown, at: string): RunItem {
  if (topic.startsWith('customers/')) return { kind: 'customer', record: mapShopifyCustomer(payload) };
  const record = mapShopifyOrder(payload);
  return { kind: 'order', record, lines: shopifyOrderLinesOf(payload, at) };
}

/** Each item's result, in order; null: the run must be mapped one by one instead. */
export async function mapShopifyRunTogether(store: Store, trx: Transaction<DB>, at: string, items: readonly RunItem[]): Promise<Record<string, unknown>[] | null> {
  const orders = items.flatMap((item, pos) => (item.kind === 'order' ? [{ pos, record: item.record, lines: item.lines }] : []));
  const shopifyIds = [...new Set(orders.map((o) => o.record.shopifyOrderId))];
  const mapped = await claimAndLockIntegrationRefs(trx, SHOPIFY_SOURCE, 'order', shopifyIds, at);
  if (await anyShopifyReturnsWaitingFor(trx, shopifyIds, store.dialect)) return null;

  const firsts = new Map<string, ShopifyOrderRecord>();
  for (const o of orders) if (!firsts.has(o.record.shopifyOrderId)) firsts.set(o.record.shopifyOrderId, o.record);
  const ids = [...mapped.values()].filter((id): id is number => typeof id === 'number');
  const numbers = [...firsts.values()].filter((r) => typeof mapped.get(r.shopifyOrderId) !== 'number').map((r) => r.number);
  const found = await findOrdersByIdsOrNumbers(trx, ids, numbers);
  const byId = new Map(found.map((o) => [o.id, o]));
  const byNumber = new Map(found.map((o) => [o.number, o]));
  const current = new Map<string, OrderRecord | undefined>();
  const targetNumbers = new Set<string>();
  for (const [shopifyId, record] of firsts) {
    const mappedId = mapped.get(shopifyId);
    const existing = typeof mappedId === 'number' ? byId.get(mappedId) : byNumber.get(record.number);
    // Orders are upserted by number: two Shopify orders landing on one number apply one by one.
    const number = existing?.number ?? record.number;
    if (targetNumbers.has(number)) return null;
    targetNumbers.add(number);
    current.set(shopifyId, existing);
  }

  const customerUpserts: { externalId: string; fields: ShopifyCustomerRecord['fields'] }[] = [];
  for (const item of items) {
    const customer = item.kind === 'customer' ? item.record : item.record.customer;
    if (customer) customerUpserts.push({ externalId: customer.externalId, fields: customer.fields });
  }
  const customers = await upsertCustomers(trx, customerUpserts, at);

  const results: Record<string, unknown>[] = items.map((item) => {
    if (item.kind === 'order') return {};
    return { outcome: 'processed', customerId: customers.get(item.record.externalId)!.id, externalId: item.record.externalId };
  });
  // Each order is written once, with what all its webhooks of the run set (each field only ever
  // set, later over earlier); the webhooks' own results follow the order through them in turn.
  const perOrder = new Map<string, typeof orders>();
  for (const o of orders) perOrder.set(o.record.shopifyOrderId, [...(perOrder.get(o.record.shopifyOrderId) ?? []), o]);
  const planned = [...perOrder].map(([shopifyId, webhooks]) => {
    const existing = current.get(shopifyId);
    let state: OrderFields = existing ?? {};
    const fields: OrderFields = {};
    const steps = webhooks.map((o) => {
      const step = shopifyOrderFields(o.record, state as OrderRecord | undefined);
      const customerId = o.record.customer ? customers.get(o.record.customer.externalId)!.id : null;
      if (customerId !== null) step.customerId = customerId;
      Object.assign(fields, step);
      state = { ...state, ...step };
      return { o, customerId, fulfillment: state.fulfillment ?? null };
    });
    return { shopifyId, existing, steps, number: existing?.number ?? webhooks[0]!.record.number, fields };
  });
  const saved = await upsertOrdersSettingOnly(trx, planned, at);
  const newRefs = new Map<string, number>();
  const lines = new Map<number, ShopifyOrderLines>();
  for (const p of planned) {
    const order = saved.get(p.number)!;
    if (mapped.get(p.shopifyId) !== order.id) newRefs.set(p.shopifyId, order.id);
    p.steps.forEach((step, k) => {
      const { o } = step;
      if ('warning' in o.lines) o.record.warnings.push(o.lines.warning);
      else lines.set(order.id, o.lines.snapshot);
      const last = k === p.steps.length - 1;
      results[o.pos] = shopifyOrderResult(o.record, last ? order : { ...order, fulfillment: step.fulfillment }, k === 0 && !p.existing, step.customerId);
    });
  }
  await setIntegrationRefs(trx, SHOPIFY_SOURCE, 'order', [...newRefs].map(([externalId, entityId]) => ({ externalId, entityId })), at);
  await saveOrderLineSnapshots(trx, [...lines].map(([orderId, snapshot]) => ({ orderId, source: SHOPIFY_SOURCE, snapshot })), at);
  return results;
}
