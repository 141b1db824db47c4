import { createHmac, timingSafeEqual } from 'node:crypto';

// One-click survey links (issue 7 item 3): `<invitation id>.<score>.<signature>`, the signature an
// HMAC-SHA256 with the invitation's own key over the id and the score, so a link cannot be turned
// into another score or another invitation, and keys never leave the database.

/** Scores run 1..5; CSAT counts 4 and 5 as satisfied (R004-11). */
export const SURVEY_SCALE = 5;
export const SURVEY_SCORES = [1, 2, 3, 4, 5] as const;

export interface SurveyTokenClaims {
  invitationId: number;
  score: number;
}

function signature(key: string, claims: SurveyTokenClaims): string {
  return createHmac('sha256', key).update(`ladder-survey:${claims.invitationId}:${claims.score}`).digest('base64url');
}

export function signSurveyToken(key: string, claims: SurveyTokenClaims): string {
  return `${claims.invitationId}.${claims.score}.${signature(key, claims)}`;
}

/** The claims a token states, unverified (null when it is not even shaped like one). */
export function readSurveyToken(token: string): (SurveyTokenClaims & { signature: string }) | null {
  const match = /^(\d{1,15})\.([1-9])\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const score = Number(match[2]);
  if (score > SURVEY_SCALE) return null;
  return { invitationId: Number(match[1]), score, signature: match[3]! };
}

export function surveyTokenMatches(key: string, token: SurveyTokenClaims & { signature: string }): boolean {
  const expected = Buffer.from(signature(key, token));
  const given = Buffer.from(token.signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
