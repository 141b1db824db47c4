import type { Selectable } from 'kysely';
import type { Dialect, Executor } from '../database.js';
import type { SurveyInvitationsTable } from '../schema.js';

export interface SurveyInvitationRecord {
  id: number;
  caseId: number;
  email: string;
  signingKey: string;
  agentId: number | null;
  teamId: number | null;
  createdAt: string;
  sentAt: string | null;
  expiresAt: string | null;
  score: number | null;
  ratedAt: string | null;
  comment: string | null;
  commentedAt: string | null;
}

const num = (v: number | null) => (v === null ? null : Number(v));

function toInvitation(row: Selectable<SurveyInvitationsTable>): SurveyInvitationRecord {
  return {
    id: Number(row.id), caseId: Number(row.case_id), email: row.email, signingKey: row.signing_key,
    agentId: num(row.agent_id), teamId: num(row.team_id), createdAt: row.created_at, sentAt: row.sent_at, expiresAt: row.expires_at,
    score: num(row.score), ratedAt: row.rated_at, comment: row.comment, commentedAt: row.commented_at,
  };
}

/** The case's invitation, new; undefined when the case already has one (one survey per case). */
export async function insertSurveyInvitation(
  db: Executor,
  input: { caseId: number; email: string; signingKey: string; agentId: number | null; teamId: number | null; at: string },
): Promise<SurveyInvitationRecord | undefined> {
  const row = await db
    .insertInto('survey_invitations')
    .values({ case_id: input.caseId, email: input.email, signing_key: input.signingKey, agent_id: input.agentId, team_id: input.teamId, created_at: input.at })
    .onConflict((oc) => oc.column('case_id').doNothing())
    .returningAll()
    .executeTakeFirst();
  return row && toInvitation(row);
}

export async function findSurveyInvitation(db: Executor, id: number, lock?: Dialect): Promise<SurveyInvitationRecord | undefined> {
  let q = db.selectFrom('survey_invitations').selectAll().where('id', '=', id);
  if (lock === 'postgres') q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row && toInvitation(row);
}

/** Starts the link's life when its email first goes out; a resend keeps the first expiry. */
export async function markSurveySent(db: Executor, id: number, input: { at: string; expiresAt: string }): Promise<void> {
  await db.updateTable('survey_invitations').set({ sent_at: input.at, expires_at: input.expiresAt }).where('id', '=', id).where('sent_at', 'is', null).execute();
}

/** Records the score once: false when the invitation was already answered (a concurrent click lost). */
export async function recordSurveyScore(db: Executor, id: number, score: number, at: string): Promise<boolean> {
  const r = await db.updateTable('survey_invitations').set({ score, rated_at: at }).where('id', '=', id).where('rated_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function recordSurveyComment(db: Executor, id: number, comment: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('survey_invitations')
    .set({ comment, commented_at: at })
    .where('id', '=', id)
    .where('rated_at', 'is not', null)
    .where('commented_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export interface RatedSurveyRow {
  caseId: number;
  category: string;
  caseTeamId: number | null;
  caseAssigneeId: number | null;
  agentId: number | null;
  teamId: number | null;
  score: number;
  ratedAt: string;
}

/** Ratings given in [from, to), with the case's category for visibility (restricted log, R000-08). */
export async function listRatedSurveys(db: Executor, from: string, to: string, excludeCategories: readonly string[]): Promise<RatedSurveyRow[]> {
  let q = db
    .selectFrom('survey_invitations as s')
    .innerJoin('cases as c', 'c.id', 's.case_id')
    .select(['s.case_id', 'c.category', 'c.team_id as case_team_id', 'c.assignee_id as case_assignee_id', 's.agent_id', 's.team_id', 's.score', 's.rated_at'])
    .where('s.rated_at', '>=', from)
    .where('s.rated_at', '<', to)
    .orderBy('s.rated_at');
  if (excludeCategories.length > 0) q = q.where('c.category', 'not in', [...excludeCategories]);
  const rows = await q.execute();
  return rows.map((r) => ({
    caseId: Number(r.case_id), category: r.category, caseTeamId: num(r.case_team_id), caseAssigneeId: num(r.case_assignee_id),
    agentId: num(r.agent_id), teamId: num(r.team_id), score: Number(r.score), ratedAt: r.rated_at!,
  }));
}
