import type { Executor } from '../database.js';
import type { CaseListScope } from '../../domain/access/case-visibility.js';

// The rows the desk dashboard (R001-14, R004-11) is computed from. Buckets, averages and medians
// are worked out in TypeScript: times are ISO text on both databases, so no dialect date function
// is needed and SQLite and PostgreSQL answer the same.

export interface MetricsCaseRow {
  id: number;
  category: string;
  status: string;
  customerId: number | null;
  createdAt: string;
  resolvedAt: string | null;
  resolutionDueAt: string | null;
  /** The decision's offense number for offense-based categories (R003-02); null otherwise. */
  offense: number | null;
}

export interface MetricsEscalationRow {
  caseId: number;
  category: string;
  at: string;
}

const OPEN_STATUSES_EXCLUDED = ['resolved', 'closed'];

/**
 * Cases opened in [from, to), resolved in [from, to), or still unresolved with their resolution
 * due before `to`; plus the escalation events in the window. Restricted categories and the
 * supplier's scope are applied here, the same way the case list applies them.
 */
export async function deskMetricsRows(db: Executor, from: string, to: string, scope: CaseListScope): Promise<{
  cases: MetricsCaseRow[];
  escalations: MetricsEscalationRow[];
}> {
  let cq = db
    .selectFrom('cases')
    .select(['id', 'category', 'status', 'customer_id', 'created_at', 'resolved_at', 'resolution_due_at', 'decision_json'])
    .where((eb) => eb.or([
      eb.and([eb('created_at', '>=', from), eb('created_at', '<', to)]),
      eb.and([eb('resolved_at', '>=', from), eb('resolved_at', '<', to)]),
      eb.and([eb('resolved_at', 'is', null), eb('status', 'not in', OPEN_STATUSES_EXCLUDED), eb('resolution_due_at', '<', to)]),
    ]));
  if (scope.excludeCategories.length) cq = cq.where('category', 'not in', scope.excludeCategories);
  const team = scope.onlyTeamOrAssignee;
  if (team) {
    cq = cq.where((eb) => eb.or([
      ...(team.teamId !== null ? [eb('team_id', '=', team.teamId), eb('partner_team_id', '=', team.teamId)] : []),
      eb('assignee_id', '=', team.userId),
    ]));
  }
  const caseRows = await cq.orderBy('id').execute();

  let eq = db
    .selectFrom('case_events')
    .innerJoin('cases', 'cases.id', 'case_events.case_id')
    .select(['case_events.case_id as case_id', 'cases.category as category', 'case_events.at as at'])
    .where('case_events.type', '=', 'escalated')
    .where('case_events.at', '>=', from)
    .where('case_events.at', '<', to);
  if (scope.excludeCategories.length) eq = eq.where('cases.category', 'not in', scope.excludeCategories);
  if (team) {
    eq = eq.where((eb) => eb.or([
      ...(team.teamId !== null ? [eb('cases.team_id', '=', team.teamId), eb('cases.partner_team_id', '=', team.teamId)] : []),
      eb('cases.assignee_id', '=', team.userId),
    ]));
  }
  const escalationRows = await eq.orderBy('case_events.id').execute();

  return {
    cases: caseRows.map((c) => {
      const decision = JSON.parse(c.decision_json) as { offense?: unknown };
      return {
        id: Number(c.id), category: c.category, status: c.status,
        customerId: c.customer_id === null ? null : Number(c.customer_id),
        createdAt: c.created_at, resolvedAt: c.resolved_at, resolutionDueAt: c.resolution_due_at,
        offense: typeof decision.offense === 'number' ? decision.offense : null,
      };
    }),
    escalations: escalationRows.map((e) => ({ caseId: Number(e.case_id), category: e.category, at: e.at })),
  };
}

/** How many agent messages each of these cases has (for first-contact resolution). */
export async function agentMessageCounts(db: Executor, caseIds: number[]): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  // In slices: an IN list stays well under either database's parameter limit.
  for (let i = 0; i < caseIds.length; i += 500) {
    const rows = await db
      .selectFrom('case_events')
      .select(['case_id', 'data_json'])
      .where('case_id', 'in', caseIds.slice(i, i + 500))
      .where('type', '=', 'message')
      .execute();
    for (const r of rows) {
      const data = JSON.parse(r.data_json) as { from?: unknown };
      if (data.from !== 'agent') continue;
      const id = Number(r.case_id);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return counts;
}
