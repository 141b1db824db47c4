import { decimalToMinor, minorToDecimal } from '../money/decimal.js';
import { basisPointsToPercent, percentHalfUp, proRataShare } from '../money/rounding.js';
import { lineEligibility, type QuoteReason } from './return-eligibility.js';
import type { PolicyAmount, ReturnPolicy } from './return-policy.js';
import type { OrderLine, ReturnRequest } from './return-request.js';
import type { RefundMethod, Resolution, ReturnReason } from './return-vocabulary.js';

export type { QuoteReason } from './return-eligibility.js';

export interface QuoteLine {
  sku: string;
  quantity: number;
  /** Minor units refunded for the goods: unitPrice × quantity, less the line's discount pro rata. */
  amount: number;
  tax: number;
  restockingFee: number;
  reason: ReturnReason;
  eligible: boolean;
  /** What happens to this line: refund (or store_credit), replacement, lead_review or deny. */
  resolution: Resolution;
}

/** returns-quote.md § Quote. Every amount is an integer in the currency's minor unit. */
export interface Quote {
  eligible: boolean;
  resolution: Resolution;
  method: RefundMethod | null;
  currency: string;
  lines: QuoteLine[];
  itemsTotal: number;
  taxTotal: number;
  shippingRefund: number;
  returnShippingDeduction: number;
  restockingFee: number;
  refundTotal: number;
  /** Extra value on top of refundTotal when paid as store credit (policy bonus, R004-12); 0 otherwise. */
  storeCreditBonus: number;
  approvalRequired: boolean;
  reasons: QuoteReason[];
}

/**
 * Prices a return under a policy (R004-03..R004-08, R004-12). Pure and total: every validated request
 * gets a quote, an ineligible one included.
 *
 * Mixed requests (lines with different reasons) are decided line by line, then combined:
 * - An ineligible line is denied on its own (amounts 0, its reason listed); the rest still quote.
 *   The quote is `deny`/`eligible: false` only when no line is eligible.
 * - Quote resolution, most restrictive first: `lead_review` if any eligible line needs a lead
 *   (the amounts are the provisional quote); else `refund`/`store_credit` if any line pays money;
 *   else `replacement` (every eligible line is a replacement; nothing is refunded).
 * - Replacement lines carry amounts 0: the customer gets goods, not money.
 * - The return shipping deduction is taken once if any money-bearing line is a customer reason.
 * - Original shipping is refunded only when every unit of the order comes back, refunded, for a
 *   store-error reason (a replaced unit is re-shipped, so it does not count).
 * - refundTotal = itemsTotal + taxTotal + shippingRefund − deduction − fees, clamped to
 *   [0, what the order cost]; the deduction and fees are reported in full even when clamped.
 */
