import { insertRows } from '../shaped-query.js';
import type { Executor } from '../database.js';

export interface CaseEventRecord {
  id: number;
  caseId: number;
  type: string;
  actorId: number | null;
  actorKind: string;
  at: string;
  internal: boolean;
  data: Record<string, unknown>;
}

export interface NewCaseEvent {
  caseId: number;
  type: string;
  actorId: number | null;
  actorKind: string;
  at: string;
  internal: boolean;
  data: Record<string, unknown>;
}

/** Appends events in one statement; the timeline is append-only (no update or delete exists). */
// Rows per INSERT: seven parameters each stays far below SQLite's 32,766 and PostgreSQL's 65,535
// bound parameters per statement, however long a timeline a case is opened with.
const EVENT_INSERT_CHUNK = 1_000;
const EVENT_COLUMNS = ['case_id', 'type', 'actor_id', 'actor_kind', 'at', 'internal', 'data_json'];

export async function appendCaseEvents(db: Executor, events: NewCaseEvent[]): Promise<CaseEventRecord[]> {
  const stored: CaseEventRecord[] = [];
  for (let i = 0; i < events.length; i += EVENT_INSERT_CHUNK) {
    const chunk = events.slice(i, i + EVENT_INSERT_CHUNK);
    const ids = await insertRows(db, 'case_events', EVENT_COLUMNS, chunk.map((e) => [
      e.caseId, e.type, e.actorId, e.actorKind, e.at, e.internal ? 1 : 0, JSON.stringify(e.data),
    ]), { returningId: true });
    for (const [j, e] of chunk.entries()) stored.push({ ...e, id: ids[j]! });
  }
  return stored;
}

export async function listCaseEvents(db: Executor, caseId: number, options: { includeInternal: boolean }): Promise<CaseEventRecord[]> {
  let q = db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('id');
  if (!options.includeInternal) q = q.where('internal', '=', 0);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: Number(r.id),
    caseId: Number(r.case_id),
    type: r.type,
    actorId: r.actor_id === null ? null : Number(r.actor_id),
    actorKind: r.actor_kind,
    at: r.at,
    internal: Number(r.internal) === 1,
    data: JSON.parse(r.data_json) as Record<string, unknown>,
  }));
}
