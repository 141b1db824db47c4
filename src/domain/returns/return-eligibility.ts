import type { ReturnPolicy } from './return-policy.js';
import type { OrderLine, ReturnLine, ReturnOrder } from './return-request.js';
import { dayNumberOf, dayNumberToIsoDate, utcDayNumber } from './utc-day.js';

export interface QuoteReason {
  /** Requirement id from REQUIREMENTS.md, e.g. "R004-06". */
  rule: string;
  text: string;
  /** The returned line the reason is about, when it is about one. */
  sku?: string;
}

export interface LineEligibility {
  eligible: boolean;
  storeError: boolean;
  reasons: QuoteReason[];
}

/** Last UTC day (day number) a customer-reason return is accepted, and whether the holiday season set it. */
export function customerWindowEnd(order: ReturnOrder, policy: ReturnPolicy): { lastDay: number; holiday: boolean } {
  const standard = utcDayNumber(order.deliveredAt) + policy.windowDays;
  const season = policy.holidayExtension;
  if (!season) return { lastDay: standard, holiday: false };
  const placed = order.placedAt.toISOString();
  const placedMonthDay = placed.slice(5, 10);
  if (placedMonthDay < season.placedFrom || placedMonthDay > season.placedTo) return { lastDay: standard, holiday: false };
  const [month, day] = season.returnUntil.split('-').map(Number) as [number, number];
  const seasonal = dayNumberOf(Number(placed.slice(0, 4)) + 1, month, day);
  return seasonal > standard ? { lastDay: seasonal, holiday: true } : { lastDay: standard, holiday: false };
}

/**
 * Whether one returned line may come back at all (R004-03, R004-04, R004-12). Store errors have no
 * category exclusions and, by default, no time limit; a defect past the normal window is checked
 * against the category's warranty first and recorded as such (R004-12).
 */
export function lineEligibility(
  line: ReturnLine,
  orderLine: OrderLine,
  order: ReturnOrder,
  now: Date,
  policy: ReturnPolicy,
): LineEligibility {
  const sku = line.sku;
  const today = utcDayNumber(now);
  const deliveredDay = utcDayNumber(order.deliveredAt);
  const daysSinceDelivery = today - deliveredDay;
  const window = customerWindowEnd(order, policy);
  const within = today <= window.lastDay;
  const until = dayNumberToIsoDate(window.lastDay);
  const category = orderLine.productCategory;

  if (policy.storeErrorReasons.includes(line.reason)) {
    const what = line.reason.replace('_', ' ');
    if (within) {
      return ok(true, { rule: 'R004-04', sku, text: `${what}: store error, no fees or return shipping` });
    }
    const warranty = policy.warrantyDays[category];
    if (line.reason === 'defective' && warranty !== undefined && daysSinceDelivery <= warranty) {
      return ok(true, {
        rule: 'R004-12',
        sku,
        text: `warranty checked first: defect reported ${daysSinceDelivery} days after delivery, within the ${warranty}-day ${category} warranty`,
      });
    }
    const limit = policy.storeErrorWindowDays;
    if (limit === null || daysSinceDelivery <= limit) {
      return ok(true, { rule: 'R004-04', sku, text: `${what}: store error, ${limit === null ? 'no time limit' : `within ${limit} days`}, no fees or return shipping` });
    }
    return denied(true, {
      rule: 'R004-04',
      sku,
      text: `${what} reported ${daysSinceDelivery} days after delivery, past the ${limit}-day limit for store errors${warranty === undefined ? '' : ` and the ${warranty}-day warranty`}`,
    });
  }

  if (policy.excludedCategories.includes(category)) {
    return denied(false, { rule: 'R004-03', sku, text: `${category} items are not returnable for customer reasons` });
  }
  // A lead reviewing dissatisfaction sees the condition and decides; the other customer reasons need
  // the item back in a sellable condition.
  if (!policy.leadReviewReasons.includes(line.reason) && !policy.customerReasonConditions.includes(line.condition)) {
    return denied(false, {
      rule: 'R004-03',
      sku,
      text: `condition ${line.condition}: a ${line.reason.replace('_', ' ')} return must be ${policy.customerReasonConditions.join(' or ')}`,
    });
  }
  if (!within) {
    return denied(false, {
      rule: 'R004-03',
      sku,
      text: `outside the return window: ${daysSinceDelivery} days after delivery, the window ended ${until}`,
    });
  }
  return ok(false, window.holiday
    ? { rule: 'R004-04', sku, text: `holiday purchase: extended return window until ${until}` }
    : { rule: 'R004-03', sku, text: `within the ${policy.windowDays}-day return window (until ${until})` });
}

function ok(storeError: boolean, reason: QuoteReason): LineEligibility {
  return { eligible: true, storeError, reasons: [reason] };
}

function denied(storeError: boolean, reason: QuoteReason): LineEligibility {
  return { eligible: false, storeError, reasons: [reason] };
}
