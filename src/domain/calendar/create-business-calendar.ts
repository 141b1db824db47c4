// Business-time arithmetic over a compiled calendar. Each local date is turned once into its working
// intervals as UTC instants (cached per calendar), so every operation walks day by day and window by
// window — never minute by minute — and only touches Intl when it meets a date for the first time.

import { DomainError, invalidInput } from '../errors.js';
import type { BusinessCalendar, BusinessCalendarSpec } from './business-calendar.js';
import { compileCalendarSpec, type CompiledCalendarSpec } from './calendar-spec.js';
import { isPresetHoliday } from './holiday-presets.js';
import {
  DAY_MS, MINUTE_MS, MINUTES_PER_DAY, isoDateOf, localDayBounds, wallTimeToInstant, weekdayIndexOf,
} from './zoned-time.js';

/** One local date: its bounds and its working intervals [start, end) as epoch ms, sorted and disjoint. */
interface LocalDay {
  epochDay: number;
  startMs: number;
  endMs: number;
  intervals: readonly (readonly [number, number])[];
}

/** A calendar with no working time for this many consecutive days is treated as broken, not searched forever. */
const MAX_IDLE_DAYS = 800;
const DAY_CACHE_LIMIT = 50_000;

export interface CreateCalendarOptions {
  /** Field path prefix for validation errors; default "calendar". */
  field?: string;
}

const calendarsBySpec = new Map<string, BusinessCalendar>();
const CALENDAR_CACHE_LIMIT = 256;

/**
 * Calendars are immutable, so equal specs share one instance and its cache of computed days:
 * creating a calendar per request costs a JSON.stringify once the spec has been seen.
 */
export function createBusinessCalendar(spec: BusinessCalendarSpec, options: CreateCalendarOptions = {}): BusinessCalendar {
  let key: string | undefined;
  try {
    key = JSON.stringify(spec);
  } catch {
    key = undefined; // not JSON-shaped: validation below reports it
  }
  const cached = key === undefined ? undefined : calendarsBySpec.get(key);
  if (cached) return cached;
  const calendar = new CompiledBusinessCalendar(compileCalendarSpec(spec, options.field));
  if (key !== undefined) {
    if (calendarsBySpec.size >= CALENDAR_CACHE_LIMIT) calendarsBySpec.clear();
    calendarsBySpec.set(key, calendar);
  }
  return calendar;
}

function noWorkingTime(from: number): DomainError {
  return new DomainError(
    'invalid_input',
    `no working time within ${MAX_IDLE_DAYS} days after ${new Date(from).toISOString()}`,
    'calendar',
  );
}

function checkInstant(value: Date, field: string): number {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw invalidInput(field, 'must be a valid instant');
  return ms;
}

function checkCount(value: number, field: string, integer: boolean): void {
  if (!Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
    throw invalidInput(field, `must be a ${integer ? 'whole ' : ''}number >= 0, got ${value}`);
  }
}

class CompiledBusinessCalendar implements BusinessCalendar {
  readonly spec: BusinessCalendarSpec;
  private readonly days = new Map<number, LocalDay>();

  constructor(private readonly compiled: CompiledCalendarSpec) {
    this.spec = compiled.spec;
  }

  isWorkingTime(at: Date): boolean {
    const t = checkInstant(at, 'at');
    return this.dayContaining(t).intervals.some(([start, end]) => start <= t && t < end);
  }

  nextWorkingInstant(at: Date): Date {
    const t = checkInstant(at, 'at');
    let idle = 0;
    for (let epochDay = this.dayContaining(t).epochDay; idle < MAX_IDLE_DAYS; epochDay += 1, idle += 1) {
      for (const [start, end] of this.day(epochDay).intervals) {
        if (end > t) return new Date(Math.max(start, t));
      }
    }
    throw noWorkingTime(t);
  }

  /** A result that lands exactly on a window's end stays there (due at 17:00, not at 09:00 next day). */
  addBusinessMinutes(from: Date, minutes: number): Date {
    const t = checkInstant(from, 'from');
    checkCount(minutes, 'minutes', false);
    let remaining = Math.round(minutes * MINUTE_MS);
    if (remaining === 0) return new Date(t);
    let idle = 0;
    for (let epochDay = this.dayContaining(t).epochDay; idle < MAX_IDLE_DAYS; epochDay += 1) {
      const { intervals } = this.day(epochDay);
      idle = intervals.length === 0 ? idle + 1 : 0;
      for (const [start, end] of intervals) {
        if (end <= t) continue;
        const from = Math.max(start, t);
        const available = end - from;
        if (remaining <= available) return new Date(from + remaining);
        remaining -= available;
      }
    }
    throw noWorkingTime(t);
  }

