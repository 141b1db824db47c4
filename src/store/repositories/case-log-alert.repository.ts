import type { Executor } from '../database.js';
import type { CaseLogRecord } from './case-log.repository.js';

export interface DueLogRow {
  logId: number;
  caseId: number;
  type: string;
  state: string;
  dueAt: string;
}

/**
 * Open entries of the given types due by `until` whose breach at that due instant is not taken yet,
 * earliest first (a range scan of case_logs.due_at).
 */
export async function listLogsDueBy(db: Executor, input: { types: readonly string[]; until: string; limit: number }): Promise<DueLogRow[]> {
  if (input.types.length === 0) return [];
  const rows = await db
    .selectFrom('case_logs as l')
    .select(['l.id', 'l.case_id', 'l.type', 'l.state', 'l.due_at'])
    .where('l.due_at', 'is not', null)
    .where('l.due_at', '<=', input.until)
    .where('l.closed_at', 'is', null)
    .where('l.type', 'in', [...input.types])
    .where(({ not, exists, selectFrom }) => not(exists(
      selectFrom('case_log_alerts as a').select('a.log_id').whereRef('a.log_id', '=', 'l.id').whereRef('a.due_at', '=', 'l.due_at').where('a.alert', '=', 'breach'),
    )))
    .orderBy('l.due_at')
    .orderBy('l.id')
    .limit(input.limit)
    .execute();
  return rows.map((r) => ({ logId: Number(r.id), caseId: Number(r.case_id), type: r.type, state: r.state, dueAt: r.due_at! }));
}

export async function listTakenLogAlerts(db: Executor, logIds: readonly number[]): Promise<{ logId: number; dueAt: string; alert: string }[]> {
  if (logIds.length === 0) return [];
  const rows = await db.selectFrom('case_log_alerts').selectAll().where('log_id', 'in', [...logIds]).execute();
  return rows.map((r) => ({ logId: Number(r.log_id), dueAt: r.due_at, alert: r.alert }));
}

/** Records an alert as taken; false when it already was. */
export async function insertLogAlert(db: Executor, input: { logId: number; dueAt: string; alert: string; at: string }): Promise<boolean> {
  const result = await db
    .insertInto('case_log_alerts')
    .values({ log_id: input.logId, due_at: input.dueAt, alert: input.alert, created_at: input.at })
    .onConflict((oc) => oc.columns(['log_id', 'due_at', 'alert']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function findCaseLogById(db: Executor, id: number): Promise<Pick<CaseLogRecord, 'id' | 'caseId' | 'type' | 'state' | 'dueAt' | 'closedAt'> | undefined> {
  const row = await db.selectFrom('case_logs').select(['id', 'case_id', 'type', 'state', 'due_at', 'closed_at']).where('id', '=', id).executeTakeFirst();
  return row && { id: Number(row.id), caseId: Number(row.case_id), type: row.type, state: row.state, dueAt: row.due_at, closedAt: row.closed_at };
}
