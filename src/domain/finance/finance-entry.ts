import { DomainError, invalidInput } from '../errors.js';
import { assertFourEyes } from '../returns/rma-approval.js';

// The refunds/reshipments form (R000-09): refunds and reshipments made outside a return (BIG5
// refunds, out-of-stock refunds, reshipments after a return to sender), each with its amount,
// method, reason and approval. A refund over the approval threshold (R004-08, default 500.00)
// waits for a supervisor who is not the requester; everything else is approved as recorded.

export const FINANCE_KINDS = ['refund', 'reshipment'] as const;
export type FinanceKind = (typeof FINANCE_KINDS)[number];

export const REFUND_METHODS = ['original_payment', 'store_credit', 'bank_transfer', 'paypal', 'voucher'] as const;
export const RESHIPMENT_METHODS = ['same_carrier', 'other_carrier', 'store_pickup'] as const;

export const FINANCE_STATES = ['pending_approval', 'approved', 'rejected', 'performed'] as const;
export type FinanceState = (typeof FINANCE_STATES)[number];

const MOVES: Readonly<Record<FinanceState, readonly FinanceState[]>> = {
  pending_approval: ['approved', 'rejected'],
  approved: ['performed', 'rejected'],
  rejected: [],
  performed: [],
};

export function methodsOf(kind: FinanceKind): readonly string[] {
  return kind === 'refund' ? REFUND_METHODS : RESHIPMENT_METHODS;
}

/** R004-08: a refund over the threshold needs a supervisor; reshipments and smaller refunds do not. */
export function initialFinanceState(kind: FinanceKind, amountMinor: number, approvalOver: number): FinanceState {
  return kind === 'refund' && amountMinor > approvalOver ? 'pending_approval' : 'approved';
}

export interface FinanceMoveActor {
  id: number | null;
  mayApprove: boolean;
}

/**
 * Whether the move is allowed: approving or rejecting a refund that waits for approval is a
 * supervisor's (refunds.approve) and never the requester's; performing records that the money or
 * parcel went out. Anything else is refused with a code (409 invalid_transition).
 */
export function checkFinanceMove(entry: { state: FinanceState; requestedBy: number | null }, to: unknown, actor: FinanceMoveActor): FinanceState {
  if (typeof to !== 'string' || !(FINANCE_STATES as readonly string[]).includes(to)) throw invalidInput('to', `expected one of ${FINANCE_STATES.join(', ')}`);
  const target = to as FinanceState;
  if (target === entry.state) throw new DomainError('conflict', `the entry is already ${target}`, 'to');
  if (!MOVES[entry.state].includes(target)) throw new DomainError('invalid_transition', `an entry cannot move from ${entry.state} to ${target}`, 'to');
  if (entry.state === 'pending_approval') {
    if (!actor.mayApprove) throw new DomainError('forbidden', 'a refund over the approval threshold needs a supervisor (R004-08)', 'to');
    assertFourEyes(actor.id, entry.requestedBy);
  }
  return target;
}
