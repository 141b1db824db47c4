// Calendar time as a BusinessCalendar: every minute of every day counts, so targets like "follow up
// within 24 hours" (R004-08) or "label created 5+ days" (R003-05) share the business-time code paths.
// Minute arithmetic is plain epoch arithmetic (exact even across DST, since every instant counts);
// day-based operations use local dates of the given zone.

import type { BusinessCalendar, BusinessCalendarSpec, Weekday, WorkingWindow } from './business-calendar.js';
import { createBusinessCalendar } from './create-business-calendar.js';
import { invalidInput } from '../errors.js';
import { MINUTE_MS } from './zoned-time.js';

const ALL_DAY: WorkingWindow[] = [{ start: '00:00', end: '24:00' }];
const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export function allDaySpec(timeZone: string): BusinessCalendarSpec {
  return { timeZone, week: Object.fromEntries(WEEKDAYS.map((day) => [day, ALL_DAY])) };
}

const byZone = new Map<string, BusinessCalendar>();

function instant(value: Date, field: string): number {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw invalidInput(field, 'must be a valid instant');
  return ms;
}

/** A 24/7 calendar (default zone UTC; the zone only matters for day-based operations). */
export function calendarTime(timeZone = 'UTC'): BusinessCalendar {
  const cached = byZone.get(timeZone);
  if (cached) return cached;
  const days = createBusinessCalendar(allDaySpec(timeZone));
  const calendar: BusinessCalendar = {
    spec: days.spec,
    isWorkingTime: (at) => (instant(at, 'at'), true),
    nextWorkingInstant: (at) => new Date(instant(at, 'at')),
    addBusinessMinutes: (from, minutes) => {
      const t = instant(from, 'from');
      if (!Number.isFinite(minutes) || minutes < 0) throw invalidInput('minutes', `must be a number >= 0, got ${minutes}`);
      return new Date(t + Math.round(minutes * MINUTE_MS));
    },
    businessMinutesBetween: (from, to) => Math.max(0, instant(to, 'to') - instant(from, 'from')) / MINUTE_MS,
    addBusinessDays: (from, count) => days.addBusinessDays(from, count),
    businessDaysBetween: (from, to) => days.businessDaysBetween(from, to),
    endOfBusinessDay: (at) => days.endOfBusinessDay(at),
  };
  byZone.set(calendar.spec.timeZone, calendar);
  byZone.set(timeZone, calendar);
  return calendar;
}
