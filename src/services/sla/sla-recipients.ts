import type { Executor, Store } from '../../store/database.js';
import { teamIdByKey } from '../teams/team-keys.js';
import type { CaseRecord } from '../../store/repositories/case.repository.js';
import { findTeamByKey, type TeamRecord } from '../../store/repositories/team.repository.js';
import { findUserById, listUserAndTeamMembers, listUsers, type UserRecord } from '../../store/repositories/user.repository.js';
import { levelRank } from '../../domain/access/roles.js';
import { LEVELS, type Level } from '../../domain/policy/vocabulary.js';
import type { PolicyRuntime } from '../policy/policy-runtime.js';

export function nextLevelOf(level: string): Level {
  const rank = LEVELS.includes(level as Level) ? levelRank(level as Level) : 1;
  return LEVELS[Math.min(rank, LEVELS.length - 1)]!;
}

/** The owner of a case: its assignee, or everyone in its team while it is unassigned. */
export async function caseOwners(db: Executor, caseRow: Pick<CaseRecord, 'assigneeId' | 'teamId'>): Promise<UserRecord[]> {
  if (caseRow.assigneeId !== null) {
    const user = await findUserById(db, caseRow.assigneeId);
    if (user && user.disabledAt === null) return [user];
  }
  return caseRow.teamId === null ? [] : listUsers(db, { teamId: caseRow.teamId });
}

/** The team that owns the level above the case's (R002-01: per storefront) and its members: who a breach alerts. */
export async function nextLevelTeam(
  db: Executor,
  runtime: PolicyRuntime,
  caseRow: Pick<CaseRecord, 'level' | 'storefront'>,
): Promise<{ team: TeamRecord | null; members: UserRecord[] }> {
  const key = runtime.routeTeam(nextLevelOf(caseRow.level), caseRow.storefront);
  const team = key ? await findTeamByKey(db, key) : undefined;
  return { team: team ?? null, members: team ? await listUsers(db, { teamId: team.id }) : [] };
}

/**
 * Who a clock's breach alerts — the case's owners (caseOwners) and the next level's team and its
 * members (nextLevelTeam) — in one read of users: the assignee by id and the enabled members of the
 * next level's team, and of the case's team when the case is unassigned. The team's id comes from
 * the per-store key cache (keys never change, teams are never deleted). One read where the
 * assignee and the next team's members took one each (issue 4 burst: round trips per breach); only
 * an assignee who is gone or disabled costs a second read, of the case's team.
 */
export async function breachRecipients(
  store: Store,
  db: Executor,
  runtime: PolicyRuntime,
  caseRow: Pick<CaseRecord, 'assigneeId' | 'teamId' | 'level' | 'storefront'>,
): Promise<{ owners: UserRecord[]; team: Pick<TeamRecord, 'id'> | null; members: UserRecord[] }> {
  const key = runtime.routeTeam(nextLevelOf(caseRow.level), caseRow.storefront);
  const nextTeamId = key ? await teamIdByKey(store, db, key) : null;
  const teamIds = nextTeamId === null ? [] : [nextTeamId];
  if (caseRow.assigneeId === null && caseRow.teamId !== null && caseRow.teamId !== nextTeamId) teamIds.push(caseRow.teamId);
  const users = await listUserAndTeamMembers(db, { userId: caseRow.assigneeId, teamIds });
  const membersOf = (teamId: number) => users.filter((u) => u.teamId === teamId && u.disabledAt === null);
  const assignee = caseRow.assigneeId === null ? undefined : users.find((u) => u.id === caseRow.assigneeId);
  let owners: UserRecord[];
  if (assignee && assignee.disabledAt === null) owners = [assignee];
  else if (caseRow.teamId === null) owners = [];
  else if (caseRow.assigneeId === null || caseRow.teamId === nextTeamId) owners = membersOf(caseRow.teamId);
  else owners = await listUsers(db, { teamId: caseRow.teamId });
  return { owners, team: nextTeamId === null ? null : { id: nextTeamId }, members: nextTeamId === null ? [] : membersOf(nextTeamId) };
}
