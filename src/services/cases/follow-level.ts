import type { Executor } from '../../store/database.js';
import type { CasePatch, CaseRecord } from '../../store/repositories/case.repository.js';
import type { NewCaseEvent } from '../../store/repositories/case-event.repository.js';
import { findUserById } from '../../store/repositories/user.repository.js';
import { isRole, roleCanOwnLevel } from '../../domain/access/roles.js';
import type { Level } from '../../domain/policy/vocabulary.js';
import type { PolicyRuntime } from '../policy/policy-runtime.js';

export interface LevelFollow {
  patch: CasePatch;
  /** The `assigned` event when the team or the owner changed; none otherwise. */
  events: Omit<NewCaseEvent, 'caseId'>[];
  /** The team that owns the case's level (R002-01), whether or not the case already had it. */
  routedTeamId: number | null;
}

/**
 * When a case moves to another level it follows it: routed to that level's team (R002-01 per
 * storefront) and unassigned if its owner cannot own the new level (R003-01), so it lands in the
 * right queue instead of staying with someone who may not act on it. `c` carries the new level.
 */
export async function followLevel(
  trx: Executor,
  runtime: PolicyRuntime,
  c: CaseRecord,
  at: string,
  teamIdOf: (key: string) => Promise<number | null>,
): Promise<LevelFollow> {
  const patch: CasePatch = {};
  const data: Record<string, unknown> = { reason: `the case moved to ${c.level}` };
  const routeKey = runtime.routeTeam(c.level, c.storefront);
  const routedTeamId = routeKey ? await teamIdOf(routeKey) : null;
  if (routedTeamId !== null && routedTeamId !== c.teamId) {
    patch.teamId = routedTeamId;
    data.team = { from: c.teamId, to: routedTeamId };
  }
  if (c.assigneeId !== null) {
    const owner = await findUserById(trx, c.assigneeId);
    if (!owner || !isRole(owner.role) || !roleCanOwnLevel(owner.role, c.level as Level)) {
      patch.assigneeId = null;
      data.assignee = { from: c.assigneeId, to: null };
    }
  }
  if (Object.keys(patch).length === 0) return { patch, events: [], routedTeamId };
  return { patch, events: [{ type: 'assigned', actorId: null, actorKind: 'system', at, internal: false, data }], routedTeamId };
}
