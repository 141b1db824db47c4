import type { Store, Executor } from '../../store/database.js';
import { findCustomerByExternalId, findCustomerById, linkedCustomerIds } from '../../store/repositories/customer.repository.js';
import { listOrders } from '../../store/repositories/order.repository.js';
import { listCases } from '../../store/repositories/case.repository.js';
import { listCaseEvents } from '../../store/repositories/case-event.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import { DomainError } from '../../domain/errors.js';
import { actorIdOf, requirePermission, type Actor } from '../actor.js';
import { nowIso } from '../clock.js';
import { presentCustomer, type CustomerView } from '../customers/customer-view.js';
import { presentOrder, type OrderView } from '../orders/order-view.js';

export interface CustomerDataExport {
  exportedAt: string;
  customer: CustomerView;
  linkedAccounts: CustomerView[];
  orders: OrderView[];
  cases: { id: string; category: string; status: string; createdAt: string; subject: string | null; messages: { at: string; from: unknown; text: unknown }[] }[];
}

/** Everything Ladder holds about a person (right of access; Shopify customers/data_request). */
export async function exportCustomerData(store: Store, actor: Actor, input: { externalId: unknown }): Promise<CustomerDataExport> {
  requirePermission(actor, 'privacy.manage');
  if (typeof input.externalId !== 'string' || !input.externalId.trim()) throw new DomainError('invalid_input', 'expected a customer id', 'id');
  const customer = await findCustomerByExternalId(store.db, input.externalId.trim());
  if (!customer) throw new DomainError('not_found', 'no such customer', 'id');
  const data = await collectCustomerData(store.db, customer.id);
  await insertAuditEvent(store.db, { at: data.exportedAt, actorId: actorIdOf(actor), action: 'customer.exported', entityType: 'customer', entityId: String(customer.id) });
  return data;
}

export async function collectCustomerData(db: Executor, customerId: number): Promise<CustomerDataExport> {
  const customer = await findCustomerById(db, customerId);
  if (!customer) throw new DomainError('not_found', 'no such customer', 'id');
  const ids = await linkedCustomerIds(db, customerId);
  const linked = (await Promise.all(ids.filter((i) => i !== customerId).map((i) => findCustomerById(db, i)))).filter((c) => c !== undefined);
  const orders = (await Promise.all(ids.map((id) => listOrders(db, { customerId: id, limit: 1000 })))).flat();
  const cases = (await listCases(db, { customerIds: ids }, { sort: 'created', limit: 1000 })).items;
  const withMessages = await Promise.all(cases.map(async (c) => ({
    id: String(c.id),
    category: c.category,
    status: c.status,
    createdAt: c.createdAt,
    subject: c.subject,
    messages: (await listCaseEvents(db, c.id, { includeInternal: false }))
      .filter((e) => e.type === 'message')
      .map((e) => ({ at: e.at, from: e.data.from, text: e.data.text })),
  })));
  return { exportedAt: nowIso(), customer: presentCustomer(customer), linkedAccounts: linked.map(presentCustomer), orders: orders.map(presentOrder), cases: withMessages };
}
