import type { Executor } from '../database.js';
import type { UsersTable } from '../schema.js';
import type { Selectable } from 'kysely';

export interface UserRecord {
  id: number;
  email: string;
  name: string;
  role: string;
  teamId: number | null;
  passwordHash: string | null;
  disabledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toUser(row: Selectable<UsersTable>): UserRecord {
  return {
    id: Number(row.id),
    email: row.email,
    name: row.name,
    role: row.role,
    teamId: row.team_id === null ? null : Number(row.team_id),
    passwordHash: row.password_hash,
    disabledAt: row.disabled_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertUser(
  db: Executor,
  input: { email: string; name: string; role: string; teamId: number | null; passwordHash: string | null; at: string },
): Promise<UserRecord> {
  const row = await db
    .insertInto('users')
    .values({
      email: input.email,
      name: input.name,
      role: input.role,
      team_id: input.teamId,
      password_hash: input.passwordHash,
      created_at: input.at,
      updated_at: input.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUser(row);
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserRecord | undefined> {
  const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  return row && toUser(row);
}

export async function findUserById(db: Executor, id: number): Promise<UserRecord | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

export async function listUsers(db: Executor, filter: { role?: string; teamId?: number; includeDisabled?: boolean } = {}): Promise<UserRecord[]> {
  let q = db.selectFrom('users').selectAll().orderBy('id');
  if (filter.role) q = q.where('role', '=', filter.role);
  if (filter.teamId !== undefined) q = q.where('team_id', '=', filter.teamId);
  if (!filter.includeDisabled) q = q.where('disabled_at', 'is', null);
  return (await q.execute()).map(toUser);
}

/**
 * One account by id (disabled or not) and the enabled members of some teams, by id, in one read:
 * who an SLA breach notifies (the case's owner and the next level's team) without a round trip
 * for each (issue 4 burst).
 */
export async function listUserAndTeamMembers(db: Executor, input: { userId: number | null; teamIds: readonly number[] }): Promise<UserRecord[]> {
  if (input.userId === null && input.teamIds.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .where((eb) => {
      const members = input.teamIds.length === 0 ? [] : [eb.and([eb('team_id', 'in', [...input.teamIds]), eb('disabled_at', 'is', null)])];
      return eb.or([...(input.userId === null ? [] : [eb('id', '=', input.userId)]), ...members]);
    })
    .orderBy('id')
    .execute();
  return rows.map(toUser);
}

export async function countUsers(db: Executor): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateUser(
  db: Executor,
  id: number,
  patch: Partial<{ name: string; role: string; teamId: number | null; passwordHash: string; disabledAt: string | null }>,
  at: string,
): Promise<UserRecord | undefined> {
  const row = await db
    .updateTable('users')
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.teamId !== undefined ? { team_id: patch.teamId } : {}),
      ...(patch.passwordHash !== undefined ? { password_hash: patch.passwordHash } : {}),
      ...(patch.disabledAt !== undefined ? { disabled_at: patch.disabledAt } : {}),
      updated_at: at,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && toUser(row);
}
