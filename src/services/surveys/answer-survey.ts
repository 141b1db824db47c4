import type { Store, Executor } from '../../store/database.js';
import { findCaseById } from '../../store/repositories/case.repository.js';
import { appendCaseEvents } from '../../store/repositories/case-event.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import {
  findSurveyInvitation, recordSurveyComment, recordSurveyScore, type SurveyInvitationRecord,
} from '../../store/repositories/survey.repository.js';
import { readSurveyToken, surveyTokenMatches, SURVEY_SCALE } from '../../domain/surveys/survey-token.js';
import { publishCaseEvents } from '../notifications/publish-case-events.js';
import { clock } from '../clock.js';

// The customer's side of the survey (issue 7 item 3): public, no account — the signed link is the
// only credential. Every refusal has a stable code the page and API clients can rely on.

export const SURVEY_LINK_ERRORS = {
  /** Not a link we made: malformed, edited, or for an invitation that does not exist. */
  survey_link_invalid: 404,
  /** The link's SURVEY_LINK_TTL_DAYS have passed. */
  survey_link_expired: 410,
  /** The survey was already answered (a link works once), or already has its comment. */
  survey_already_answered: 409,
  /** A comment before any rating. */
  survey_not_rated: 409,
  /** The comment itself is unacceptable (empty or too long); `field` says which. */
  invalid_input: 422,
} as const;
export type SurveyLinkErrorCode = keyof typeof SURVEY_LINK_ERRORS;

export class SurveyLinkError extends Error {
  readonly status: number;
  constructor(readonly code: SurveyLinkErrorCode, message: string, readonly field?: string) {
    super(message);
    this.name = 'SurveyLinkError';
    this.status = SURVEY_LINK_ERRORS[code];
  }
}

export const SURVEY_COMMENT_MAX_CHARS = 2000;

export interface SurveyAnswer {
  caseId: number;
  score: number;
  scale: number;
  commented: boolean;
}

/** The invitation a token opens, checked: signature, sent, not expired. Locked on PostgreSQL. */
async function openInvitation(trx: Executor, store: Store, token: string, now: Date): Promise<{ invitation: SurveyInvitationRecord; score: number }> {
  const claims = readSurveyToken(token);
  if (!claims) throw new SurveyLinkError('survey_link_invalid', 'this survey link is not valid');
  const invitation = await findSurveyInvitation(trx, claims.invitationId, store.dialect);
  // A link for an invitation whose email never went out cannot exist honestly.
  if (!invitation || !invitation.expiresAt || !surveyTokenMatches(invitation.signingKey, claims)) {
    throw new SurveyLinkError('survey_link_invalid', 'this survey link is not valid');
  }
  if (now.toISOString() >= invitation.expiresAt) throw new SurveyLinkError('survey_link_expired', `this survey link expired on ${invitation.expiresAt.slice(0, 10)}`);
  return { invitation, score: claims.score };
}

/**
 * Records the score a one-click link carries, once (R004-09): the invitation, a
 * `satisfaction_rated` event on the case timeline, its webhook (case.satisfaction_rated) and an
 * audit entry, in one transaction. A second click — the same link or another score's — is refused.
 */
export async function rateFromSurveyLink(store: Store, token: string): Promise<SurveyAnswer> {
  const now = clock.now();
  const at = now.toISOString();
  return store.db.transaction().execute(async (trx) => {
    const { invitation, score } = await openInvitation(trx, store, token, now);
    if (invitation.ratedAt !== null || !(await recordSurveyScore(trx, invitation.id, score, at))) {
      throw new SurveyLinkError('survey_already_answered', 'this survey was already answered — thank you');
    }
    const events = await appendCaseEvents(trx, [{
      caseId: invitation.caseId, type: 'satisfaction_rated', actorId: null, actorKind: 'customer', at, internal: false,
      data: { score, scale: SURVEY_SCALE, surveyId: invitation.id },
    }]);
    const caseRow = await findCaseById(trx, invitation.caseId);
    if (caseRow) await publishCaseEvents(trx, caseRow, events, at);
    await insertAuditEvent(trx, {
      at, actorId: null, action: 'survey.rated', entityType: 'case', entityId: String(invitation.caseId), data: { surveyId: invitation.id, score },
    });
    return { caseId: invitation.caseId, score, scale: SURVEY_SCALE, commented: false };
  });
}

/** The optional comment after a rating, once; it lands on the timeline beside the rating. */
export async function commentFromSurveyLink(store: Store, token: string, comment: unknown): Promise<SurveyAnswer> {
  if (typeof comment !== 'string' || comment.trim() === '') throw new SurveyLinkError('invalid_input', 'write a comment, or close this page', 'comment');
  const text = comment.trim();
  if (text.length > SURVEY_COMMENT_MAX_CHARS) throw new SurveyLinkError('invalid_input', `at most ${SURVEY_COMMENT_MAX_CHARS} characters`, 'comment');
  const now = clock.now();
  const at = now.toISOString();
  return store.db.transaction().execute(async (trx) => {
    const { invitation } = await openInvitation(trx, store, token, now);
    if (invitation.ratedAt === null || invitation.score === null) throw new SurveyLinkError('survey_not_rated', 'pick a rating first');
    if (invitation.commentedAt !== null || !(await recordSurveyComment(trx, invitation.id, text, at))) {
      throw new SurveyLinkError('survey_already_answered', 'your comment was already received — thank you');
    }
    await appendCaseEvents(trx, [{
      caseId: invitation.caseId, type: 'satisfaction_commented', actorId: null, actorKind: 'customer', at, internal: false,
      data: { comment: text, score: invitation.score, surveyId: invitation.id },
    }]);
    await insertAuditEvent(trx, {
      at, actorId: null, action: 'survey.commented', entityType: 'case', entityId: String(invitation.caseId), data: { surveyId: invitation.id, chars: text.length },
    });
    return { caseId: invitation.caseId, score: invitation.score, scale: SURVEY_SCALE, commented: true };
  });
}
