import type { Store } from '../../store/database.js';
import { agentMessageCounts, deskMetricsRows, type MetricsCaseRow } from '../../store/repositories/metrics.repository.js';
import { caseListScope } from '../../domain/access/case-visibility.js';
import { requirePermission, type Actor } from '../actor.js';
import { csvRows, type CsvCell } from '../../integrations/csv/csv-writer.js';
import { csatOf, type CsatSummary } from '../../domain/surveys/csat.js';
import { visibleRatings } from '../surveys/survey-stats.js';
import { reportPeriod } from './report-period.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Drill-down lists stop here; `count` still says how many there are. */
export const DRILL_CAP = 200;

/** A number and the cases behind it (R001-14: each number drills down to its cases). */
export interface Drill {
  count: number;
  /** Case ids behind the number, ascending, at most DRILL_CAP. */
  caseIds: string[];
  truncated: boolean;
}

export interface DurationStats {
  averageHours: number | null;
  medianHours: number | null;
  cases: Drill;
}

export interface DeskDay {
  date: string;
  opened: Drill;
  escalations: Drill;
}

export interface CategoryLine {
  category: string;
  opened: Drill;
  escalations: Drill;
  resolution: DurationStats;
}

export interface DeskMetrics {
  from: string;
  to: string;
  /** Day buckets are UTC calendar days. */
  timeZone: 'UTC';
  days: DeskDay[];
  /** `escalations.count` counts events; `escalatedCases` the distinct cases behind them. */
  totals: { opened: Drill; escalations: Drill; escalatedCases: number };
  /** Cases resolved in the period: resolved_at − created_at (R001-14). */
  resolution: DurationStats;
  byCategory: CategoryLine[];
  /** R001-14, R001-15: customers with two or more cases opened in the period, and later offenses. */
  repeat: { customers: number; customerCases: Drill; laterOffenses: Drill };
  /** R004-11: resolved in the period with a resolution due time — met when resolved at or before it. */
  sla: { measured: Drill; met: Drill; missed: Drill; attainment: number | null; openPastDue: Drill };
  firstContact: { resolved: Drill; firstContact: Drill; rate: number | null };
  /** R004-09, R004-11: survey ratings given in the period; `value` is CSAT, the share of 4–5 of 5. */
  csat: CsatSummary & { value: number | null; note: string; target: number; cases: Drill };
  definitions: Record<string, string>;
}

const DEFINITIONS: Record<string, string> = {
  escalations: 'Escalation events (automatic, by a person or by an SLA breach) in the period; the cases are the distinct escalated cases.',
  opened: 'Cases created in the period.',
  resolution: 'For cases resolved in the period: resolved time minus created time. A reopened case counts from its latest resolution.',
  repeat: 'Customers with two or more cases opened in the period; later offenses are cases opened in the period whose decision counts an offense above 1 (R003-02).',
  sla: 'Resolved in the period with a resolution due time: met when resolved at or before it. Open past due: not resolved or closed and due before the end of the period.',
  firstContact: 'Resolved in the period with at most one agent message on the case (R004-11 target above 80%).',
  csat: 'Ratings (1–5) customers gave in the period through the survey sent on resolution: CSAT is the share of 4 and 5; the SOP target reads the average (above 4.5/5, R004-11).',
};

function drill(ids: Iterable<number>, count?: number): Drill {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  return { count: count ?? sorted.length, caseIds: sorted.slice(0, DRILL_CAP).map(String), truncated: sorted.length > DRILL_CAP };
}

function hours(ms: number): number {
  return Math.round((ms / HOUR_MS) * 10) / 10;
}

