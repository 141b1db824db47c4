// Answers of GET /api/v1/reports/desk and /reports/csat: the server's types (type-only, erased from
// the bundle). CSAT is the share of 4–5 of 5; the SOP's target reads the average (src/domain/surveys/csat.ts).

export type { CsatSummary } from '../../../domain/surveys/csat.js';
export type { CategoryLine, DeskDay, DeskMetrics, Drill, DurationStats } from '../../../services/reports/desk-metrics.js';
export type { CsatLine, SurveyStats as CsatStats } from '../../../services/surveys/survey-stats.js';
