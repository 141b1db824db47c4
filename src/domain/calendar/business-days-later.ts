// "N business days old" as an age: the instant that lies N working days after `from` at the same
// point of the working day (Monday 10:00 + 4 → Friday 10:00 on a 09:00–17:00 week). Used by order
// SLAs (R003-02 "under 4 business days old") where addBusinessDays' close-of-day answer would let an
// order stay "within SLA" for most of an extra day. Built only on the BusinessCalendar interface.

import type { BusinessCalendar } from './business-calendar.js';

/**
 * Counting starts at the first working instant at or after `from` (an order placed on Saturday is
 * 0 days old until Monday's opening). The point of the day is kept as the business minutes left
 * until that day's close, so on a shorter target day the answer is never after its close.
 */
export function addBusinessDaysAtSameTime(calendar: BusinessCalendar, from: Date, days: number): Date {
  const start = calendar.nextWorkingInstant(from);
  if (days === 0) return start;
  const leftInStartDay = calendar.businessMinutesBetween(start, calendar.endOfBusinessDay(start));
  const closeOfTargetDay = calendar.addBusinessDays(start, days);
  const openOfTargetDay = calendar.nextWorkingInstant(calendar.addBusinessDays(start, days - 1));
  const targetDayLength = calendar.businessMinutesBetween(openOfTargetDay, closeOfTargetDay);
  return calendar.addBusinessMinutes(openOfTargetDay, Math.max(0, targetDayLength - leftInStartDay));
}
