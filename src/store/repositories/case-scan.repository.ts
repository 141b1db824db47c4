import type { Executor } from '../database.js';
import { toCase, type CaseRecord } from './case.repository.js';
import type { CaseEventRecord } from './case-event.repository.js';

/** Cases in id order after `afterId`, for read-only passes over the whole store (backtests, reports). */
export async function scanCases(db: Executor, afterId: number, limit: number): Promise<CaseRecord[]> {
  const rows = await db.selectFrom('cases').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
  return rows.map(toCase);
}

/** Messages and signals of many cases in one query: what re-deciding them needs. */
export async function deciderEventsOf(db: Executor, caseIds: number[]): Promise<Map<number, Pick<CaseEventRecord, 'type' | 'at' | 'actorKind' | 'data'>[]>> {
  const out = new Map<number, Pick<CaseEventRecord, 'type' | 'at' | 'actorKind' | 'data'>[]>();
  if (caseIds.length === 0) return out;
  const rows = await db
    .selectFrom('case_events')
    .select(['case_id', 'type', 'at', 'actor_kind', 'data_json'])
    .where('case_id', 'in', caseIds)
    .where('type', 'in', ['message', 'signal'])
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const id = Number(r.case_id);
    let list = out.get(id);
    if (!list) out.set(id, (list = []));
    list.push({ type: r.type, at: r.at, actorKind: r.actor_kind, data: JSON.parse(r.data_json) as Record<string, unknown> });
  }
  return out;
}
