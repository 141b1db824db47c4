import type { Executor } from '../database.js';

export interface ComplianceEventRow {
  caseId: number;
  type: string;
  actorId: number | null;
  actorKind: string;
  at: string;
  data: Record<string, unknown>;
}

/** The events a compliance review reads, for cases opened in a window (restricted log left out as asked). */
export async function complianceEvents(db: Executor, from: string, to: string, excludeCategories: string[]): Promise<{
  cases: { id: number; category: string; teamId: number | null; escalated: boolean; createdById: number | null; decision: Record<string, unknown> }[];
  events: ComplianceEventRow[];
}> {
  let cq = db.selectFrom('cases').select(['id', 'category', 'team_id', 'escalated', 'created_by_id', 'decision_json']).where('created_at', '>=', from).where('created_at', '<', to);
  if (excludeCategories.length) cq = cq.where('category', 'not in', excludeCategories);
  const cases = await cq.orderBy('id').execute();
  if (cases.length === 0) return { cases: [], events: [] };
  const ids = cases.map((c) => Number(c.id));
  const events: ComplianceEventRow[] = [];
  // In slices: an IN list stays well under either database's parameter limit.
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('case_events')
      .select(['case_id', 'type', 'actor_id', 'actor_kind', 'at', 'data_json'])
      .where('case_id', 'in', ids.slice(i, i + 500))
      .where('type', 'in', ['message', 'note', 'escalated', 'attachment_added'])
      .orderBy('id')
      .execute();
    for (const r of rows) {
      events.push({ caseId: Number(r.case_id), type: r.type, actorId: r.actor_id === null ? null : Number(r.actor_id), actorKind: r.actor_kind, at: r.at, data: JSON.parse(r.data_json) as Record<string, unknown> });
    }
  }
  return {
    cases: cases.map((c) => ({
      id: Number(c.id), category: c.category, teamId: c.team_id === null ? null : Number(c.team_id), escalated: Number(c.escalated) === 1,
      createdById: c.created_by_id === null ? null : Number(c.created_by_id), decision: JSON.parse(c.decision_json) as Record<string, unknown>,
    })),
    events,
  };
}
