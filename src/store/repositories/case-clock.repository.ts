import { sql, type Selectable } from 'kysely';
import { dialectOf, type Dialect, type Executor } from '../database.js';
import type { CaseClocksTable, WebhookEndpointsTable } from '../schema.js';
import { insertRows, upsertRowsReturningAll } from '../shaped-query.js';
import { toCase, toColumns, updateCase, type CasePatch, type CaseRecord } from './case.repository.js';
import { appendCaseEvents, type CaseEventRecord, type NewCaseEvent } from './case-event.repository.js';
import { toEndpoint, type WebhookEndpointRecord } from './webhook-endpoint.repository.js';

export interface CaseClockRecord {
  id: number;
  caseId: number;
  kind: string;
  /** The stored SlaClock as parsed JSON; read it with the domain's readClock before use. */
  clock: unknown;
  state: string;
  dueAt: string | null;
  warnAt: string | null;
  warnedAt: string | null;
  breachedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CaseClockFields {
  clock: unknown;
  state: string;
  dueAt: string | null;
  warnAt: string | null;
  warnedAt: string | null;
  breachedAt: string | null;
}

function toCaseClock(row: Selectable<CaseClocksTable>): CaseClockRecord {
  return {
    id: Number(row.id),
    caseId: Number(row.case_id),
    kind: row.kind,
    clock: JSON.parse(row.clock_json) as unknown,
    state: row.state,
    dueAt: row.due_at,
    warnAt: row.warn_at,
    warnedAt: row.warned_at,
    breachedAt: row.breached_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function columns(fields: CaseClockFields) {
  return {
    clock_json: JSON.stringify(fields.clock),
    state: fields.state,
    due_at: fields.dueAt,
    warn_at: fields.warnAt,
    warned_at: fields.warnedAt,
    breached_at: fields.breachedAt,
  };
}

export async function listCaseClocks(db: Executor, caseId: number): Promise<CaseClockRecord[]> {
  const rows = await db.selectFrom('case_clocks').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  return rows.map(toCaseClock);
}

/**
 * A clock with its case, both rows locked on PostgreSQL, and the calendar of the case's team, in
 * one read: an SLA breach or warning used to spend three round trips here (case lock, clock lock,
 * team), and the burst is bound by round trips per breach (issue 4 burst). The case is locked
 * before the clock, as separate reads did (FOR UPDATE OF locks in the order the tables are named).
 * On PostgreSQL the active webhook endpoints, which the alert's notice needs, come in the same read
 * (a fourth round trip saved); on SQLite, where a read costs no round trip, `endpoints` is
 * undefined and the caller reads them when it needs them.
 * Undefined when the clock is gone or belongs to another case. (SQLite transactions hold the
 * single write lock already.)
 */
export async function findClockWithCaseForUpdate(
  db: Executor,
  input: { caseId: number; clockId: number },
  dialect: Dialect,
): Promise<{ case: CaseRecord; clock: CaseClockRecord; team: { key: string; calendar: unknown } | null; endpoints?: WebhookEndpointRecord[] } | undefined> {
  const q = db
    .selectFrom('cases')
    .innerJoin('case_clocks', 'case_clocks.case_id', 'cases.id')
    .leftJoin('teams', 'teams.id', 'cases.team_id')
    .selectAll('cases')
    .select([
      'case_clocks.id as clock_id', 'case_clocks.kind as clock_kind', 'case_clocks.clock_json as clock_json',
      'case_clocks.state as clock_state', 'case_clocks.due_at as clock_due_at', 'case_clocks.warn_at as clock_warn_at',
      'case_clocks.warned_at as clock_warned_at', 'case_clocks.breached_at as clock_breached_at',
      'case_clocks.created_at as clock_created_at', 'case_clocks.updated_at as clock_updated_at',
      'teams.key as team_key', 'teams.calendar_json as team_calendar_json',
    ])
    .where('cases.id', '=', input.caseId)
    .where('case_clocks.id', '=', input.clockId);
  const row = dialect === 'postgres'
    ? await q
      .select(sql<Selectable<WebhookEndpointsTable>[]>`(select coalesce(json_agg(w order by w.id), '[]'::json) from webhook_endpoints w where w.active = 1)`.as('active_endpoints'))
      .forUpdate(['cases', 'case_clocks'])
      .executeTakeFirst()
    : await q.executeTakeFirst();
  if (!row) return undefined;
  const caseRecord = toCase(row);
  const endpoints = 'active_endpoints' in row ? (row.active_endpoints as Selectable<WebhookEndpointsTable>[]).map(toEndpoint) : undefined;
  return {
    case: caseRecord,
    clock: {
      id: Number(row.clock_id),
      caseId: caseRecord.id,
      kind: row.clock_kind,
      clock: JSON.parse(row.clock_json) as unknown,
      state: row.clock_state,
      dueAt: row.clock_due_at,
      warnAt: row.clock_warn_at,
      warnedAt: row.clock_warned_at,
      breachedAt: row.clock_breached_at,
      createdAt: row.clock_created_at,
      updatedAt: row.clock_updated_at,
    },
    team: row.team_key === null ? null : { key: row.team_key, calendar: row.team_calendar_json ? JSON.parse(row.team_calendar_json) as unknown : null },
    ...(endpoints ? { endpoints } : {}),
  };
}

export async function findCaseClock(db: Executor, id: number): Promise<CaseClockRecord | undefined> {
  const row = await db.selectFrom('case_clocks').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toCaseClock(row);
}

export async function insertCaseClock(db: Executor, caseId: number, kind: string, fields: CaseClockFields, at: string): Promise<CaseClockRecord> {
  const row = await db
    .insertInto('case_clocks')
    .values({ case_id: caseId, kind, ...columns(fields), created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toCaseClock(row);
}

/** Several clocks of one case in one statement (opening starts two): rows come back keyed by kind, unique per case. */
export async function insertCaseClocks(
  db: Executor, caseId: number, clocks: readonly { kind: string; fields: CaseClockFields }[], at: string,
): Promise<Map<string, CaseClockRecord>> {
  const rows = await insertClocksOfCases(db, clocks.map((c) => ({ caseId, ...c })), at);
  return new Map(rows.map((c) => [c.kind, c]));
}

const NEW_CLOCK_COLUMNS = ['case_id', 'kind', 'clock_json', 'state', 'due_at', 'warn_at', 'warned_at', 'breached_at', 'created_at', 'updated_at'];

/**
 * New clocks of several cases (a batch of openings) in one statement. Only ids are read back; the
 * records are what was written (issue 2 item 10: reading back and parsing every row of a batch
 * cost as much as writing it).
 */
export async function insertClocksOfCases(
  db: Executor, clocks: readonly { caseId: number; kind: string; fields: CaseClockFields }[], at: string,
): Promise<CaseClockRecord[]> {
  if (clocks.length === 0) return [];
  const ids = await insertRows(db, 'case_clocks', NEW_CLOCK_COLUMNS, clocks.map(({ caseId, kind, fields: f }) => [
    caseId, kind, JSON.stringify(f.clock), f.state, f.dueAt, f.warnAt, f.warnedAt, f.breachedAt, at, at,
  ]), { returningId: true });
  return clocks.map(({ caseId, kind, fields: f }, i) => ({
    id: ids[i]!, caseId, kind, clock: f.clock, state: f.state, dueAt: f.dueAt, warnAt: f.warnAt, warnedAt: f.warnedAt,
    breachedAt: f.breachedAt, createdAt: at, updatedAt: at,
  }));
}

export async function updateCaseClock(db: Executor, id: number, fields: CaseClockFields, at: string): Promise<CaseClockRecord> {
  const row = await db
    .updateTable('case_clocks')
    .set({ ...columns(fields), updated_at: at })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toCaseClock(row);
}

/**
 * What handling a clock's warning or breach writes, in the caller's transaction: the clock's new
 * fields, the case's patch when the alert raised it, and the timeline events (returned with their
 * ids, in order). On PostgreSQL one statement (the updates as data-modifying CTEs before the
 * events' insert) instead of three round trips per breach (issue 4 burst); SQLite runs in process,
 * where a statement costs no round trip, and has no data-modifying CTEs. The case row must be
 * locked by the caller (findClockWithCaseForUpdate): the patched case is then `{ ...case, ...patch }`.
 */
export async function recordClockAlert(
  db: Executor,
  input: { clockId: number; fields: CaseClockFields; at: string; caseId: number; casePatch: CasePatch | null; events: NewCaseEvent[] },
): Promise<CaseEventRecord[]> {
  const { clockId, fields, at, caseId, casePatch, events } = input;
  if (dialectOf(db) === 'sqlite' || events.length === 0) {
    await db.updateTable('case_clocks').set({ ...columns(fields), updated_at: at }).where('id', '=', clockId).execute();
    if (casePatch) await updateCase(db, caseId, casePatch);
    return appendCaseEvents(db, events);
  }
  const withClock = db.with('clock_update', (w) => w.updateTable('case_clocks').set({ ...columns(fields), updated_at: at }).where('id', '=', clockId));
  const withCase = casePatch ? withClock.with('case_update', (w) => w.updateTable('cases').set(toColumns(casePatch) as never).where('id', '=', caseId)) : withClock;
  const rows = await withCase
    .insertInto('case_events')
    .values(events.map((e) => ({
      case_id: e.caseId, type: e.type, actor_id: e.actorId, actor_kind: e.actorKind, at: e.at, internal: e.internal ? 1 : 0, data_json: JSON.stringify(e.data),
    })))
    .returning('id')
    .execute();
  if (rows.length !== events.length) throw new Error(`recordClockAlert: ${rows.length} ids returned for ${events.length} events`);
  return events.map((e, i) => ({ ...e, id: Number(rows[i]!.id) }));
}

/**
 * Clocks whose pending breach (`due_at`) or warning (`warn_at`) falls at or before `until`, earliest
 * first. An index range scan over rows with something pending: its cost follows the number due.
 */
export async function pendingClockActions(
  db: Executor,
  input: { column: 'due_at' | 'warn_at'; until: string; limit: number },
): Promise<{ id: number; caseId: number; at: string }[]> {
  const rows = await db
    .selectFrom('case_clocks')
    .select(['id', 'case_id', input.column])
    .where(input.column, 'is not', null)
    .where(input.column, '<=', input.until)
    .orderBy(input.column)
    .limit(input.limit)
    .execute();
  return rows.map((r) => ({ id: Number(r.id), caseId: Number(r.case_id), at: String((r as Record<string, unknown>)[input.column]) }));
}

/** The clocks of several cases, by case then id. */
export async function listClocksOfCases(db: Executor, caseIds: readonly number[]): Promise<CaseClockRecord[]> {
  const out: CaseClockRecord[] = [];
  for (let i = 0; i < caseIds.length; i += 5_000) {
    const rows = await db.selectFrom('case_clocks').selectAll().where('case_id', 'in', caseIds.slice(i, i + 5_000)).orderBy('case_id').orderBy('id').execute();
    out.push(...rows.map(toCaseClock));
  }
  return out;
}

/**
 * New fields for several stored clocks in one statement: an upsert on the primary key in which
 * every row conflicts, so only the clock columns and updated_at change (the portable form of a
 * multi-row UPDATE on both databases).
 */
export async function updateCaseClocks(db: Executor, updates: readonly { row: CaseClockRecord; fields: CaseClockFields }[], at: string): Promise<void> {
  const CHUNK = 2_000;
  for (let i = 0; i < updates.length; i += CHUNK) {
    const chunk = updates.slice(i, i + CHUNK);
    await upsertRowsReturningAll(db, 'case_clocks', ['id', ...NEW_CLOCK_COLUMNS], chunk.map(({ row, fields: f }) => [
      row.id, row.caseId, row.kind, JSON.stringify(f.clock), f.state, f.dueAt, f.warnAt, f.warnedAt, f.breachedAt, row.createdAt, at,
    ]), 'id', ['clock_json', 'state', 'due_at', 'warn_at', 'warned_at', 'breached_at'], at);
  }
}
