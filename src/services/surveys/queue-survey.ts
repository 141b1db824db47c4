import { randomBytes } from 'node:crypto';
import type { Executor } from '../../store/database.js';
import type { CaseRecord } from '../../store/repositories/case.repository.js';
import { findCustomerById } from '../../store/repositories/customer.repository.js';
import { insertOutboxRows } from '../../store/repositories/outbox.repository.js';
import { insertSurveyInvitation } from '../../store/repositories/survey.repository.js';
import { RESTRICTED_CATEGORIES } from '../../domain/access/case-visibility.js';
import { deliveryIdOf, enqueueDeliveries } from '../notifications/outbox-jobs.js';

/** The outbox event (X-Ladder-Event) of a survey email. */
export const SURVEY_EMAIL_EVENT = 'satisfaction_survey';

/** What a survey email's outbox row carries: the links are made when it is sent (survey-email.ts). */
export interface SurveyEmailPayload {
  kind: 'survey';
  surveyId: number;
  caseId: number;
  to: string;
  subject: string;
  deliveryId: string;
  event: typeof SURVEY_EMAIL_EVENT;
}

/**
 * On resolution the customer is asked how we did (R004-07 "ask for feedback", R004-09): in the
 * transaction that resolves the case, one invitation per case and its email through the outbox —
 * a case resolved, reopened and resolved again is asked once. Not for customers without an email
 * address, nor on chargeback and fraud cases (R000-08: no cheerful mail to a disputed payment).
 */
export async function queueSatisfactionSurvey(
  trx: Executor,
  caseRow: CaseRecord,
  events: readonly { type: string; data: Record<string, unknown> }[],
  at: string,
): Promise<number | null> {
  if (!events.some((e) => e.type === 'status_changed' && e.data.to === 'resolved')) return null;
  if (caseRow.customerId === null || RESTRICTED_CATEGORIES.has(caseRow.category)) return null;
  const email = (await findCustomerById(trx, caseRow.customerId))?.email?.trim().toLowerCase();
  if (!email) return null;
  const invitation = await insertSurveyInvitation(trx, {
    caseId: caseRow.id, email, signingKey: randomBytes(32).toString('hex'),
    agentId: caseRow.assigneeId ?? caseRow.resolvedById, teamId: caseRow.teamId, at,
  });
  if (!invitation) return null;
  const dedupeKey = `case:${caseRow.id}|${SURVEY_EMAIL_EVENT}:${invitation.id}|email|${email}`;
  const payload: SurveyEmailPayload = {
    kind: 'survey', surveyId: invitation.id, caseId: caseRow.id, to: email,
    subject: `How did we do? Your case #${caseRow.id} is resolved`, deliveryId: deliveryIdOf(dedupeKey), event: SURVEY_EMAIL_EVENT,
  };
  const rows = await insertOutboxRows(trx, [{ channel: 'email', dedupeKey, caseId: caseRow.id, event: SURVEY_EMAIL_EVENT, recipient: email, payload: { ...payload } }], at);
  await enqueueDeliveries(trx, rows, at);
  return invitation.id;
}
