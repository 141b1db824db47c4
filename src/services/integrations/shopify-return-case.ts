import { listCases } from '../../store/repositories/case.repository.js';
import { findCustomerById } from '../../store/repositories/customer.repository.js';
import type { OrderRecord } from '../../store/repositories/order.repository.js';
import type { Actor } from '../actor.js';
import { openCase } from '../cases/open-case.js';
import { mutateCase } from '../cases/mutate-case.js';
import type { DeliveryContext } from './delivery-context.js';

// The case a Shopify return is worked on: the order's open returns case, or a new one (issue 6 item 7).

/**
 * Who acts when a Shopify return opens or moves an RMA. An agent's rights, not back office's: it may
 * request and move returns like any agent, but approves no money that needs a supervisor (R004-08)
 * — a Shopify approval of such a return is noted for a lead instead. id 0 = no user row; the audit
 * and timeline name it "shopify".
 */
export const SHOPIFY_RETURNS_ACTOR: Actor = Object.freeze({ id: 0, role: 'agent', teamId: null, email: 'integration:shopify' });

const RETURN_CATEGORIES = ['return_request', 'refund_request', 'exchange_request', 'warranty_return'];
const OPEN_STATUSES = ['new', 'open', 'pending_customer', 'pending_supplier', 'pending_internal'];

/** The order's oldest open returns case, if any. */
export async function findReturnsCase(ctx: DeliveryContext, orderId: number): Promise<number | null> {
  const open = await listCases(ctx.trx, { orderId, statuses: OPEN_STATUSES, categories: RETURN_CATEGORIES }, { sort: 'created', limit: 1 });
  return open.items[0]?.id ?? null;
}

/** The order's open returns case, or a new `return_request` case on the order and its customer. */
export async function returnsCaseFor(ctx: DeliveryContext, order: OrderRecord, returnLabel: string): Promise<{ caseId: number; opened: boolean }> {
  const existing = await findReturnsCase(ctx, order.id);
  if (existing !== null) return { caseId: existing, opened: false };
  const customer = order.customerId !== null ? await findCustomerById(ctx.trx, order.customerId) : undefined;
  const view = await openCase(ctx.store, SHOPIFY_RETURNS_ACTOR, {
    actorKind: 'integration',
    body: {
      category: 'return_request',
      subject: `Return ${returnLabel} on order ${order.number} (requested in Shopify)`,
      order: { number: order.number },
      ...(customer ? { customer: { id: customer.externalId } } : {}),
    },
  });
  return { caseId: Number(view.id), opened: true };
}

/** An internal note by the integration, explaining what Shopify asked and what the desk did. */
export async function noteOnCase(ctx: DeliveryContext, caseId: number, text: string, data: Record<string, unknown>): Promise<void> {
  await mutateCase(ctx.store, SHOPIFY_RETURNS_ACTOR, caseId, { reevaluate: false }, ({ at }) => ({
    patch: {},
    events: [{ type: 'note', actorId: null, actorKind: 'integration', at, internal: true, data: { text, source: 'shopify', topic: ctx.topic, ...data } }],
  }));
}
