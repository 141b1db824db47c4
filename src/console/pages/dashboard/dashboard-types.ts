// The answer of GET /api/v1/reports/desk (src/services/reports/desk-metrics.ts).

export interface Drill { count: number; caseIds: string[]; truncated: boolean }
export interface DurationStats { averageHours: number | null; medianHours: number | null; cases: Drill }
export interface DeskDay { date: string; opened: Drill; escalations: Drill }
export interface CategoryLine { category: string; opened: Drill; escalations: Drill; resolution: DurationStats }

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
   * Customer satisfaction. Until surveys are collected the value is null with a note; once they
   * are, the value is the average score and the other fields say on what (all optional here so
   * the console shows whatever the server sends).
   */
  csat: { value: number | null; note?: string; scale?: number; target?: number; responses?: Drill | number };
  definitions: Record<string, string>;
}
