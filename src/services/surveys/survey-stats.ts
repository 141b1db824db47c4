import type { Store } from '../../store/database.js';
import { listRatedSurveys, type RatedSurveyRow } from '../../store/repositories/survey.repository.js';
import { listTeams } from '../../store/repositories/team.repository.js';
import { listUsers } from '../../store/repositories/user.repository.js';
import { caseListScope, type CaseListScope } from '../../domain/access/case-visibility.js';
import { csatOf, type CsatSummary } from '../../domain/surveys/csat.js';
import { csvRows, type CsvCell } from '../../integrations/csv/csv-writer.js';
import { requirePermission, type Actor } from '../actor.js';
import { reportPeriod } from '../reports/report-period.js';

export interface CsatLine extends CsatSummary {
  id: string | null;
  name: string;
}

export interface SurveyStats {
  from: string;
  to: string;
  /** Ratings given in [from, to); a rating belongs to the agent and team that resolved the case. */
  overall: CsatSummary;
  byTeam: CsatLine[];
  byAgent: CsatLine[];
  /** UTC calendar days with at least one rating. */
  byDay: (CsatSummary & { date: string })[];
  /** R004-11: above 4.5 out of 5. */
  target: { averageScore: number; met: boolean | null };
}

/** The ratings a viewer may count: the restricted log stays out for those who may not read it (R000-08). */
export async function visibleRatings(store: Store, scope: CaseListScope, from: string, to: string): Promise<RatedSurveyRow[]> {
  const rows = await listRatedSurveys(store.db, from, to, scope.excludeCategories);
  const only = scope.onlyTeamOrAssignee;
  if (!only) return rows;
  return rows.filter((r) => (only.teamId !== null && r.caseTeamId === only.teamId) || r.caseAssigneeId === only.userId);
}

function lines(rows: RatedSurveyRow[], key: (r: RatedSurveyRow) => number | null, names: Map<number, string>, none: string): CsatLine[] {
  const groups = new Map<number | null, number[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r.score]);
  return [...groups.entries()]
    .map(([id, scores]) => ({ id: id === null ? null : String(id), name: id === null ? none : names.get(id) ?? `#${id}`, ...csatOf(scores) }))
    .sort((a, b) => b.responses - a.responses || a.name.localeCompare(b.name));
}

/** CSAT per team, agent and day for a period (R004-09, R004-11); supervisors' report. */
export async function surveyStats(store: Store, actor: Actor, input: { from?: unknown; to?: unknown }): Promise<SurveyStats> {
  requirePermission(actor, 'returns.report');
  const w = reportPeriod(input);
  const rows = await visibleRatings(store, caseListScope({ id: actor.id, role: actor.role, teamId: actor.teamId }), w.from, w.to);
  const [teams, users] = await Promise.all([listTeams(store.db), listUsers(store.db, { includeDisabled: true })]);
  const overall = csatOf(rows.map((r) => r.score));
  const days = new Map<string, number[]>();
  for (const r of rows) days.set(r.ratedAt.slice(0, 10), [...(days.get(r.ratedAt.slice(0, 10)) ?? []), r.score]);
  return {
    ...w,
    overall,
    byTeam: lines(rows, (r) => r.teamId, new Map(teams.map((t) => [t.id, t.name])), 'no team'),
    byAgent: lines(rows, (r) => r.agentId, new Map(users.map((u) => [u.id, u.name ?? u.email])), 'unassigned'),
    byDay: [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, scores]) => ({ date, ...csatOf(scores) })),
    target: { averageScore: 4.5, met: overall.averageScore === null ? null : overall.averageScore > 4.5 },
  };
}

export function surveyStatsCsv(s: SurveyStats): string {
  const row = (group: string, id: string | null, name: string, c: CsatSummary): CsvCell[] => [group, id, name, c.responses, c.satisfied, c.csat, c.averageScore];
  return csvRows(['group', 'id', 'name', 'responses', 'satisfied', 'csat', 'average score'], [
    row('overall', null, `${s.from} – ${s.to}`, s.overall),
    ...s.byTeam.map((l) => row('team', l.id, l.name, l)),
    ...s.byAgent.map((l) => row('agent', l.id, l.name, l)),
    ...s.byDay.map((d) => row('day', null, d.date, d)),
  ]);
}
