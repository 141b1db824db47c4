import type { Store } from '../../store/database.js';
import { DomainError } from '../../domain/errors.js';
import { isRole, levelRank, roleCanOwnLevel } from '../../domain/access/roles.js';
import { LEVELS, type Level } from '../../domain/policy/vocabulary.js';
import { findUserById } from '../../store/repositories/user.repository.js';
import { findTeamByKey } from '../../store/repositories/team.repository.js';
import type { CasePatch } from '../../store/repositories/case.repository.js';
import { requirePermission, type Actor } from '../actor.js';
import { parseCaseId } from './case-access.js';
import { mutateCase } from './mutate-case.js';
import type { CaseView } from './case-view.js';

export interface ChangeCaseLevelInput {
  caseId: unknown;
  /** The level the case moves to; escalation defaults to the next level up. */
  to?: unknown;
  /** Why: required, and kept as the escalation's internal note (R002-08). */
  reason: unknown;
}

function parseReason(value: unknown): string {
  if (typeof value !== 'string' || value.trim().length < 3) throw new DomainError('invalid_input', 'a reason of at least 3 characters is required', 'reason');
  if (value.length > 5000) throw new DomainError('invalid_input', 'must be at most 5000 characters', 'reason');
  return value.trim();
}

function parseLevel(value: unknown): Level {
  if (typeof value !== 'string' || !(LEVELS as readonly string[]).includes(value)) throw new DomainError('invalid_input', `expected one of ${LEVELS.join(', ')}`, 'to');
  return value as Level;
}

/** Escalate: anyone working the case may send it up, with a reason that becomes its internal note. */
export function escalateCase(store: Store, actor: Actor, input: ChangeCaseLevelInput): Promise<CaseView> {
  requirePermission(actor, 'cases.escalate');
  return changeLevel(store, actor, input, 'up');
}

/** De-escalate: only someone who owns the case's current level may send it down (R003-01). */
export function deescalateCase(store: Store, actor: Actor, input: ChangeCaseLevelInput): Promise<CaseView> {
  requirePermission(actor, 'cases.deescalate');
  return changeLevel(store, actor, input, 'down');
}

async function changeLevel(store: Store, actor: Actor, input: ChangeCaseLevelInput, direction: 'up' | 'down'): Promise<CaseView> {
  const caseId = parseCaseId(input.caseId);
  const reason = parseReason(input.reason);
  const requested = input.to === undefined ? undefined : parseLevel(input.to);
  return mutateCase(store, actor, caseId, { reevaluate: false }, async ({ trx, current, at, actorId, runtime }) => {
    const from = current.level as Level;
    let to: Level;
    if (direction === 'up') {
      to = requested ?? (LEVELS[Math.min(levelRank(from), 3)] as Level);
      if (levelRank(to) <= levelRank(from)) throw new DomainError('invalid_input', `the case is already at ${from}; escalate to a higher level`, 'to');
    } else {
      if (!requested) throw new DomainError('invalid_input', 'give the level to de-escalate to', 'to');
      to = requested;
      if (levelRank(to) >= levelRank(from)) throw new DomainError('invalid_input', `the case is at ${from}; de-escalate to a lower level`, 'to');
      if (!roleCanOwnLevel(actor.role, from)) throw new DomainError('forbidden', `only someone who owns ${from} may de-escalate this case`);
    }
    if (current.status === 'closed') throw new DomainError('invalid_transition', 'the case is closed', 'status');
    const patch: CasePatch = { level: to, levelOverride: to, escalated: to !== 'L1' };
    // The case follows its level: routed to that level's team, and unassigned if its owner cannot own it.
    const routeKey = runtime.routeTeam(to, current.storefront);
    const team = routeKey ? await findTeamByKey(trx, routeKey) : undefined;
    if (team) patch.teamId = team.id;
    if (current.assigneeId !== null) {
      const owner = await findUserById(trx, current.assigneeId);
      if (!owner || !isRole(owner.role) || !roleCanOwnLevel(owner.role, to)) patch.assigneeId = null;
    }
    const type = direction === 'up' ? 'escalated' : 'deescalated';
    return {
      patch,
      events: [
        { type, actorId, actorKind: 'user', at, internal: true, data: { from, to, reason, by: 'person' } },
        { type: 'note', actorId, actorKind: 'user', at, internal: true, data: { text: `${direction === 'up' ? 'Escalated' : 'De-escalated'} ${from} → ${to}: ${reason}`, kind: 'escalation_overview' } },
      ],
    };
  });
}
