import type { Store } from '../../store/database.js';
import { findCustomerByExternalId, linkCustomers as linkRows } from '../../store/repositories/customer.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import { DomainError } from '../../domain/errors.js';
import { actorIdOf, requirePermission, type Actor } from '../actor.js';
import { nowIso } from '../clock.js';
import { parseExternalId } from './customer-input.js';

/** Records that two accounts are one person, so offenses count across both (R003-03). */
export async function linkCustomerAccounts(store: Store, actor: Actor, input: { externalId: unknown; linkedExternalId: unknown; reason?: unknown }): Promise<void> {
  requirePermission(actor, 'customers.write');
  const a = await findCustomerByExternalId(store.db, parseExternalId(input.externalId));
  if (!a) throw new DomainError('not_found', 'no such customer', 'id');
  const b = await findCustomerByExternalId(store.db, parseExternalId(input.linkedExternalId, 'linkedId'));
  if (!b) throw new DomainError('not_found', 'no such customer', 'linkedId');
  if (a.id === b.id) throw new DomainError('invalid_input', 'a customer cannot be linked to itself', 'linkedId');
  const reason = typeof input.reason === 'string' ? input.reason.slice(0, 500) : null;
  const at = nowIso();
  await store.db.transaction().execute(async (trx) => {
    await linkRows(trx, a.id, b.id, reason, at);
    await insertAuditEvent(trx, { at, actorId: actorIdOf(actor), action: 'customer.linked', entityType: 'customer', entityId: String(a.id), data: { linkedId: b.id, reason } });
  });
}
