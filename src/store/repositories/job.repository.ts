import { sql, type Selectable } from 'kysely';
import type { Dialect, Executor } from '../database.js';
import type { JobsTable } from '../schema.js';

export const JOB_STATES = ['queued', 'running', 'done', 'dead'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface JobRecord {
  id: number;
  kind: string;
  key: string;
  payload: unknown;
  runAt: string;
  /** Claims so far, the running one included. */
  attempts: number;
  maxAttempts: number;
  state: JobState;
  lockedBy: string | null;
  lockedUntil: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewJob {
  kind: string;
  /** Idempotency key: a second job with the same key is not inserted. */
  key: string;
  payload: unknown;
  runAt: string;
  maxAttempts: number;
}

export function toJob(row: Selectable<JobsTable>): JobRecord {
  return {
    id: Number(row.id),
    kind: row.kind,
    key: row.key,
    payload: JSON.parse(row.payload_json) as unknown,
    runAt: row.run_at,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    state: row.state as JobState,
    lockedBy: row.locked_by,
    lockedUntil: row.locked_until,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const INSERT_CHUNK = 500;

/** Inserts the jobs whose keys are new; returns how many were inserted. */
export async function enqueueJobs(db: Executor, jobs: NewJob[], at: string): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < jobs.length; i += INSERT_CHUNK) {
    const rows = await db
      .insertInto('jobs')
      .values(
        jobs.slice(i, i + INSERT_CHUNK).map((j) => ({
          kind: j.kind, key: j.key, payload_json: JSON.stringify(j.payload ?? null), run_at: j.runAt, attempts: 0,
          max_attempts: j.maxAttempts, state: 'queued', created_at: at, updated_at: at,
        })),
      )
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('id')
      .execute();
    inserted += rows.length;
  }
  return inserted;
}

/**
 * Claims up to `limit` due jobs for `workerId` until `leaseUntil`. On PostgreSQL the inner select
 * takes row locks with SKIP LOCKED, so concurrent workers claim disjoint sets without waiting; on
 * SQLite the single UPDATE runs under the one write lock.
 */
export async function claimJobs(
  db: Executor,
  dialect: Dialect,
  input: { workerId: string; now: string; leaseUntil: string; limit: number; kinds: readonly string[] },
): Promise<JobRecord[]> {
  if (input.kinds.length === 0 || input.limit <= 0) return [];
  const rows = await db
    .updateTable('jobs')
    .set((eb) => ({
      state: 'running',
      locked_by: input.workerId,
      locked_until: input.leaseUntil,
      attempts: eb('attempts', '+', 1),
      updated_at: input.now,
    }))
    .where('id', 'in', (eb) => {
      let q = eb
        .selectFrom('jobs')
        .select('id')
        .where('state', '=', 'queued')
        .where('run_at', '<=', input.now)
        .where('kind', 'in', input.kinds)
        .orderBy('run_at')
        .orderBy('id')
        .limit(input.limit);
      if (dialect === 'postgres') q = q.forUpdate().skipLocked();
      return q;
    })
    .returningAll()
    .execute();
  return rows.map(toJob).sort((a, b) => (a.runAt < b.runAt ? -1 : a.runAt > b.runAt ? 1 : a.id - b.id));
}

/** Marks a job done; false when this worker no longer holds it (its lease expired and it was re-claimed). */
export async function completeJob(db: Executor, id: number, workerId: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({ state: 'done', locked_by: null, locked_until: null, updated_at: at })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Records a failed attempt: queued again at `retryAt`, or dead when `retryAt` is null. */
export async function failJob(
  db: Executor,
  id: number,
  workerId: string,
  input: { error: string; retryAt: string | null; at: string },
): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({
      state: input.retryAt === null ? 'dead' : 'queued',
      run_at: input.retryAt ?? sql<string>`run_at`,
      locked_by: null,
      locked_until: null,
      last_error: input.error.slice(0, 2000),
      updated_at: input.at,
    })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * Puts claimed jobs back as they were before the claim (the attempt is not counted): a job that
 * asked to run later, or jobs a stopping worker had not finished.
 */
export async function releaseJobs(db: Executor, ids: number[], workerId: string, input: { at: string; runAt?: string }): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await db
    .updateTable('jobs')
    .set((eb) => ({
      state: 'queued',
      attempts: eb('attempts', '-', 1),
      ...(input.runAt ? { run_at: input.runAt } : {}),
      locked_by: null,
      locked_until: null,
      updated_at: input.at,
    }))
    .where('id', 'in', ids)
    .where('state', '=', 'running')
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Extends the lease of jobs still being worked on. */
export async function extendLeases(db: Executor, ids: number[], workerId: string, leaseUntil: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('jobs')
    .set({ locked_until: leaseUntil })
    .where('id', 'in', ids)
    .where('state', '=', 'running')
    .where('locked_by', '=', workerId)
    .execute();
}

/**
 * Jobs whose worker vanished (killed, lost its connection) are queued again once their lease has
 * run out; one that has used every attempt is dead instead, so a job that crashes its worker
 * cannot loop forever.
 */
export async function recoverExpiredLeases(db: Executor, now: string): Promise<number> {
  const r = await db
    .updateTable('jobs')
    .set((eb) => ({
      state: eb.case().when('attempts', '>=', eb.ref('max_attempts')).then('dead').else('queued').end(),
      last_error: sql<string>`'lease expired while held by ' || coalesce(locked_by, '?')`,
      locked_by: null,
      locked_until: null,
      updated_at: now,
    }))
    .where('state', '=', 'running')
    .where('locked_until', '<', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The earliest run_at of a queued job of these kinds: how long an idle worker may sleep. */
export async function nextRunAt(db: Executor, kinds: readonly string[]): Promise<string | null> {
  if (kinds.length === 0) return null;
  const row = await db
    .selectFrom('jobs')
    .select((eb) => eb.fn.min('run_at').as('next'))
    .where('state', '=', 'queued')
    .where('kind', 'in', kinds)
    .executeTakeFirst();
  return (row?.next as string | null | undefined) ?? null;
}

export async function findJob(db: Executor, id: number): Promise<JobRecord | undefined> {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toJob(row);
}

export async function findJobByKey(db: Executor, key: string): Promise<JobRecord | undefined> {
  const row = await db.selectFrom('jobs').selectAll().where('key', '=', key).executeTakeFirst();
  return row && toJob(row);
}

export async function listJobs(
  db: Executor,
  filter: { state?: JobState; kind?: string; beforeId?: number; limit: number },
): Promise<JobRecord[]> {
  let q = db.selectFrom('jobs').selectAll().orderBy('id', 'desc').limit(filter.limit);
  if (filter.state) q = q.where('state', '=', filter.state);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.beforeId !== undefined) q = q.where('id', '<', filter.beforeId);
  return (await q.execute()).map(toJob);
}

export async function countJobsByState(db: Executor): Promise<Record<JobState, number>> {
  const rows = await db.selectFrom('jobs').select(['state', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('state').execute();
  const out: Record<JobState, number> = { queued: 0, running: 0, done: 0, dead: 0 };
  for (const r of rows) out[r.state as JobState] = Number(r.n);
  return out;
}

/** Queues dead jobs again with a fresh set of attempts; `ids` absent = every dead job. */
export async function retryDeadJobs(db: Executor, input: { ids?: number[]; at: string }): Promise<JobRecord[]> {
  let q = db
    .updateTable('jobs')
    .set({ state: 'queued', attempts: 0, run_at: input.at, locked_by: null, locked_until: null, updated_at: input.at })
    .where('state', '=', 'dead');
  if (input.ids) {
    if (input.ids.length === 0) return [];
    q = q.where('id', 'in', input.ids);
  }
  return (await q.returningAll().execute()).map(toJob);
}
