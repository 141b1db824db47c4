import { DomainError } from '../../domain/errors.js';
import { can } from '../../domain/access/permissions.js';
import type { Actor } from '../actor.js';
import type { Store } from '../../store/database.js';
import { changeRma } from './change-rma.js';
import { inputObject, requiredText } from './rma-inputs.js';
import type { RmaView } from './rma-view.js';

/**
 * Denies a requested return, always with the reason the customer will be given (R004-09). A
 * dissatisfaction return is decided by a lead (R004-04), so only a supervisor denies it.
 */
export async function denyRma(store: Store, actor: Actor, input: { number: unknown; body?: unknown }): Promise<RmaView> {
  const body = inputObject(input.body);
  const reason = requiredText(body.reason, 'reason');
  return changeRma(store, actor, { number: input.number, event: 'deny', permission: 'returns.manage' }, (ctx) => {
    if (ctx.resolution === 'lead_review' && !can(actor.role, 'refunds.approve')) {
      throw new DomainError('forbidden', 'dissatisfaction is decided case by case by a lead (R004-04)');
    }
    return { patch: { deniedBy: ctx.actorId, decisionNote: reason }, data: { reason } };
  });
}
