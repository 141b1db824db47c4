import type { Store } from '../../store/database.js';
import { findSurveyInvitation, markSurveySent } from '../../store/repositories/survey.repository.js';
import { signSurveyToken, SURVEY_SCORES } from '../../domain/surveys/survey-token.js';

export interface SurveySettings {
  /** PUBLIC_URL: where the customer's browser reaches /survey/…; without it no link can be made. */
  publicUrl: string | null;
  /** SURVEY_LINK_TTL_DAYS. */
  linkTtlDays: number;
}

const DAY_MS = 86_400_000;
const LABELS: Record<number, string> = { 5: 'Very satisfied', 4: 'Satisfied', 3: 'Neutral', 2: 'Dissatisfied', 1: 'Very dissatisfied' };

export function surveyLinkOf(publicUrl: string, token: string): string {
  return `${publicUrl}/survey/${token}`;
}

/**
 * The survey email's text, made when it is sent: the link's life starts now (a resend keeps the
 * first expiry), one signed one-click link per score. `undeliverable` when it can never be sent.
 */
export async function surveyEmailText(
  store: Store,
  settings: SurveySettings | undefined,
  surveyId: number,
  now: Date,
): Promise<{ text: string } | { undeliverable: string }> {
  if (!settings?.publicUrl) return { undeliverable: 'PUBLIC_URL is not configured: survey links need it' };
  const at = now.toISOString();
  await markSurveySent(store.db, surveyId, { at, expiresAt: new Date(now.getTime() + settings.linkTtlDays * DAY_MS).toISOString() });
  const invitation = await findSurveyInvitation(store.db, surveyId);
  if (!invitation) return { undeliverable: `survey ${surveyId} is gone` };
  const links = [...SURVEY_SCORES].reverse().map((score) =>
    `  ${score} – ${LABELS[score]}: ${surveyLinkOf(settings.publicUrl!, signSurveyToken(invitation.signingKey, { invitationId: invitation.id, score }))}`);
  return {
    text: [
      `Your case #${invitation.caseId} is resolved. How did we do?`,
      '',
      'One click records your answer:',
      ...links,
      '',
      `The links work once, until ${invitation.expiresAt!.slice(0, 10)}. Thank you!`,
    ].join('\n'),
  };
}
