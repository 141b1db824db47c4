import type { Store } from '../../store/database.js';
import { DomainError } from '../../domain/errors.js';
import { assertTransition, isCaseStatus, isReopen, CASE_STATUSES } from '../../domain/cases/case-status.js';
import type { CasePatch } from '../../store/repositories/case.repository.js';
import { requirePermission, type Actor } from '../actor.js';
import { parseCaseId } from './case-access.js';
import { mutateCase, type CaseChange, type MutationContext } from './mutate-case.js';
import type { CaseView } from './case-view.js';

export interface ChangeCaseStatusInput {
  caseId: unknown;
  status: unknown;
  /** Why; required to reopen. */
  reason?: unknown;
  /** History brought in (a sheet import, the demo): no webhooks, no satisfaction survey. */
  quiet?: boolean;
}

export async function changeCaseStatus(store: Store, actor: Actor, input: ChangeCaseStatusInput): Promise<CaseView> {
  const { caseId, quiet, change } = statusChangeOf(actor, input);
  return mutateCase(store, actor, caseId, { reevaluate: false, quiet }, change);
}

/** Validates a status change and returns it as a change for mutateCase (or a batch of them). */
export function statusChangeOf(actor: Actor, input: ChangeCaseStatusInput): { caseId: number; quiet: boolean; change: (ctx: MutationContext) => CaseChange } {
  requirePermission(actor, 'cases.status');
  const caseId = parseCaseId(input.caseId);
  if (!isCaseStatus(input.status)) throw new DomainError('invalid_input', `expected one of ${CASE_STATUSES.join(', ')}`, 'status');
  if (input.reason !== undefined && (typeof input.reason !== 'string' || input.reason.length > 2000)) {
    throw new DomainError('invalid_input', 'expected a string of at most 2000 characters', 'reason');
  }
  const to = input.status;
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  const change = ({ current, at, actorId }: MutationContext): CaseChange => {
    const from = isCaseStatus(current.status) ? current.status : 'open';
    if (from === to) throw new DomainError('conflict', `the case is already ${to}`, 'status');
    assertTransition(from, to);
    if (isReopen(from, to) && !reason) throw new DomainError('invalid_input', 'a reason is required to reopen a case', 'reason');
    // The supplier works its tasks but hands them back rather than closing the customer's case.
    if (actor.role === 'supplier' && (to === 'closed' || to === 'pending_customer')) {
      throw new DomainError('forbidden', `the supplier may not move a case to ${to}`);
    }
    const patch: CasePatch = { status: to };
    if (to === 'resolved') {
      patch.resolvedAt = at;
      patch.resolvedById = actorId;
    }
    if (to === 'closed') patch.closedAt = at;
    if (isReopen(from, to)) {
      patch.resolvedAt = null;
      patch.resolvedById = null;
      patch.closedAt = null;
    }
    return {
      patch,
      events: [{ type: 'status_changed', actorId, actorKind: 'user', at, internal: false, data: { from, to, ...(reason ? { reason } : {}) } }],
    };
  };
  return { caseId, quiet: input.quiet === true, change };
}
