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
  csat: { value: number | null; responses: number; averageScore: number | null; note: string };
  definitions: Record<string, string>;
}