function durationStats(cases: MetricsCaseRow[]): DurationStats {
  const spans = cases.map((c) => Date.parse(c.resolvedAt!) - Date.parse(c.createdAt)).sort((a, b) => a - b);
  if (spans.length === 0) return { averageHours: null, medianHours: null, cases: drill([]) };
  const mid = Math.floor(spans.length / 2);
  const median = spans.length % 2 ? spans[mid]! : (spans[mid - 1]! + spans[mid]!) / 2;
  return { averageHours: hours(spans.reduce((s, x) => s + x, 0) / spans.length), medianHours: hours(median), cases: drill(cases.map((c) => c.id)) };
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function utcDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from.slice(0, 10)}T00:00:00.000Z`); t < Date.parse(to); t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/**
 * The desk dashboard (R001-14, R004-11) for a period, default the last 30 days: escalations and
 * cases opened per UTC day, resolution times, repeat issues, by category, SLA attainment and
 * first-contact resolution. The restricted log is left out for people who may not read it.
 */
export async function deskMetrics(store: Store, actor: Actor, input: { from?: unknown; to?: unknown }): Promise<DeskMetrics> {
  requirePermission(actor, 'cases.read');
  const w = reportPeriod(input);
  const scope = caseListScope({ id: actor.id, role: actor.role, teamId: actor.teamId });
  const { cases, escalations } = await deskMetricsRows(store.db, w.from, w.to, scope);
  const inWindow = (iso: string | null) => iso !== null && iso >= w.from && iso < w.to;
  const opened = cases.filter((c) => inWindow(c.createdAt));
  const resolved = cases.filter((c) => inWindow(c.resolvedAt));
  const messages = await agentMessageCounts(store.db, resolved.map((c) => c.id));

  const openedByDay = groupBy(opened, (c) => c.createdAt.slice(0, 10));
  const escalationsByDay = groupBy(escalations, (e) => e.at.slice(0, 10));
  const days = utcDays(w.from, w.to).map((date) => {
    const esc = escalationsByDay.get(date) ?? [];
    return { date, opened: drill((openedByDay.get(date) ?? []).map((c) => c.id)), escalations: drill(esc.map((e) => e.caseId), esc.length) };
  });

  const categories = [...new Set([...opened, ...resolved].map((c) => c.category).concat(escalations.map((e) => e.category)))].sort();
  const byCategory = categories.map((category) => {
    const esc = escalations.filter((e) => e.category === category);
    return {
      category,
      opened: drill(opened.filter((c) => c.category === category).map((c) => c.id)),
      escalations: drill(esc.map((e) => e.caseId), esc.length),
      resolution: durationStats(resolved.filter((c) => c.category === category)),
    };
  });

  const perCustomer = new Map<number, number[]>();
  for (const c of opened) if (c.customerId !== null) perCustomer.set(c.customerId, [...(perCustomer.get(c.customerId) ?? []), c.id]);
  const repeatCustomers = [...perCustomer.values()].filter((ids) => ids.length >= 2);

  const measured = resolved.filter((c) => c.resolutionDueAt !== null);
  const met = measured.filter((c) => Date.parse(c.resolvedAt!) <= Date.parse(c.resolutionDueAt!));
  const missed = measured.filter((c) => !met.includes(c));
  const openPastDue = cases.filter((c) => c.resolvedAt === null && c.status !== 'resolved' && c.status !== 'closed' && c.resolutionDueAt !== null && c.resolutionDueAt < w.to);
  const firstContact = resolved.filter((c) => (messages.get(c.id) ?? 0) <= 1);
  const ratings = await visibleRatings(store, scope, w.from, w.to);
  const csat = csatOf(ratings.map((r) => r.score));

  return {
    ...w,
    timeZone: 'UTC',
    days,
    totals: { opened: drill(opened.map((c) => c.id)), escalations: drill(escalations.map((e) => e.caseId), escalations.length), escalatedCases: new Set(escalations.map((e) => e.caseId)).size },
    resolution: durationStats(resolved),
    byCategory,
    repeat: {
      customers: repeatCustomers.length,
      customerCases: drill(repeatCustomers.flat()),
      laterOffenses: drill(opened.filter((c) => c.offense !== null && c.offense > 1).map((c) => c.id)),
    },
    sla: { measured: drill(measured.map((c) => c.id)), met: drill(met.map((c) => c.id)), missed: drill(missed.map((c) => c.id)), attainment: ratio(met.length, measured.length), openPastDue: drill(openPastDue.map((c) => c.id)) },
    firstContact: { resolved: drill(resolved.map((c) => c.id)), firstContact: drill(firstContact.map((c) => c.id)), rate: ratio(firstContact.length, resolved.length) },
    csat: { ...csat, value: csat.csat, target: 4.5, cases: drill(ratings.map((r) => r.caseId)), note: csat.responses === 0 ? 'No survey ratings in this period.' : `${csat.responses} ratings; target: average above 4.5/5 (R004-11).` },
    definitions: DEFINITIONS,
  };
}

/** One row per UTC day, then the summary rows; every row names its metric in the first column. */
export function deskMetricsCsv(m: DeskMetrics): string {
  const rows: CsvCell[][] = m.days.map((d) => [d.date, '', d.opened.count, d.escalations.count, '']);
  rows.push(['total', '', m.totals.opened.count, m.totals.escalations.count, '']);
  for (const c of m.byCategory) rows.push(['category', c.category, c.opened.count, c.escalations.count, c.resolution.averageHours]);
  const summary: [string, CsvCell][] = [
    ['average resolution hours', m.resolution.averageHours],
    ['median resolution hours', m.resolution.medianHours],
    ['resolved', m.resolution.cases.count],
    ['repeat customers', m.repeat.customers],
    ['later offenses', m.repeat.laterOffenses.count],
    ['sla attainment', m.sla.attainment],
    ['sla met', m.sla.met.count],
    ['sla missed', m.sla.missed.count],
    ['open past due', m.sla.openPastDue.count],
    ['first-contact resolution', m.firstContact.rate],
    ['csat', m.csat.value],
    ['csat responses', m.csat.responses],
    ['average satisfaction score', m.csat.averageScore],
  ];
  for (const [name, value] of summary) rows.push(['summary', name, '', '', value]);
  return csvRows(['date or row', 'name', 'opened', 'escalations', 'value'], rows);
}
