import { sql, type Selectable } from 'kysely';
import { dialectOf, type Dialect, type Executor } from '../database.js';
import type { OutboxTable } from '../schema.js';
import { enqueueJobs, type NewJob } from './job.repository.js';
import { insertNotifications } from './notification.repository.js';

export const OUTBOX_CHANNELS = ['email', 'webhook', 'in_app'] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];
export type OutboxState = 'pending' | 'sent' | 'dead';

export interface OutboxRecord {
  id: number;
  channel: OutboxChannel;
  /** (case, event, channel, recipient): unique, so a change retried writes its notification once. */
  dedupeKey: string;
  caseId: number | null;
  event: string;
  recipient: string;
  payload: Record<string, unknown>;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: string | null;
  sentAt: string | null;
  lastError: string | null;
  createdAt: string;
}

export interface NewOutboxRow {
  channel: OutboxChannel;
  dedupeKey: string;
  caseId: number | null;
  event: string;
  recipient: string;
  payload: Record<string, unknown>;
  /** The row takes effect in the inserting transaction itself (in-app notifications): stored as sent. */
  sentOnInsert?: boolean;
}

function toOutbox(row: Selectable<OutboxTable>): OutboxRecord {
  return {
    id: Number(row.id),
    channel: row.channel as OutboxChannel,
    dedupeKey: row.dedupe_key,
    caseId: row.case_id === null ? null : Number(row.case_id),
    event: row.event,
    recipient: row.recipient,
    payload: JSON.parse(row.payload_json) as Record<string, unknown>,
    state: row.state as OutboxState,
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at,
    sentAt: row.sent_at,
    lastError: row.last_error,
    createdAt: row.created_at,
  };
}

/** Inserts the rows whose dedupe keys are new and returns those (ids in insertion order). */
export async function insertOutboxRows(db: Executor, rows: NewOutboxRow[], at: string): Promise<OutboxRecord[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insertInto('outbox')
    .values(
      rows.map((r) => ({
        channel: r.channel, dedupe_key: r.dedupeKey, case_id: r.caseId, event: r.event, recipient: r.recipient,
        payload_json: JSON.stringify(r.payload), created_at: at,
        ...(r.sentOnInsert ? { state: 'sent', attempts: 1, next_attempt_at: null, sent_at: at } : { state: 'pending', attempts: 0, next_attempt_at: at }),
      })),
    )
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returningAll()
    .execute();
  return inserted.map(toOutbox);
}

/** The kind of job that delivers an email or webhook outbox row, and its attempts. */
export interface DeliveryJobKind {
  kind: string;
  maxAttempts: number;
}

/**
 * The job that delivers one outbox row: one per row (keyed by kind and row id), naming the row and
 * its channel. insertOutboxRowsWithEffects writes the same job in SQL.
 */
export function deliveryJobOf(row: Pick<OutboxRecord, 'id' | 'channel'>, at: string, job: DeliveryJobKind): NewJob {
  return { kind: job.kind, key: `${job.kind}:${row.id}`, payload: { outboxId: row.id, channel: row.channel }, runAt: at, maxAttempts: job.maxAttempts };
}

/**
 * insertOutboxRows plus what the new rows need, in the caller's transaction: an in-app row's
 * notification (its payload is `{ userId, kind, text }`) and an email or webhook row's delivery
 * job (deliveryJobOf). Returns the rows written now, in insertion order.
 *
 * On PostgreSQL this is one statement (data-modifying CTEs) instead of three: every SLA breach
 * writes a notice, and the burst is bound by round trips per breach (issue 4 burst). SQLite runs in
 * process, where a statement costs no round trip, and has no data-modifying CTEs.
 */
