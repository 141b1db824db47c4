import type { Store } from '../../store/database.js';
import { DomainError } from '../../domain/errors.js';
import { PRIORITIES, type Priority } from '../../domain/policy/vocabulary.js';
import { requirePermission, type Actor } from '../actor.js';
import { parseCaseId } from './case-access.js';
import { mutateCase } from './mutate-case.js';
import type { CaseView } from './case-view.js';

/** A person sets the priority with a reason; it stands until new facts change the policy's own answer. */
export async function changeCasePriority(store: Store, actor: Actor, input: { caseId: unknown; priority: unknown; reason: unknown }): Promise<CaseView> {
  requirePermission(actor, 'cases.escalate');
  const caseId = parseCaseId(input.caseId);
  if (typeof input.priority !== 'string' || !(PRIORITIES as readonly string[]).includes(input.priority)) {
    throw new DomainError('invalid_input', `expected one of ${PRIORITIES.join(', ')}`, 'priority');
  }
  if (typeof input.reason !== 'string' || input.reason.trim().length < 3) throw new DomainError('invalid_input', 'a reason is required', 'reason');
  const priority = input.priority as Priority;
  const reason = input.reason.trim();
  return mutateCase(store, actor, caseId, { reevaluate: false }, ({ current, at, actorId, runtime }) => {
    if (current.priority === priority) throw new DomainError('conflict', `the case is already ${priority}`, 'priority');
    const due = runtime.dueTimes({
      priority,
      channel: current.channel as Parameters<typeof runtime.dueTimes>[0]['channel'],
      openedAt: new Date(current.createdAt),
      lastCustomerMessageAt: null,
    });
    return {
      patch: { priority, priorityOverride: priority, firstResponseDueAt: due.firstResponse, resolutionDueAt: due.resolution },
      events: [{ type: 'priority_changed', actorId, actorKind: 'user', at, internal: true, data: { from: current.priority, to: priority, reason } }],
    };
  });
}
