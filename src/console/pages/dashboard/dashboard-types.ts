// The answer of GET /api/v1/reports/desk (src/services/reports/desk-metrics.ts).

export interface Drill { count: number; caseIds: string[]; truncated: boolean }
export interface DurationStats { averageHours: number | null; medianHours: number | null; cases: Drill }
export interface DeskDay { date: string; opened: Drill; escalations: Drill }
export interface CategoryLine { category: string; opened: Drill; escalations: Drill; resolution: DurationStats }

/** src/domain/surveys/csat.ts: CSAT is the share of 4–5 of 5; the SOP's target reads the average. */
export interface CsatSummary {
  responses: number;
  satisfied: number;
  csat: number | null;
  averageScore: number | null;
  scale: number;
}

export interface CsatLine extends CsatSummary { id: string | null; name: string }

/** GET /api/v1/reports/csat (src/services/surveys/survey-stats.ts). */
export interface CsatStats {
  from: string;
  to: string;
  overall: CsatSummary;
  byTeam: CsatLine[];
  byAgent: CsatLine[];
  byDay: (CsatSummary & { date: string })[];
  target: { averageScore: number; met: boolean | null };
}

export interface DeskMetrics {
  from: string;
  to: string;
  timeZone: 'UTC';
  days: DeskDay[];
  totals: { opened: Drill; escalations: Drill; escalatedCases: number };
  resolution: DurationStats;
  byCategory: CategoryLine[];
  repeat: { customers: number; customerCases: Drill; laterOffenses: Drill };
  sla: { measured: Drill; met: Drill; missed: Drill; attainment: number | null; openPastDue: Drill };
  firstContact: { resolved: Drill; firstContact: Drill; rate: number | null };
  /**
   * Customer satisfaction from the resolution survey (R004-09, R004-11): `value` is CSAT, the share
   * of ratings that are 4 or 5 of 5 (null with no ratings in the period); the SOP's target reads
   * the average score.
   */
  csat: CsatSummary & { value: number | null; note: string; target: number; cases: Drill };
  definitions: Record<string, string>;
}
