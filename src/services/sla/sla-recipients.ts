import type { Executor, Store } from '../../store/database.js';
import { teamIdByKey } from '../teams/team-keys.js';
import type { CaseRecord } from '../../store/repositories/case.repository.js';
import { findTeamByKey, type TeamRecord } from '../../store/repositories/team.repository.js';
import { findUserById, listUsers, type UserRecord } from '../../store/repositories/user.repository.js';
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
 * nextLevelTeam for a caller holding the store: the team's id comes from the per-store key cache
 * (keys never change, teams are never deleted), so only its members are read — one round trip
 * fewer per SLA breach (issue 4 burst).
 */
export async function nextLevelMembers(
  store: Store,
  db: Executor,
  runtime: PolicyRuntime,
  caseRow: Pick<CaseRecord, 'level' | 'storefront'>,
): Promise<{ team: Pick<TeamRecord, 'id'> | null; members: UserRecord[] }> {
  const key = runtime.routeTeam(nextLevelOf(caseRow.level), caseRow.storefront);
  const teamId = key ? await teamIdByKey(store, db, key) : null;
  return { team: teamId === null ? null : { id: teamId }, members: teamId === null ? [] : await listUsers(db, { teamId }) };
}
