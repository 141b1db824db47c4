import type { Executor } from '../database.js';

export interface TeamRecord {
  id: number;
  key: string;
  name: string;
  kind: string;
  calendar: unknown;
  createdAt: string;
}

type TeamRow = { id: number; key: string; name: string; kind: string; calendar_json: string | null; created_at: string };

function toTeam(row: TeamRow): TeamRecord {
  return {
    id: Number(row.id),
    key: row.key,
    name: row.name,
    kind: row.kind,
    calendar: row.calendar_json ? JSON.parse(row.calendar_json) : null,
    createdAt: row.created_at,
  };
}

export async function insertTeam(
  db: Executor,
  input: { key: string; name: string; kind: string; calendar: unknown; at: string },
): Promise<TeamRecord> {
  const row = await db
    .insertInto('teams')
    .values({
      key: input.key,
      name: input.name,
      kind: input.kind,
      calendar_json: input.calendar === null || input.calendar === undefined ? null : JSON.stringify(input.calendar),
      created_at: input.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toTeam(row);
}

export async function listTeams(db: Executor): Promise<TeamRecord[]> {
  return (await db.selectFrom('teams').selectAll().orderBy('id').execute()).map(toTeam);
}

export async function findTeamByKey(db: Executor, key: string): Promise<TeamRecord | undefined> {
  const row = await db.selectFrom('teams').selectAll().where('key', '=', key).executeTakeFirst();
  return row && toTeam(row);
}

export async function findTeamById(db: Executor, id: number): Promise<TeamRecord | undefined> {
  const row = await db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toTeam(row);
}

export async function updateTeam(
  db: Executor,
  id: number,
  patch: Partial<{ name: string; kind: string; calendar: unknown }>,
): Promise<TeamRecord | undefined> {
  const row = await db
    .updateTable('teams')
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
      ...(patch.calendar !== undefined ? { calendar_json: patch.calendar === null ? null : JSON.stringify(patch.calendar) } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && toTeam(row);
}
