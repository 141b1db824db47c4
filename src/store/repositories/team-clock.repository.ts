import type { Executor } from '../database.js';

/** Ids of the team's cases still open (not resolved or closed): the cases whose clocks count in its calendar. */
export async function listOpenCaseIdsOfTeam(db: Executor, teamId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('cases')
    .select('id')
    .where('team_id', '=', teamId)
    .where('status', 'not in', ['resolved', 'closed'])
    .orderBy('id')
    .execute();
  return rows.map((r) => Number(r.id));
}
