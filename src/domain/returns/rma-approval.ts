import { DomainError } from '../errors.js';
import { minorToDecimal } from '../money/decimal.js';
import type { Quote, QuoteReason } from './quote-return.js';

// Money behind approvals (R004-08, issue 6 item 4). A supervisor — someone holding refunds.approve —
// must approve a return when the refund is over the threshold, when a lead decides the case
// (dissatisfaction, R004-04) or when it is a policy exception (not eligible under the policy); and
// never the person who asked for it (four eyes).

/** Why this RMA needs a supervisor's approval; empty when any agent may approve it. */
export function approvalReasonsOf(quote: Quote): QuoteReason[] {
  const reasons: QuoteReason[] = [];
  if (!quote.eligible) reasons.push({ rule: 'R004-08', text: 'policy exception: the return is not eligible under the policy' });
  if (quote.resolution === 'lead_review') reasons.push({ rule: 'R004-04', text: 'dissatisfaction is decided case by case by a lead' });
  reasons.push(...quote.reasons.filter((r) => r.rule === 'R004-08'));
  return reasons;
}

export interface PayoutFacts {
  currency: string;
  /** What leaves: the refund, or the store credit before its bonus. */
  amount: number;
  /** Store credit bonus on top of `amount` (R004-12); 0 for refunds. */
  bonus: number;
  /** The quoted refundTotal the RMA was approved with. */
  quoted: number;
  approvalOver: number;
  /** True when a supervisor approved the RMA itself (it needed one). */
  supervisorApproved: boolean;
}

/**
 * Why paying out needs a supervisor now. Paying more than was quoted is an exception to the policy;
 * a value over the threshold needs one unless a supervisor already approved this RMA (the store
 * credit bonus counts, as in the quote).
 */
export function payoutApprovalReasons(p: PayoutFacts): QuoteReason[] {
  const reasons: QuoteReason[] = [];
  if (p.amount > p.quoted) {
    reasons.push({
      rule: 'R004-08',
      text: `policy exception: ${minorToDecimal(p.amount, p.currency)} is more than the quoted ${minorToDecimal(p.quoted, p.currency)}`,
    });
  }
  if (p.amount + p.bonus > p.approvalOver && !p.supervisorApproved) {
    reasons.push({ rule: 'R004-08', text: `over ${minorToDecimal(p.approvalOver, p.currency)}: supervisor approval required` });
  }
  return reasons;
}

/**
 * Four eyes: the approver is a named person other than the requester. `null` is the operator at the
 * command line without --as, who is nobody in particular and so cannot be the second pair of eyes.
 */
export function assertFourEyes(approverId: number | null, requesterId: number | null): void {
  if (approverId === null) {
    throw new DomainError('forbidden', 'an approval needs a named person: sign in, or pass --as EMAIL on the command line (R004-08)');
  }
  if (approverId === requesterId) {
    throw new DomainError('forbidden', 'four eyes: the person who requested this return may not approve its money (R004-08)');
  }
}