export async function insertOutboxRowsWithEffects(db: Executor, rows: NewOutboxRow[], at: string, job: DeliveryJobKind): Promise<OutboxRecord[]> {
  if (rows.length === 0) return [];
  if (dialectOf(db) === 'sqlite') {
    const written = await insertOutboxRows(db, rows, at);
    await insertNotifications(db, written.filter((row) => row.channel === 'in_app').map((row) => {
      const payload = row.payload as { userId: number; kind: string; text: string };
      return { userId: payload.userId, caseId: row.caseId, kind: payload.kind, text: payload.text, outboxId: row.id, createdAt: at };
    }));
    await enqueueJobs(db, written.filter((row) => row.channel !== 'in_app').map((row) => deliveryJobOf(row, at, job)), at);
    return written;
  }
  const values = sql.join(rows.map((r) => (r.sentOnInsert
    ? sql`(${r.channel}, ${r.dedupeKey}, ${r.caseId}, ${r.event}, ${r.recipient}, ${JSON.stringify(r.payload)}, ${at}, 'sent', 1, null, ${at})`
    : sql`(${r.channel}, ${r.dedupeKey}, ${r.caseId}, ${r.event}, ${r.recipient}, ${JSON.stringify(r.payload)}, ${at}, 'pending', 0, ${at}, null)`)));
  // The job's payload text is what JSON.stringify writes for deliveryJobOf's payload.
  const result = await sql<Selectable<OutboxTable>>`
    with o as (
      insert into outbox (channel, dedupe_key, case_id, event, recipient, payload_json, created_at, state, attempts, next_attempt_at, sent_at)
      values ${values}
      on conflict (dedupe_key) do nothing
      returning *
    ), n as (
      insert into notifications (user_id, case_id, kind, text, outbox_id, created_at)
      select (o.payload_json::jsonb ->> 'userId')::bigint, o.case_id, o.payload_json::jsonb ->> 'kind', o.payload_json::jsonb ->> 'text', o.id, o.created_at
      from o where o.channel = 'in_app'
    ), j as (
      insert into jobs (kind, key, payload_json, run_at, attempts, max_attempts, state, created_at, updated_at)
      select ${job.kind}::text, ${job.kind}::text || ':' || o.id, '{"outboxId":' || o.id || ',"channel":' || to_json(o.channel)::text || '}',
        o.created_at, 0, ${job.maxAttempts}::integer, 'queued', o.created_at, o.created_at
      from o where o.channel <> 'in_app' order by o.id
      on conflict (key) do nothing
    )
    select * from o order by o.id`.execute(db);
  return result.rows.map(toOutbox);
}

export async function findOutboxRow(db: Executor, id: number, lock?: Dialect): Promise<OutboxRecord | undefined> {
  let q = db.selectFrom('outbox').selectAll().where('id', '=', id);
  if (lock === 'postgres') q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row && toOutbox(row);
}

/** Several rows by id, in one read (rows not found are left out). */
export async function findOutboxRows(db: Executor, ids: readonly number[]): Promise<OutboxRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('outbox').selectAll().where('id', 'in', [...ids]).execute();
  return rows.map(toOutbox);
}

/** Marks the row sent once: false when it already was (another delivery of the same row won). */
export async function markOutboxSent(db: Executor, id: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('outbox')
    .set((eb) => ({ state: 'sent', sent_at: at, attempts: eb('attempts', '+', 1), next_attempt_at: null, last_error: null }))
    .where('id', '=', id)
    .where('state', '!=', 'sent')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function markOutboxFailed(
  db: Executor,
  id: number,
  input: { error: string; nextAttemptAt: string | null; at: string },
): Promise<void> {
  await db
    .updateTable('outbox')
    .set((eb) => ({
      state: input.nextAttemptAt === null ? 'dead' : 'pending',
      attempts: eb('attempts', '+', 1),
      next_attempt_at: input.nextAttemptAt,
      last_error: input.error.slice(0, 2000),
    }))
    .where('id', '=', id)
    .where('state', '!=', 'sent')
    .execute();
}

export async function listOutbox(
  db: Executor,
  filter: { caseId?: number; state?: OutboxState; channel?: OutboxChannel; limit: number },
): Promise<OutboxRecord[]> {
  let q = db.selectFrom('outbox').selectAll().orderBy('id').limit(filter.limit);
  if (filter.caseId !== undefined) q = q.where('case_id', '=', filter.caseId);
  if (filter.state) q = q.where('state', '=', filter.state);
  if (filter.channel) q = q.where('channel', '=', filter.channel);
  return (await q.execute()).map(toOutbox);
}

export async function countOutbox(db: Executor, filter: { state?: OutboxState; channel?: OutboxChannel } = {}): Promise<number> {
  let q = db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n'));
  if (filter.state) q = q.where('state', '=', filter.state);
  if (filter.channel) q = q.where('channel', '=', filter.channel);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** One recipient's rows newest first (an endpoint's delivery log), keyset-paged by id. */
export async function listOutboxByRecipient(
  db: Executor,
  recipient: string,
  page: { beforeId?: number; limit: number; state?: OutboxState },
): Promise<OutboxRecord[]> {
  let q = db.selectFrom('outbox').selectAll().where('recipient', '=', recipient).orderBy('id', 'desc').limit(page.limit);
  if (page.beforeId !== undefined) q = q.where('id', '<', page.beforeId);
  if (page.state) q = q.where('state', '=', page.state);
  return (await q.execute()).map(toOutbox);
}

/** Puts a sent or dead row back to pending for a manual redelivery; the caller queues its job. */
export async function requeueOutboxRow(db: Executor, id: number, at: string): Promise<OutboxRecord | undefined> {
  const row = await db
    .updateTable('outbox')
    .set({ state: 'pending', sent_at: null, next_attempt_at: at, last_error: null })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && toOutbox(row);
}

/** Gives up on a row after its last attempt was already counted (the job died): no extra attempt. */
export async function markOutboxDead(db: Executor, id: number, error: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ state: 'dead', next_attempt_at: null, last_error: error.slice(0, 2000) })
    .where('id', '=', id)
    .where('state', '!=', 'sent')
    .execute();
}
