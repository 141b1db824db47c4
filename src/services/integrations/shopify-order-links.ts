import type { Executor } from '../../store/database.js';
import { findOrderById, type OrderRecord } from '../../store/repositories/order.repository.js';
import { listCases } from '../../store/repositories/case.repository.js';
import { findIntegrationRef } from '../../store/repositories/webhook-delivery.repository.js';
import type { FulfillmentState } from '../../domain/policy/vocabulary.js';
import { mutateCase } from '../cases/mutate-case.js';
import { shopifyRef, type DeliveryContext } from './delivery-context.js';

// What several Shopify topics share: finding the Ladder order a Shopify order id became, the rule
// that fulfilment only moves forward, and leaving a note on the order's open cases.

export async function findShopifyOrder(db: Executor, shopifyOrderId: string): Promise<OrderRecord | undefined> {
  const id = await findIntegrationRef(db, shopifyRef('order', shopifyOrderId));
  return typeof id === 'number' ? findOrderById(db, id) : undefined;
}

const FULFILLMENT_RANK: Readonly<Record<FulfillmentState, number>> = {
  unfulfilled: 0,
  picked: 1,
  packed: 2,
  shipped: 3,
  delivered: 4,
  returned_to_sender: 5,
};

/**
 * The state to store, or undefined to keep the current one. Webhooks arrive out of order and
 * orders/updated repeats an older fulfillment_status, so a state never moves backwards.
 */
export function advanceFulfillment(current: string | null, next: FulfillmentState | null): FulfillmentState | undefined {
  if (next === null) return undefined;
  const from = current !== null && current in FULFILLMENT_RANK ? FULFILLMENT_RANK[current as FulfillmentState] : -1;
  return FULFILLMENT_RANK[next] > from ? next : undefined;
}

/** The earlier of two instants (UTC ISO text sorts as time). */
export function earliest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a <= b ? a : b;
}

const OPEN_STATUSES = ['new', 'open', 'pending_customer', 'pending_supplier', 'pending_internal'];

/** An internal note on every open case of the order; the ids of the cases noted. */
export async function noteOnOpenCases(ctx: DeliveryContext, orderId: number, text: string, data: Record<string, unknown>): Promise<number[]> {
  const open = await listCases(ctx.trx, { orderId, statuses: OPEN_STATUSES }, { sort: 'created', limit: 50 });
  for (const c of open.items) {
    await mutateCase(ctx.store, ctx.actor, c.id, { reevaluate: false }, ({ at }) => ({
      patch: {},
      events: [{ type: 'note', actorId: null, actorKind: 'integration', at, internal: true, data: { text, source: 'shopify', topic: ctx.topic, ...data } }],
    }));
  }
  return open.items.map((c) => c.id);
}