  /** May be fractional when the instants are not on whole minutes. */
  businessMinutesBetween(from: Date, to: Date): number {
    const a = checkInstant(from, 'from');
    const b = checkInstant(to, 'to');
    if (b <= a) return 0;
    let total = 0;
    const lastDay = this.dayContaining(b).epochDay;
    for (let epochDay = this.dayContaining(a).epochDay; epochDay <= lastDay; epochDay += 1) {
      for (const [start, end] of this.day(epochDay).intervals) {
        const overlap = Math.min(end, b) - Math.max(start, a);
        if (overlap > 0) total += overlap;
      }
    }
    return total / MINUTE_MS;
  }

  addBusinessDays(from: Date, days: number): Date {
    const t = checkInstant(from, 'from');
    checkCount(days, 'days', true);
    let day = this.businessDayClosingAfter(t);
    for (let step = 0; step < days; step += 1) day = this.nextBusinessDay(day.epochDay + 1, t);
    return new Date(closeOf(day));
  }

  businessDaysBetween(from: Date, to: Date): number {
    const a = checkInstant(from, 'from');
    const b = checkInstant(to, 'to');
    if (b <= a) return 0;
    const lastDay = this.dayContaining(b).epochDay;
    let count = 0;
    for (let epochDay = this.dayContaining(a).epochDay + 1; epochDay <= lastDay; epochDay += 1) {
      if (this.day(epochDay).intervals.length > 0) count += 1;
    }
    return count;
  }

  endOfBusinessDay(at: Date): Date {
    const t = checkInstant(at, 'at');
    return new Date(closeOf(this.businessDayClosingAfter(t)));
  }

  /** The business day containing `t`, or the next one when `t` is at or after today's close. */
  private businessDayClosingAfter(t: number): LocalDay {
    const today = this.dayContaining(t);
    if (today.intervals.length > 0 && closeOf(today) > t) return today;
    return this.nextBusinessDay(today.epochDay + 1, t);
  }

  private nextBusinessDay(firstCandidate: number, searchStart: number): LocalDay {
    for (let epochDay = firstCandidate; epochDay < firstCandidate + MAX_IDLE_DAYS; epochDay += 1) {
      const day = this.day(epochDay);
      if (day.intervals.length > 0) return day;
    }
    throw noWorkingTime(searchStart);
  }

  /** Local dates never stray more than a day from the UTC date (offsets are within ±14 h). */
  private dayContaining(t: number): LocalDay {
    let day = this.day(Math.floor(t / DAY_MS));
    while (t < day.startMs) day = this.day(day.epochDay - 1);
    while (t >= day.endMs) day = this.day(day.epochDay + 1);
    return day;
  }

  private day(epochDay: number): LocalDay {
    let day = this.days.get(epochDay);
    if (!day) {
      if (this.days.size >= DAY_CACHE_LIMIT) this.days.clear();
      day = this.buildDay(epochDay);
      this.days.set(epochDay, day);
    }
    return day;
  }

  private buildDay(epochDay: number): LocalDay {
    const { timeZone, windowsByWeekday, holidays, holidayPreset } = this.compiled;
    const { startMs, endMs, uniformOffsetMs } = localDayBounds(timeZone, epochDay);
    const windows = windowsByWeekday[weekdayIndexOf(epochDay)] ?? [];
    if (windows.length === 0) return { epochDay, startMs, endMs, intervals: [] };
    const isoDate = isoDateOf(epochDay);
    if (holidays.has(isoDate) || (holidayPreset !== undefined && isPresetHoliday(holidayPreset, isoDate))) {
      return { epochDay, startMs, endMs, intervals: [] };
    }

    // Most days have no offset change: every wall time is then a fixed shift from UTC.
    const toInstant = (minute: number, pick: 'earlier' | 'later'): number => {
      if (minute === 0) return startMs;
      if (minute === MINUTES_PER_DAY) return endMs;
      const instant = uniformOffsetMs !== undefined
        ? epochDay * DAY_MS + minute * MINUTE_MS - uniformOffsetMs
        : wallTimeToInstant(timeZone, epochDay, minute, pick);
      return Math.min(Math.max(instant, startMs), endMs);
    };

    const intervals: [number, number][] = [];
    for (const [startMinute, endMinute] of windows) {
      const start = toInstant(startMinute, 'earlier');
      const end = toInstant(endMinute, 'later');
      if (end <= start) continue; // the whole window fell into a DST gap
      const last = intervals[intervals.length - 1];
      // Around a fall-back overlap two windows can share instants; merged so nothing counts twice.
      if (last && start <= last[1]) last[1] = Math.max(last[1], end);
      else intervals.push([start, end]);
    }
    return { epochDay, startMs, endMs, intervals };
  }
}

function closeOf(day: LocalDay): number {
  return day.intervals[day.intervals.length - 1]![1];
}
