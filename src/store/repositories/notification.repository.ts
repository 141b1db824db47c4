import type { Selectable } from 'kysely';
import type { Executor } from '../database.js';
import type { NotificationsTable } from '../schema.js';

export interface NotificationRecord {
  id: number;
  userId: number;
  caseId: number | null;
  kind: string;
  text: string;
  outboxId: number | null;
  createdAt: string;
  readAt: string | null;
}

function toNotification(row: Selectable<NotificationsTable>): NotificationRecord {
  return {
    id: Number(row.id),
    userId: Number(row.user_id),
    caseId: row.case_id === null ? null : Number(row.case_id),
    kind: row.kind,
    text: row.text,
    outboxId: row.outbox_id === null ? null : Number(row.outbox_id),
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

export async function insertNotification(db: Executor, input: Omit<NotificationRecord, 'id' | 'readAt'>): Promise<NotificationRecord> {
  const row = await db
    .insertInto('notifications')
    .values({
      user_id: input.userId, case_id: input.caseId, kind: input.kind, text: input.text, outbox_id: input.outboxId, created_at: input.createdAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toNotification(row);
}

export async function insertNotifications(db: Executor, list: Omit<NotificationRecord, 'id' | 'readAt'>[]): Promise<void> {
  if (list.length === 0) return;
  await db
    .insertInto('notifications')
    .values(list.map((n) => ({ user_id: n.userId, case_id: n.caseId, kind: n.kind, text: n.text, outbox_id: n.outboxId, created_at: n.createdAt })))
    .execute();
}

export async function listNotifications(
  db: Executor,
  filter: { userId: number; unreadOnly?: boolean; beforeId?: number; limit: number },
): Promise<NotificationRecord[]> {
  let q = db.selectFrom('notifications').selectAll().where('user_id', '=', filter.userId).orderBy('id', 'desc').limit(filter.limit);
  if (filter.unreadOnly) q = q.where('read_at', 'is', null);
  if (filter.beforeId !== undefined) q = q.where('id', '<', filter.beforeId);
  return (await q.execute()).map(toNotification);
}

export async function markNotificationsRead(db: Executor, userId: number, ids: number[], at: string): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('id', 'in', ids)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
