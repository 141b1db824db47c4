import type { Store } from '../../store/database.js';
import { upsertCustomer as upsertCustomerRow } from '../../store/repositories/customer.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import { DomainError } from '../../domain/errors.js';
import { actorIdOf, requirePermission, type Actor } from '../actor.js';
import { nowIso } from '../clock.js';
import { parseCustomerFields, parseExternalId } from './customer-input.js';
import { presentCustomer, type CustomerView } from './customer-view.js';

export async function upsertCustomer(store: Store, actor: Actor, input: { externalId: unknown; body: unknown }): Promise<CustomerView> {
  requirePermission(actor, 'customers.write');
  const externalId = parseExternalId(input.externalId);
  if (typeof input.body !== 'object' || input.body === null || Array.isArray(input.body)) throw new DomainError('invalid_input', 'expected a JSON object', '');
  const fields = parseCustomerFields(input.body as Record<string, unknown>);
  const at = nowIso();
  return store.db.transaction().execute(async (trx) => {
    const c = await upsertCustomerRow(trx, externalId, fields, at);
    await insertAuditEvent(trx, { at, actorId: actorIdOf(actor), action: 'customer.saved', entityType: 'customer', entityId: String(c.id), data: { fields: Object.keys(fields) } });
    return presentCustomer(c);
  });
}
