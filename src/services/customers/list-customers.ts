import type { Store } from '../../store/database.js';
import { listCustomers as listRows } from '../../store/repositories/customer.repository.js';
import { DomainError } from '../../domain/errors.js';
import { requirePermission, type Actor } from '../actor.js';
import { presentCustomer, type CustomerView } from './customer-view.js';

export async function listCustomers(store: Store, actor: Actor, input: { q?: string; cursor?: string; limit?: number }): Promise<{ items: CustomerView[]; nextCursor: string | null }> {
  requirePermission(actor, 'customers.read');
  const limit = input.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new DomainError('invalid_input', 'expected 1 to 500', 'limit');
  if (input.cursor !== undefined && !/^\d{1,15}$/.test(input.cursor)) throw new DomainError('invalid_input', 'not a cursor this server issued', 'cursor');
  const rows = await listRows(store.db, { ...(input.q ? { q: input.q.slice(0, 200) } : {}), ...(input.cursor ? { afterId: Number(input.cursor) } : {}), limit: limit + 1 });
  const items = rows.slice(0, limit);
  return { items: items.map(presentCustomer), nextCursor: rows.length > limit ? String(items[items.length - 1]!.id) : null };
}
