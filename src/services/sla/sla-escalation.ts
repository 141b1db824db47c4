import type { CasePatch, CaseRecord } from '../../store/repositories/case.repository.js';
import type { NewCaseEvent } from '../../store/repositories/case-event.repository.js';
import type { TeamRecord } from '../../store/repositories/team.repository.js';
import type { UserRecord } from '../../store/repositories/user.repository.js';
import { isRole, roleCanOwnLevel } from '../../domain/access/roles.js';
import type { Level } from '../../domain/policy/vocabulary.js';
import { nextLevelOf } from './sla-recipients.js';

export const SLA_ESCALATION_REASON = 'SLA breached (R001-12/R001-13)';

/**
 * Raises a case one level because a promise was missed, as a person escalating would: the level
 * is set as an override, the case follows the level's team (R002-01), an owner who cannot own the
 * new level is unassigned (R003-01), and an internal note gives the overview (R002-08).
 * Returns null at the top level.
 */
export function slaEscalation(
  current: CaseRecord,
  input: {
    at: string;
    detail: string;
    /** The team that owns the next level (nextLevelTeam), if it exists. */
    nextTeam: Pick<TeamRecord, 'id'> | null;
    /** The assignee's account, when the case has one. */
    assignee: UserRecord | null;
  },
): { patch: CasePatch; events: NewCaseEvent[]; to: Level } | null {
  const from = current.level as Level;
  const to = nextLevelOf(from);
  if (to === from) return null;
  const patch: CasePatch = { level: to, levelOverride: to, escalated: true, updatedAt: input.at };
  if (input.nextTeam) patch.teamId = input.nextTeam.id;
  if (current.assigneeId !== null) {
    const owner = input.assignee;
    if (!owner || !isRole(owner.role) || !roleCanOwnLevel(owner.role, to)) patch.assigneeId = null;
  }
  const reason = `${SLA_ESCALATION_REASON}: ${input.detail}`;
  const base = { caseId: current.id, actorId: null, actorKind: 'system', at: input.at, internal: true };
  return {
    to,
    patch,
    events: [
      { ...base, type: 'escalated', data: { from, to, reason: SLA_ESCALATION_REASON, detail: input.detail, by: 'sla' } },
      { ...base, type: 'note', data: { text: `Escalated ${from} → ${to}: ${reason}`, kind: 'escalation_overview' } },
    ],
  };
}
