import type { Store } from '../../store/database.js';
import { DomainError } from '../../domain/errors.js';
import { isRole, roleCanOwnLevel } from '../../domain/access/roles.js';
import { canSeeCase } from '../../domain/access/case-visibility.js';
import type { Level } from '../../domain/policy/vocabulary.js';
import { findUserById } from '../../store/repositories/user.repository.js';
import { findTeamById } from '../../store/repositories/team.repository.js';
import type { CasePatch } from '../../store/repositories/case.repository.js';
import { requirePermission, type Actor } from '../actor.js';
import { parseCaseId } from './case-access.js';
import { mutateCase } from './mutate-case.js';
import type { CaseView } from './case-view.js';

export interface AssignCaseInput {
  caseId: unknown;
  /** A user id, or null to unassign; omitted to leave as is. */
  assigneeId?: unknown;
  /** A team id, or null; omitted to leave as is. */
  teamId?: unknown;
}

function optionalId(value: unknown, field: string): number | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n <= 0) throw new DomainError('invalid_input', 'expected an id or null', field);
  return n;
}

/** The assignee must be able to see the case and own its level (R003-01). */
export async function assignCase(store: Store, actor: Actor, input: AssignCaseInput): Promise<CaseView> {
  requirePermission(actor, 'cases.assign');
  const caseId = parseCaseId(input.caseId);
  const assigneeId = optionalId(input.assigneeId, 'assigneeId');
  const teamId = optionalId(input.teamId, 'teamId');
  if (assigneeId === undefined && teamId === undefined) throw new DomainError('invalid_input', 'give an assignee, a team, or both', 'assigneeId');
  return mutateCase(store, actor, caseId, { reevaluate: false }, async ({ trx, current, at, actorId }) => {
    const patch: CasePatch = {};
    const data: Record<string, unknown> = {};
    if (teamId !== undefined) {
      if (teamId !== null && !(await findTeamById(trx, teamId))) throw new DomainError('invalid_input', 'no such team', 'teamId');
      patch.teamId = teamId;
      data.team = { from: current.teamId, to: teamId };
    }
    if (assigneeId !== undefined) {
      if (assigneeId !== null) {
        const user = await findUserById(trx, assigneeId);
        if (!user || user.disabledAt || !isRole(user.role)) throw new DomainError('invalid_input', 'no such active user', 'assigneeId');
        const scope = { category: current.category, teamId: patch.teamId !== undefined ? patch.teamId : current.teamId, partnerTeamId: current.partnerTeamId, assigneeId };
        if (!canSeeCase({ id: user.id, role: user.role, teamId: user.teamId }, scope)) {
          throw new DomainError('invalid_input', 'that user may not see this case', 'assigneeId');
        }
        if (user.role !== 'supplier' && !roleCanOwnLevel(user.role, current.level as Level)) {
          throw new DomainError('invalid_input', `the case is at ${current.level}; a ${user.role} cannot own it`, 'assigneeId');
        }
      }
      patch.assigneeId = assigneeId;
      data.assignee = { from: current.assigneeId, to: assigneeId };
    }
    if (current.status === 'new' && assigneeId) patch.status = 'open';
    return { patch, events: [{ type: 'assigned', actorId, actorKind: 'user', at, internal: false, data }] };
  });
}
