import type { Executor } from '../database.js';
import { toUser, type UserRecord } from './user.repository.js';

export interface SessionRecord {
  id: number;
  userId: number;
  csrfToken: string;
  expiresAt: string;
}

export async function insertSession(
  db: Executor,
  input: { tokenHash: string; userId: number; csrfToken: string; at: string; expiresAt: string },
): Promise<SessionRecord> {
  const row = await db
    .insertInto('sessions')
    .values({
      token_hash: input.tokenHash,
      user_id: input.userId,
      csrf_token: input.csrfToken,
      created_at: input.at,
      expires_at: input.expiresAt,
      last_seen_at: input.at,
    })
    .returning(['id', 'user_id', 'csrf_token', 'expires_at'])
    .executeTakeFirstOrThrow();
  return { id: Number(row.id), userId: Number(row.user_id), csrfToken: row.csrf_token, expiresAt: row.expires_at };
}

/** The live session for a token hash with its user, or undefined when unknown or expired. */
export async function findLiveSession(
  db: Executor,
  tokenHash: string,
  now: string,
): Promise<{ session: SessionRecord; user: UserRecord } | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.id as session_id', 'sessions.csrf_token', 'sessions.expires_at'])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    session: { id: Number(row.session_id), userId: Number(row.id), csrfToken: row.csrf_token, expiresAt: row.expires_at },
    user: toUser(row),
  };
}

export async function deleteSession(db: Executor, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteSessionsOfUser(db: Executor, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Executor, now: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}
