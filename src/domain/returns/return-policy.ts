import type { BasisPoints } from '../money/rounding.js';
import type { ReturnCondition, ReturnReason } from './return-vocabulary.js';

/**
 * An amount set by policy. `default` is a decimal in whatever currency the order is in, rounded half
 * up to that currency's minor unit (5.99 → 6 JPY); `byCurrency` overrides it where "5.99" would be
 * meaningless (JPY: "800").
 */
export interface PolicyAmount {
  default: string;
  byCurrency: Readonly<Record<string, string>>;
}

/** "MM-DD" days of the year; an order placed between placedFrom and placedTo (inclusive, UTC) may come back until returnUntil of the next year. */
export interface HolidayExtension {
  placedFrom: string;
  placedTo: string;
  returnUntil: string;
}

export interface ReturnPolicy {
  /** Customer-reason returns: eligible through this many days after the UTC delivery date (R004-03). */
  windowDays: number;
  /** Seasonal window (R004-04 holiday purchases); null turns it off. */
  holidayExtension: HolidayExtension | null;
  /** Product categories never returnable for customer reasons (R004-03); store errors still are. */
  excludedCategories: readonly string[];
  /** The company's fault: no fees, no return shipping, window per storeErrorWindowDays (R004-04). */
  storeErrorReasons: readonly ReturnReason[];
  /** Days after delivery a store-error return is accepted; null = no time limit (R004-04). */
  storeErrorWindowDays: number | null;
  /** Reasons answered with a replacement unless the customer prefers a refund (R004-04 wrong item). */
  replacementReasons: readonly ReturnReason[];
  /** Reasons decided case by case by a lead (R004-04 dissatisfaction). */
  leadReviewReasons: readonly ReturnReason[];
  /** Conditions a customer-reason return may arrive in (R004-03 condition requirements). */
  customerReasonConditions: readonly ReturnCondition[];
  /** R004-06: charged per line on customer-reason returns of these categories in these conditions. */
  restockingFee: { rate: BasisPoints; categories: readonly string[]; conditions: readonly ReturnCondition[] };
  /** R004-06: deducted once per quote when any refunded line is a customer-reason return. */
  returnShippingDeduction: PolicyAmount;
  /** R004-12: store credit as an alternative, optionally with a bonus on top of the refund value. */
  storeCredit: { offered: boolean; bonusRate: BasisPoints };
  /** R004-08: a refund over this amount needs a supervisor. */
  approvalOver: PolicyAmount;
  /** R004-12: warranty length in days after delivery, per product category; covers defects. */
  warrantyDays: Readonly<Record<string, number>>;
}

/** The contract's default return policy (returns-quote.md, R004-03..R004-08, R004-12). */
export const DEFAULT_RETURN_POLICY: ReturnPolicy = Object.freeze({
  windowDays: 30,
  holidayExtension: Object.freeze({ placedFrom: '11-01', placedTo: '12-31', returnUntil: '01-31' }),
  excludedCategories: Object.freeze(['gift_card', 'final_sale', 'personalized']),
  storeErrorReasons: Object.freeze(['damaged', 'defective', 'wrong_item'] as const),
  storeErrorWindowDays: null,
  replacementReasons: Object.freeze(['wrong_item'] as const),
  leadReviewReasons: Object.freeze(['dissatisfied'] as const),
  customerReasonConditions: Object.freeze(['unopened', 'opened'] as const),
  restockingFee: Object.freeze({
    rate: 1500,
    categories: Object.freeze(['electronics']),
    conditions: Object.freeze(['opened'] as const),
  }),
  returnShippingDeduction: Object.freeze({ default: '5.99', byCurrency: Object.freeze({}) }),
  storeCredit: Object.freeze({ offered: true, bonusRate: 0 }),
  approvalOver: Object.freeze({ default: '500.00', byCurrency: Object.freeze({}) }),
  warrantyDays: Object.freeze({ electronics: 365 }),
});
