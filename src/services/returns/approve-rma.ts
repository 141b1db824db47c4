import { DomainError } from '../../domain/errors.js';
import { can } from '../../domain/access/permissions.js';
import { proRataShare } from '../../domain/money/rounding.js';
import { approvalReasonsOf, assertFourEyes } from '../../domain/returns/rma-approval.js';
import type { Actor } from '../actor.js';
import type { Store } from '../../store/database.js';
import { changeRma, type RmaMovement } from './change-rma.js';
import { inputObject, optionalText } from './rma-inputs.js';
import type { OrderSnapshot, RmaItem } from './rma-snapshot.js';
import type { RmaView } from './rma-view.js';

/**
 * Approves a requested return (R004-05). When the quote needs a supervisor — over the threshold,
 * dissatisfaction, or a policy exception — the approver holds refunds.approve and is not the
 * requester (four eyes, R004-08); an exception also needs a note saying why. A replacement is
 * shipped on approval (R004-04, R001-03), so its reshipment is recorded here as a money movement.
 */
export async function approveRma(store: Store, actor: Actor, input: { number: unknown; body?: unknown }): Promise<RmaView> {
  const body = inputObject(input.body);
  const note = optionalText(body.note, 'note');
  return changeRma(store, actor, { number: input.number, event: 'approve', permission: 'returns.manage' }, (ctx) => {
    const reasons = approvalReasonsOf(ctx.quote);
    if (ctx.rma.approvalRequired) {
      if (!can(actor.role, 'refunds.approve')) {
        throw new DomainError('forbidden', `this return needs a supervisor's approval: ${reasons.map((r) => `${r.text} (${r.rule})`).join('; ')}`);
      }
      assertFourEyes(ctx.actorId, ctx.rma.requestedBy);
      if (!ctx.rma.eligible && note === null) throw new DomainError('invalid_input', 'a policy exception needs a note saying why (R004-08)', 'note');
    }
    const movements: RmaMovement[] = [];
    const reshipped = replacementValue(ctx.items, ctx.order);
    if (reshipped > 0) {
      movements.push({
        kind: 'reshipment', amountMinor: reshipped, bonusMinor: 0, method: 'reshipment',
        requestedBy: ctx.rma.requestedBy, approvedBy: ctx.actorId, note: 'expedited replacement (R004-04)',
      });
    }
    return {
      patch: { approvedBy: ctx.actorId, ...(note ? { decisionNote: note } : {}) },
      movements,
      data: {
        supervisorApproval: ctx.rma.approvalRequired,
        ...(reasons.length > 0 ? { approvalReasons: reasons.map((r) => `${r.text} (${r.rule})`) } : {}),
        ...(note ? { note } : {}),
      },
    };
  });
}

/** The goods value of the lines answered with a replacement: what leaves the warehouse again. */
function replacementValue(items: RmaItem[], order: OrderSnapshot): number {
  return items
    .filter((item) => item.eligible && item.resolution === 'replacement')
    .reduce((sum, item) => {
      const line = order.items.find((l) => l.sku === item.sku);
      const discount = line ? proRataShare(line.discount, 0, item.quantity, line.quantity) : 0;
      return sum + item.unitPrice * item.quantity - discount;
    }, 0);
}
