import type { Store } from '../../store/database.js';
import { findOrderById, listOrders, type OrderRecord } from '../../store/repositories/order.repository.js';
import { findCustomerById } from '../../store/repositories/customer.repository.js';
import { listCases } from '../../store/repositories/case.repository.js';
import { assessOrderSla, type OrderSlaFacts, type OrderSlaKind } from '../../domain/sla/order-sla.js';
import type { Destination, FulfillmentState } from '../../domain/policy/vocabulary.js';
import { SYSTEM_ACTOR } from '../actor.js';
import { openCase } from '../cases/open-case.js';
import { loadPolicyRuntime } from '../policy/load-policy-runtime.js';
import { slaPolicyOf } from './sla-policy.js';

/** An order past one of its SLAs: what the sweep queues a job for. */
export interface OrderSlaItem {
  orderId: number;
  kind: OrderSlaKind;
  category: string;
  rule: string;
  dueAt: string;
}

const CLOSED_FULFILLMENT = new Set(['delivered', 'returned_to_sender']);

function factsOf(order: OrderRecord): OrderSlaFacts | null {
  if (!order.placedAt || order.deliveredAt || (order.fulfillment && CLOSED_FULFILLMENT.has(order.fulfillment))) return null;
  return {
    placedAt: order.placedAt,
    ...(order.destination ? { destination: order.destination as Destination } : {}),
    ...(order.fulfillment ? { fulfillment: order.fulfillment as FulfillmentState } : {}),
    ...(order.shippedAt ? { shippedAt: order.shippedAt } : {}),
    ...(order.labelCreatedAt ? { labelCreatedAt: order.labelCreatedAt } : {}),
    ...(order.lastCarrierScanAt ? { lastCarrierScanAt: order.lastCarrierScanAt } : {}),
  };
}

/**
 * Orders not yet delivered that are past an order SLA at `now` (R003-02 processing and shipping,
 * R003-05 label created 5+ days), one page in descending id order. Empty when the policy's
 * `orderSla.openCases` is false.
 */
export async function findOrdersPastSla(
  store: Store,
  input: { now: Date; beforeId?: number; limit: number },
): Promise<{ items: OrderSlaItem[]; nextBeforeId: number | null }> {
  const runtime = await loadPolicyRuntime(store);
  const policy = await slaPolicyOf(store.db, runtime);
  if (!policy.orderSla.openCases) return { items: [], nextBeforeId: null };
  const orders = await listOrders(store.db, { limit: input.limit, ...(input.beforeId !== undefined ? { afterId: input.beforeId } : {}) });
  const items: OrderSlaItem[] = [];
  for (const order of orders) {
    const facts = factsOf(order);
    if (!facts) continue;
    let findings;
    try {
      findings = assessOrderSla(facts, input.now, policy.calendar, policy.orderSla.targets);
    } catch {
      continue; // an order with unreadable dates cannot be timed; it is not an SLA finding
    }
    for (const f of findings) items.push({ orderId: order.id, kind: f.kind, category: f.suggestedCategory, rule: f.rule, dueAt: f.dueAt });
  }
  const last = orders[orders.length - 1];
  return { items, nextBeforeId: orders.length === input.limit && last ? last.id : null };
}

export function orderSlaSubject(orderNumber: string, kind: OrderSlaKind, rule: string): string {
  return `Order ${orderNumber} is past its ${kind.replace(/_/g, ' ')} SLA (${rule})`;
}

/**
 * Opens the case for an order past its SLA, at the level the policy decides for the suggested
 * category (R003-02 at L1, R003-05 at L3), as the system. One case per (order, SLA kind): the job
 * key makes one job, and a case already opened for it (a job retried after its case committed) is
 * found by its subject and not opened again.
 */
export async function openOrderSlaCase(store: Store, item: OrderSlaItem): Promise<{ caseId: number; created: boolean } | null> {
  const order = await findOrderById(store.db, item.orderId);
  if (!order) return null;
  const subject = orderSlaSubject(order.number, item.kind, item.rule);
  const existing = await listCases(store.db, { orderId: order.id, q: subject }, { sort: 'created', limit: 1 });
  if (existing.items[0]) return { caseId: existing.items[0].id, created: false };
  const customer = order.customerId !== null ? await findCustomerById(store.db, order.customerId) : undefined;
  const facts = factsOf(order);
  const view = await openCase(store, SYSTEM_ACTOR, {
    actorKind: 'integration',
    body: {
      category: item.category,
      subject,
      ...(order.storefront ? { storefront: order.storefront } : {}),
      ...(customer ? { customer: { id: customer.externalId } } : {}),
      order: {
        number: order.number,
        ...(facts?.placedAt ? { placedAt: facts.placedAt } : {}),
        ...(facts?.fulfillment ? { fulfillment: facts.fulfillment } : {}),
        ...(facts?.destination ? { destination: facts.destination } : {}),
      },
    },
  });
  return { caseId: Number(view.id), created: true };
}
