import type { Store } from '../../store/database.js';
import { listAuditEvents, type AuditEventRecord } from '../../store/repositories/audit.repository.js';
import { DomainError } from '../../domain/errors.js';
import { requirePermission, type Actor } from '../actor.js';

export async function listAudit(
  store: Store,
  actor: Actor,
  input: { entityType?: string; entityId?: string; cursor?: string; limit?: number },
): Promise<{ items: AuditEventRecord[]; nextCursor: string | null }> {
  requirePermission(actor, 'audit.read');
  const limit = input.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new DomainError('invalid_input', 'expected 1 to 500', 'limit');
  if (input.cursor !== undefined && !/^\d{1,15}$/.test(input.cursor)) throw new DomainError('invalid_input', 'not a cursor this server issued', 'cursor');
  const rows = await listAuditEvents(store.db, {
    ...(input.entityType ? { entityType: input.entityType } : {}),
    ...(input.entityId ? { entityId: input.entityId } : {}),
    ...(input.cursor ? { beforeId: Number(input.cursor) } : {}),
    limit: limit + 1,
  });
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? String(items[items.length - 1]!.id) : null };
}
