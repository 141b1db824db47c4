import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Store, Executor } from '../../store/database.js';
import { findCustomerByExternalId, linkedCustomerIds } from '../../store/repositories/customer.repository.js';
import { attachmentBytesStillUsed, redactCustomers, type RedactionResult } from '../../store/repositories/privacy.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import { DomainError } from '../../domain/errors.js';
import { actorIdOf, requirePermission, type Actor } from '../actor.js';
import { nowIso } from '../clock.js';

export interface ErasureReport extends Omit<RedactionResult, 'attachments'> {
  attachments: number;
  filesDeleted: number;
}

/**
 * Erases a person's data (right to erasure; Shopify customers/redact): their customer record and
 * linked accounts lose every identifier; their cases keep category, level, priority, times and
 * money for the metrics, with subjects, messages, notes and attachments removed.
 */
export async function eraseCustomerData(
  store: Store,
  actor: Actor,
  input: { externalId: unknown; includeLinked?: boolean; reason?: string },
): Promise<ErasureReport> {
  requirePermission(actor, 'privacy.manage');
  if (typeof input.externalId !== 'string' || !input.externalId.trim()) throw new DomainError('invalid_input', 'expected a customer id', 'id');
  const customer = await findCustomerByExternalId(store.db, input.externalId.trim());
  if (!customer) throw new DomainError('not_found', 'no such customer', 'id');
  return store.db.transaction().execute((trx) => eraseWithin(store, trx, actor, [customer.id], input.includeLinked !== false, [
    customer.externalId.replace(/^shopify:/, ''), ...(customer.email ? [customer.email] : []),
  ], input.reason ?? 'erasure request'));
}

/** The erasure itself, inside a caller's transaction (a webhook delivery's, or the use case's own). */
export async function eraseWithin(
  store: Store,
  trx: Executor,
  actor: Actor,
  customerIds: number[],
  includeLinked: boolean,
  identifiers: string[],
  reason: string,
): Promise<ErasureReport> {
  const ids = new Set(customerIds);
  if (includeLinked) for (const id of customerIds) for (const l of await linkedCustomerIds(trx, id)) ids.add(l);
  const at = nowIso();
  const result = await redactCustomers(trx, [...ids], identifiers, at);
  let filesDeleted = 0;
  for (const a of result.attachments) {
    if (!(await attachmentBytesStillUsed(trx, a.sha256))) {
      await rm(join(store.dataDir, a.storageKey), { force: true });
      filesDeleted++;
    }
  }
  const report: ErasureReport = { ...result, attachments: result.attachments.length, filesDeleted };
  // The audit event names no one: only the internal ids that now hold nothing personal.
  await insertAuditEvent(trx, { at, actorId: actorIdOf(actor), action: 'customer.erased', entityType: 'customer', entityId: [...ids].join(','), data: { reason, ...report } });
  return report;
}
