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
export async function appendCaseEvents(db: Executor, events: NewCaseEvent[]): Promise<CaseEventRecord[]> {
  if (events.length === 0) return [];
  const rows = await db
    .insertInto('case_events')
    .values(
      events.map((e) => ({
        case_id: e.caseId,
        type: e.type,
        actor_id: e.actorId,
        actor_kind: e.actorKind,
        at: e.at,
        internal: e.internal ? 1 : 0,
        data_json: JSON.stringify(e.data),
      })),
    )
    .returning(['id'])
    .execute();
  return rows.map((r, i) => ({ ...events[i]!, id: Number(r.id) }));
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
