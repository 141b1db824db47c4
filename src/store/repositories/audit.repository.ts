import type { Executor } from '../database.js';

export interface AuditEventRecord {
  id: number;
  at: string;
  actorId: number | null;
  action: string;
  entityType: string;
  entityId: string | null;
  data: Record<string, unknown>;
}

export async function insertAuditEvent(
  db: Executor,
  input: { at: string; actorId: number | null; action: string; entityType: string; entityId: string | null; data?: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      at: input.at,
      actor_id: input.actorId,
      action: input.action,
      entity_type: input.entityType,
      entity_id: input.entityId,
      data_json: JSON.stringify(input.data ?? {}),
    })
    .execute();
}

export async function listAuditEvents(
  db: Executor,
  filter: { entityType?: string; entityId?: string; actorId?: number; beforeId?: number; limit: number },
): Promise<AuditEventRecord[]> {
  let q = db.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(filter.limit);
  if (filter.entityType) q = q.where('entity_type', '=', filter.entityType);
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  if (filter.actorId !== undefined) q = q.where('actor_id', '=', filter.actorId);
  if (filter.beforeId !== undefined) q = q.where('id', '<', filter.beforeId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    actorId: r.actor_id === null ? null : Number(r.actor_id),
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    data: JSON.parse(r.data_json) as Record<string, unknown>,
  }));
}
