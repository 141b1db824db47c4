import { SURVEY_SCALE } from './survey-token.js';

/** CSAT as the desk reads it (R004-11): the share of ratings that are 4 or 5 out of 5. */
export interface CsatSummary {
  responses: number;
  satisfied: number;
  /** satisfied / responses, three decimals; null with no responses. */
  csat: number | null;
  /** Mean score out of SURVEY_SCALE, two decimals (the SOP's "> 4.5/5" target reads this). */
  averageScore: number | null;
  scale: number;
}

export function csatOf(scores: readonly number[]): CsatSummary {
  const satisfied = scores.filter((s) => s >= 4).length;
  const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;
  return {
    responses: scores.length,
    satisfied,
    csat: scores.length === 0 ? null : round(satisfied / scores.length, 3),
    averageScore: scores.length === 0 ? null : round(scores.reduce((a, b) => a + b, 0) / scores.length, 2),
    scale: SURVEY_SCALE,
  };
}