export function quoteReturn(request: ReturnRequest, policy: ReturnPolicy): Quote {
  const { order, now } = request;
  const currency = order.currency;
  const reasons: QuoteReason[] = [];
  const unitsSoFar = new Map<string, number>();
  const refundedStoreErrorUnits = new Map<string, number>();
  let customerReasonRefunded = false;

  const lines = request.items.map((line): QuoteLine => {
    const orderLine = order.items.find((o) => o.sku === line.sku) as OrderLine;
    const before = unitsSoFar.get(line.sku) ?? 0;
    const after = before + line.quantity;
    unitsSoFar.set(line.sku, after);

    const verdict = lineEligibility(line, orderLine, order, now, policy);
    reasons.push(...verdict.reasons);
    const quoted = (amount: number, tax: number, restockingFee: number, resolution: Resolution): QuoteLine => ({
      sku: line.sku, quantity: line.quantity, amount, tax, restockingFee, reason: line.reason, eligible: verdict.eligible, resolution,
    });
    if (!verdict.eligible) return quoted(0, 0, 0, 'deny');

    if (policy.replacementReasons.includes(line.reason) && !request.preferRefund) {
      reasons.push({ rule: 'R004-04', sku: line.sku, text: `${line.reason.replace('_', ' ')}: expedited replacement, nothing to refund` });
      return quoted(0, 0, 0, 'replacement');
    }

    const amount = orderLine.unitPrice * line.quantity - proRataShare(orderLine.discount, before, after, orderLine.quantity);
    const tax = proRataShare(orderLine.tax, before, after, orderLine.quantity);
    let restockingFee = 0;
    if (verdict.storeError) {
      refundedStoreErrorUnits.set(line.sku, (refundedStoreErrorUnits.get(line.sku) ?? 0) + line.quantity);
    } else {
      customerReasonRefunded = true;
      const fee = policy.restockingFee;
      if (fee.rate > 0 && fee.categories.includes(orderLine.productCategory) && fee.conditions.includes(line.condition)) {
        restockingFee = percentHalfUp(amount, fee.rate);
        reasons.push({
          rule: 'R004-06',
          sku: line.sku,
          text: `${basisPointsToPercent(fee.rate)}% restocking fee on ${line.condition} ${orderLine.productCategory}`,
        });
      }
    }
    const leadReview = policy.leadReviewReasons.includes(line.reason);
    if (leadReview) {
      reasons.push({ rule: 'R004-04', sku: line.sku, text: `${line.reason.replace('_', ' ')}: case-by-case review by a lead; amounts are provisional` });
    }
    return quoted(amount, tax, restockingFee, leadReview ? 'lead_review' : 'refund');
  });

  const eligible = lines.some((l) => l.eligible);
  const paying = lines.filter((l) => l.resolution === 'refund' || l.resolution === 'lead_review');
  const itemsTotal = sum(lines.map((l) => l.amount));
  const taxTotal = sum(lines.map((l) => l.tax));
  const restockingFee = sum(lines.map((l) => l.restockingFee));

  const returnShippingDeduction = customerReasonRefunded ? policyAmount(policy.returnShippingDeduction, currency) : 0;
  if (returnShippingDeduction > 0) {
    reasons.push({ rule: 'R004-06', text: `return shipping ${minorToDecimal(returnShippingDeduction, currency)} deducted (customer reason)` });
  }

  const everyUnitBackForStoreError = order.items.every((o) => (refundedStoreErrorUnits.get(o.sku) ?? 0) === o.quantity);
  const shippingRefund = everyUnitBackForStoreError && order.shipping > 0 ? order.shipping : 0;
  if (shippingRefund > 0) {
    reasons.push({ rule: 'R004-04', text: 'whole order returned for a store error: original shipping refunded' });
  }

  const orderPaid = sum(order.items.map((o) => o.unitPrice * o.quantity - o.discount + o.tax)) + order.shipping;
  const gross = itemsTotal + taxTotal + shippingRefund - returnShippingDeduction - restockingFee;
  const refundTotal = Math.min(Math.max(gross, 0), orderPaid);
  if (gross < 0 && paying.length > 0) {
    reasons.push({ rule: 'R004-06', text: 'deductions exceed the refund value: nothing to refund' });
  }

  let resolution: Resolution;
  if (!eligible) resolution = 'deny';
  else if (paying.some((l) => l.resolution === 'lead_review')) resolution = 'lead_review';
  else if (paying.length > 0) resolution = 'refund';
  else resolution = 'replacement';

  let method: RefundMethod | null = null;
  if (resolution === 'refund' || resolution === 'lead_review') {
    method = 'original_payment';
    if (request.preferStoreCredit && policy.storeCredit.offered) {
      method = 'store_credit';
      if (resolution === 'refund') resolution = 'store_credit';
    } else if (request.preferStoreCredit) {
      reasons.push({ rule: 'R004-12', text: 'store credit is not offered under this policy: refund to the original payment method' });
    }
  }

  const storeCreditBonus = method === 'store_credit' ? percentHalfUp(refundTotal, policy.storeCredit.bonusRate) : 0;
  if (method === 'store_credit') {
    reasons.push({
      rule: 'R004-12',
      text: storeCreditBonus > 0
        ? `store credit instead of a refund, with a ${basisPointsToPercent(policy.storeCredit.bonusRate)}% bonus`
        : 'store credit instead of a refund',
    });
  } else if (method === 'original_payment') {
    reasons.push({ rule: 'R004-06', text: 'refund to the original payment method' });
    if (policy.storeCredit.offered && policy.storeCredit.bonusRate > 0) {
      reasons.push({
        rule: 'R004-12',
        text: `offer store credit as an alternative: ${basisPointsToPercent(policy.storeCredit.bonusRate)}% bonus`,
      });
    }
  }

  const approvalOver = policyAmount(policy.approvalOver, currency);
  const overLimit = method !== null && refundTotal + storeCreditBonus > approvalOver;
  if (overLimit) {
    reasons.push({ rule: 'R004-08', text: `refund over ${minorToDecimal(approvalOver, currency)}: supervisor approval required` });
  }
  const approvalRequired = resolution === 'lead_review' || overLimit;

  return {
    eligible,
    resolution,
    method,
    currency,
    lines,
    itemsTotal,
    taxTotal,
    shippingRefund,
    returnShippingDeduction,
    restockingFee,
    refundTotal,
    storeCreditBonus,
    approvalRequired,
    reasons: reasons.map(({ rule, text, sku }) => (sku === undefined ? { rule, text } : { rule, text, sku })),
  };
}

/** A policy amount in the order's currency: the per-currency override, else the default rounded half up. */
export function policyAmount(amount: PolicyAmount, currency: string): number {
  const text = amount.byCurrency[currency] ?? amount.default;
  const parsed = decimalToMinor(text, currency, { roundHalfUp: true });
  if (!parsed.ok) throw new RangeError(`policy amount ${text} is not usable in ${currency}`);
  return parsed.minor;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
