// Validation of a BusinessCalendarSpec (it arrives from policy YAML/JSON, so nothing is trusted) and
// its compiled form: windows as minutes of the local day, indexed by weekday.

import { invalidInput } from '../errors.js';
import type { BusinessCalendarSpec, Weekday, WorkingWindow } from './business-calendar.js';
import { isKnownHolidayPreset } from './holiday-presets.js';
import { canonicalTimeZone, MINUTES_PER_DAY, parseIsoDate } from './zoned-time.js';

/** Index 0 = Sunday, matching weekdayIndexOf(). */
export const WEEKDAYS_BY_INDEX: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** A working window as [start, end) minutes of the local day; end may be 1440. */
export type MinuteWindow = readonly [start: number, end: number];

export interface CompiledCalendarSpec {
  /** The spec with a canonical zone and preset, safe to store and to compare. */
  spec: BusinessCalendarSpec;
  timeZone: string;
  windowsByWeekday: readonly (readonly MinuteWindow[])[];
  holidays: ReadonlySet<string>;
  holidayPreset?: string;
}

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

function parseTimeOfDay(value: unknown, allowEndOfDay: boolean, field: string): number {
  if (typeof value !== 'string') throw invalidInput(field, 'must be a time "HH:MM"');
  if (allowEndOfDay && value === '24:00') return MINUTES_PER_DAY;
  const match = TIME_OF_DAY.exec(value);
  if (!match) throw invalidInput(field, `"${value}" is not a time "HH:MM" (00:00–23:59${allowEndOfDay ? ', or 24:00' : ''})`);
  return Number(match[1]) * 60 + Number(match[2]);
}

function compileDay(windows: unknown, field: string): MinuteWindow[] {
  if (!Array.isArray(windows)) throw invalidInput(field, 'must be a list of {start, end} windows');
  const compiled = windows.map((window: unknown, index) => {
    const at = `${field}[${index}]`;
    if (typeof window !== 'object' || window === null) throw invalidInput(at, 'must be {start, end}');
    const { start, end } = window as Partial<WorkingWindow>;
    const startMinute = parseTimeOfDay(start, false, `${at}.start`);
    const endMinute = parseTimeOfDay(end, true, `${at}.end`);
    if (endMinute <= startMinute) throw invalidInput(`${at}.end`, `end ${String(end)} is not after start ${String(start)}`);
    return { index, window: [startMinute, endMinute] as const };
  });
  compiled.sort((a, b) => a.window[0] - b.window[0]);
  for (let i = 1; i < compiled.length; i += 1) {
    const previous = compiled[i - 1]!;
    const current = compiled[i]!;
    if (current.window[0] < previous.window[1]) {
      throw invalidInput(`${field}[${current.index}].start`, `overlaps window ${field}[${previous.index}]`);
    }
  }
  return compiled.map((entry) => entry.window);
}

/** Validates and compiles a spec; errors name the offending field under `field` ("calendar.week.mon[0].end"). */
export function compileCalendarSpec(input: BusinessCalendarSpec, field = 'calendar'): CompiledCalendarSpec {
  if (typeof input !== 'object' || input === null) throw invalidInput(field, 'must be an object');
  const timeZone = canonicalTimeZone(input.timeZone);
  if (!timeZone) throw invalidInput(`${field}.timeZone`, `"${String(input.timeZone)}" is not an IANA time zone`);

  if (typeof input.week !== 'object' || input.week === null || Array.isArray(input.week)) {
    throw invalidInput(`${field}.week`, 'must map weekdays (mon…sun) to working windows');
  }
  for (const key of Object.keys(input.week)) {
    if (!WEEKDAYS_BY_INDEX.includes(key as Weekday)) throw invalidInput(`${field}.week.${key}`, 'is not a weekday (mon…sun)');
  }
  const week: Partial<Record<Weekday, WorkingWindow[]>> = {};
  const windowsByWeekday = WEEKDAYS_BY_INDEX.map((weekday) => {
    const windows = input.week[weekday];
    if (windows === undefined) return [];
    const compiled = compileDay(windows, `${field}.week.${weekday}`);
    week[weekday] = windows.map(({ start, end }) => ({ start, end }));
    return compiled;
  });
  if (windowsByWeekday.every((windows) => windows.length === 0)) {
    throw invalidInput(`${field}.week`, 'has no working window on any weekday');
  }

  if (input.holidays !== undefined && !Array.isArray(input.holidays)) {
    throw invalidInput(`${field}.holidays`, 'must be a list of local dates "YYYY-MM-DD"');
  }
  const holidays = (input.holidays ?? []).map((date, index) => {
    if (typeof date !== 'string' || parseIsoDate(date) === undefined) {
      throw invalidInput(`${field}.holidays[${index}]`, `"${String(date)}" is not a date "YYYY-MM-DD"`);
    }
    return date;
  });

  let holidayPreset: string | undefined;
  if (input.holidayPreset !== undefined) {
    const preset = typeof input.holidayPreset === 'string' ? input.holidayPreset.trim().toUpperCase().replaceAll('.', '-') : '';
    if (!preset || !isKnownHolidayPreset(preset)) {
      throw invalidInput(`${field}.holidayPreset`, `"${String(input.holidayPreset)}" is not a date-holidays country preset (e.g. "US", "US-CA", "GB-ENG")`);
    }
    holidayPreset = preset;
  }

  // Frozen all the way down: one compiled calendar may be shared by many callers.
  for (const windows of Object.values(week)) {
    windows.forEach((window) => Object.freeze(window));
    Object.freeze(windows);
  }
  const spec: BusinessCalendarSpec = Object.freeze({
    timeZone,
    week: Object.freeze(week),
    ...(holidays.length > 0 ? { holidays: Object.freeze(holidays) as string[] } : {}),
    ...(holidayPreset ? { holidayPreset } : {}),
  });
  return {
    spec,
    timeZone,
    windowsByWeekday,
    holidays: new Set(holidays),
    ...(holidayPreset ? { holidayPreset } : {}),
  };
}
