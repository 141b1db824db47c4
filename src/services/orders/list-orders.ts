import type { Store } from '../../store/database.js';
import { listOrders as listRows, findOrderByNumber } from '../../store/repositories/order.repository.js';
import { findCustomerByExternalId } from '../../store/repositories/customer.repository.js';
import { FULFILLMENT_STATES } from '../../domain/policy/vocabulary.js';
import { DomainError } from '../../domain/errors.js';
import { requirePermission, type Actor } from '../actor.js';
import { presentOrder, type OrderView } from './order-view.js';

export async function listOrders(
  store: Store,
  actor: Actor,
  input: { customer?: string; fulfillment?: string; q?: string; cursor?: string; limit?: number },
): Promise<{ items: OrderView[]; nextCursor: string | null }> {
  requirePermission(actor, 'orders.read');
  const limit = input.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new DomainError('invalid_input', 'expected 1 to 500', 'limit');
  if (input.cursor !== undefined && !/^\d{1,15}$/.test(input.cursor)) throw new DomainError('invalid_input', 'not a cursor this server issued', 'cursor');
  if (input.fulfillment && !(FULFILLMENT_STATES as readonly string[]).includes(input.fulfillment)) {
    throw new DomainError('invalid_input', `expected one of ${FULFILLMENT_STATES.join(', ')}`, 'fulfillment');
  }
  let customerId: number | undefined;
  if (input.customer) {
    const c = await findCustomerByExternalId(store.db, input.customer);
    if (!c) return { items: [], nextCursor: null };
    customerId = c.id;
  }
  const rows = await listRows(store.db, {
    ...(customerId !== undefined ? { customerId } : {}),
    ...(input.fulfillment ? { fulfillment: input.fulfillment } : {}),
    ...(input.q ? { q: input.q.slice(0, 100) } : {}),
    ...(input.cursor ? { afterId: Number(input.cursor) } : {}),
    limit: limit + 1,
  });
  const items = rows.slice(0, limit);
  return { items: items.map(presentOrder), nextCursor: rows.length > limit ? String(items[items.length - 1]!.id) : null };
}

export async function getOrder(store: Store, actor: Actor, input: { number: unknown }): Promise<OrderView> {
  requirePermission(actor, 'orders.read');
  if (typeof input.number !== 'string' || !input.number) throw new DomainError('invalid_input', 'expected an order number', 'number');
  const o = await findOrderByNumber(store.db, input.number);
  if (!o) throw new DomainError('not_found', 'no such order', 'number');
  return presentOrder(o);
}
