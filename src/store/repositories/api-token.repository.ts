import { executeShaped } from '../shaped-query.js';
import type { Executor } from '../database.js';
import { toUser, type UserRecord } from './user.repository.js';

export interface ApiTokenRecord {
  id: number;
  userId: number;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

type Row = {
  id: number; user_id: number; name: string; prefix: string; created_at: string; last_used_at: string | null; revoked_at: string | null;
};

function toToken(row: Row): ApiTokenRecord {
  return {
    id: Number(row.id),
    userId: Number(row.user_id),
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export async function insertApiToken(
  db: Executor,
  input: { userId: number; name: string; tokenHash: string; prefix: string; at: string },
): Promise<ApiTokenRecord> {
  const row = await db
    .insertInto('api_tokens')
    .values({ user_id: input.userId, name: input.name, token_hash: input.tokenHash, prefix: input.prefix, created_at: input.at })
    .returning(['id', 'user_id', 'name', 'prefix', 'created_at', 'last_used_at', 'revoked_at'])
    .executeTakeFirstOrThrow();
  return toToken(row);
}

/** Unrevoked tokens with their users, by token hash, in one read (concurrent requests share it). */
export async function findActiveTokens(
  db: Executor,
  tokenHashes: readonly string[],
): Promise<Map<string, { token: ApiTokenRecord; user: UserRecord }>> {
  const out = new Map<string, { token: ApiTokenRecord; user: UserRecord }>();
  if (tokenHashes.length === 0) return out;
  const hashes = [...new Set(tokenHashes)];
  // Every API request reads its token: the text is compiled once per number of hashes.
  const rows = await executeShaped(db, `active tokens x${hashes.length}`, () => db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('users')
    .select([
      'api_tokens.id as token_id', 'api_tokens.name as token_name', 'api_tokens.prefix', 'api_tokens.created_at as token_created_at',
      'api_tokens.last_used_at', 'api_tokens.revoked_at', 'api_tokens.token_hash',
    ])
    .where('api_tokens.token_hash', 'in', hashes)
    .where('api_tokens.revoked_at', 'is', null), hashes);
  for (const row of rows) {
    out.set(row.token_hash, {
      token: {
        id: Number(row.token_id),
        userId: Number(row.id),
        name: row.token_name,
        prefix: row.prefix,
        createdAt: row.token_created_at,
        lastUsedAt: row.last_used_at,
        revokedAt: row.revoked_at,
      },
      user: toUser(row),
    });
  }
  return out;
}

export async function listApiTokens(db: Executor, userId?: number): Promise<ApiTokenRecord[]> {
  let q = db.selectFrom('api_tokens').select(['id', 'user_id', 'name', 'prefix', 'created_at', 'last_used_at', 'revoked_at']).orderBy('id');
  if (userId !== undefined) q = q.where('user_id', '=', userId);
  return (await q.execute()).map(toToken);
}

export async function findApiToken(db: Executor, id: number): Promise<ApiTokenRecord | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'name', 'prefix', 'created_at', 'last_used_at', 'revoked_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toToken(row);
}

export async function revokeApiToken(db: Executor, id: number, at: string): Promise<boolean> {
  const r = await db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Recorded at most once a minute per token, so authentication stays a read on the hot path. */
export async function touchApiToken(db: Executor, id: number, at: string, notSince: string): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: at })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', notSince)]))
    .execute();
}
