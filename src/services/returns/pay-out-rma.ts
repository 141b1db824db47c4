import { DomainError, invalidInput } from '../../domain/errors.js';
import { can } from '../../domain/access/permissions.js';
import { minorToDecimal } from '../../domain/money/decimal.js';
import { percentHalfUp } from '../../domain/money/rounding.js';
import { policyAmount } from '../../domain/returns/quote-return.js';
import { assertFourEyes, payoutApprovalReasons } from '../../domain/returns/rma-approval.js';
import { paidOutOnOrder } from '../../store/repositories/money-movement.repository.js';
import type { Actor } from '../actor.js';
import type { Store } from '../../store/database.js';
import { changeRma } from './change-rma.js';
import { inputObject, optionalAmount, optionalText } from './rma-inputs.js';
import { orderPaid } from './rma-snapshot.js';
import type { RmaView } from './rma-view.js';

export type PayoutKind = 'refund' | 'store_credit';

/**
 * Pays an inspected return out, as a refund to the original payment method (R004-06) or as store
 * credit with the policy's bonus (R004-12). The amount defaults to the quote; a different amount
 * needs a note, and more than quoted — or a value over the threshold nobody approved yet — needs a
 * supervisor other than the requester (R004-08). Never more than what is left of what the order
 * cost. The payout is one money movement row with its amounts (issue 6 item 4).
 */
export async function payOutRma(store: Store, actor: Actor, kind: PayoutKind, input: { number: unknown; body?: unknown }): Promise<RmaView> {
  const body = inputObject(input.body);
  const note = optionalText(body.note, 'note');
  const event = kind === 'refund' ? 'refund' : 'credit';
  return changeRma(store, actor, { number: input.number, event, permission: 'returns.manage' }, async (ctx) => {
    const { rma, quote, settings } = ctx;
    const currency = rma.currency;
    const given = optionalAmount(body.amount, currency, 'amount');
    if (given === undefined && rma.resolution === 'replacement') {
      throw invalidInput('amount', 'a replacement has no quoted refund: give the amount (a policy exception, R004-08)');
    }
    const amount = given ?? rma.refundTotalMinor;
    if (amount !== rma.refundTotalMinor && note === null) {
      throw invalidInput('note', `say why the amount differs from the quoted ${minorToDecimal(rma.refundTotalMinor, currency)}`);
    }
    const alreadyPaid = (await paidOutOnOrder(ctx.trx, rma.orderId)).get(currency) ?? 0;
    const ceiling = orderPaid(ctx.order) - alreadyPaid;
    if (amount > ceiling) {
      throw invalidInput('amount', `more than is left to return on the order: ${minorToDecimal(Math.max(ceiling, 0), currency)} (${minorToDecimal(alreadyPaid, currency)} already returned)`);
    }

    let bonus = 0;
    if (kind === 'store_credit') {
      const credit = settings.returnPolicy.storeCredit;
      if (!credit.offered) throw invalidInput('method', 'store credit is not offered under the policy in force (R004-12)');
      bonus = quote.method === 'store_credit' && amount === rma.refundTotalMinor ? rma.storeCreditBonusMinor : percentHalfUp(amount, credit.bonusRate);
    }

    const reasons = payoutApprovalReasons({
      currency, amount, bonus, quoted: rma.refundTotalMinor,
      approvalOver: policyAmount(settings.returnPolicy.approvalOver, currency),
      supervisorApproved: rma.approvalRequired && rma.approvedBy !== null,
    });
    let approvedBy = rma.approvedBy;
    if (reasons.length > 0) {
      if (!can(actor.role, 'refunds.approve')) {
        throw new DomainError('forbidden', `this payout needs a supervisor: ${reasons.map((r) => `${r.text} (${r.rule})`).join('; ')}`);
      }
      assertFourEyes(ctx.actorId, rma.requestedBy);
      approvedBy = ctx.actorId;
    }

    const method = kind === 'refund' ? 'original_payment' : 'store_credit';
    return {
      patch: { settledTotalMinor: amount, method },
      movements: [{ kind, amountMinor: amount, bonusMinor: bonus, method, requestedBy: rma.requestedBy, approvedBy, note }],
      data: {
        amount, bonus, currency, quoted: rma.refundTotalMinor, matchesQuote: amount === rma.refundTotalMinor,
        ...(reasons.length > 0 ? { approvalReasons: reasons.map((r) => `${r.text} (${r.rule})`) } : {}),
        ...(note ? { note } : {}),
      },
    };
  });
}
