// Invariants of business-time arithmetic over random calendars, zones and instants. Instants are
// drawn both at random and next to DST changes and year ends, where the arithmetic usually breaks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BusinessCalendarSpec, Weekday, WorkingWindow } from './business-calendar.js';
import { allDaySpec, calendarTime } from './calendar-time.js';
import { createBusinessCalendar } from './create-business-calendar.js';

const ZONES = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'] as const;
const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const MINUTE = 60_000;
const DAY = 86_400_000;

// DST changes in the zones above (2025–2027) and year ends.
const HOT_SPOTS = [
  '2025-03-09T07:00:00Z', '2025-11-02T06:00:00Z', '2026-03-08T07:00:00Z', '2026-11-01T06:00:00Z',
  '2025-03-30T01:00:00Z', '2025-10-26T01:00:00Z', '2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z',
  '2025-04-05T16:00:00Z', '2025-10-04T16:00:00Z', '2026-04-04T16:00:00Z', '2026-10-03T16:00:00Z',
  '2025-12-31T12:00:00Z', '2026-12-31T12:00:00Z', '2027-12-31T12:00:00Z',
].map(Date.parse);

const instantArb = fc.oneof(
  fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2028-01-01T00:00:00Z') }),
  fc.tuple(fc.constantFrom(...HOT_SPOTS), fc.integer({ min: -4 * DAY, max: 4 * DAY })).map(([spot, offset]) => spot + offset),
).map((ms) => new Date(Math.floor(ms / MINUTE) * MINUTE));

const hhmm = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** 0–3 disjoint windows on one day, bounds on 5-minute steps; `avoid` keeps bounds out of [01:00, 03:00]. */
function dayWindowsArb(avoidNightHours: boolean): fc.Arbitrary<WorkingWindow[]> {
  const bound = fc.integer({ min: 0, max: 288 }).map((step) => step * 5)
    .filter((minute) => !avoidNightHours || minute < 60 || minute > 180);
  return fc.uniqueArray(bound, { minLength: 0, maxLength: 6 }).map((bounds) => {
    const sorted = [...bounds].sort((a, b) => a - b);
    const windows: WorkingWindow[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) windows.push({ start: hhmm(sorted[i]!), end: hhmm(sorted[i + 1]!) });
    return windows;
  });
}

function specArb(avoidNightHours = false): fc.Arbitrary<BusinessCalendarSpec> {
  return fc.record({
    timeZone: fc.constantFrom(...ZONES),
    days: fc.array(dayWindowsArb(avoidNightHours), { minLength: 7, maxLength: 7 }),
    holidays: fc.uniqueArray(fc.integer({ min: 0, max: 3 * 365 }), { maxLength: 40 })
      .map((offsets) => offsets.map((offset) => new Date(Date.UTC(2025, 0, 1) + offset * DAY).toISOString().slice(0, 10))),
    preset: fc.constantFrom(undefined, 'US', 'GB-ENG', 'AU-NSW', 'IN'),
  })
    .filter(({ days }) => days.some((windows) => windows.length > 0))
    .map(({ timeZone, days, holidays, preset }) => ({
      timeZone,
      week: Object.fromEntries(WEEKDAYS.map((weekday, i) => [weekday, days[i] ?? []] as const).filter(([, w]) => w.length > 0)),
      holidays,
      ...(preset ? { holidayPreset: preset } : {}),
    }));
}

const minutesArb = fc.integer({ min: 0, max: 20 * 1440 });

describe('business-time invariants (property tests)', () => {
  it('businessMinutesBetween(a, addBusinessMinutes(a, m)) === m', () => {
    fc.assert(fc.property(specArb(), instantArb, minutesArb, (spec, a, m) => {
      const calendar = createBusinessCalendar(spec);
      expect(calendar.businessMinutesBetween(a, calendar.addBusinessMinutes(a, m))).toBe(m);
    }));
  });

  it('from a working start, adding m and measuring back gives m (the brief’s form)', () => {
    fc.assert(fc.property(specArb(), instantArb, minutesArb, (spec, x, m) => {
      const calendar = createBusinessCalendar(spec);
      const a = calendar.nextWorkingInstant(x);
      expect(calendar.isWorkingTime(a)).toBe(true);
      expect(calendar.businessMinutesBetween(x, a)).toBe(0);
      expect(calendar.businessMinutesBetween(a, calendar.addBusinessMinutes(a, m))).toBe(m);
    }));
  });

  it('addBusinessMinutes is monotonic in m and never goes backwards', () => {
    fc.assert(fc.property(specArb(), instantArb, minutesArb, minutesArb, (spec, a, m1, m2) => {
      const calendar = createBusinessCalendar(spec);
      const [small, large] = m1 <= m2 ? [m1, m2] : [m2, m1];
      const early = calendar.addBusinessMinutes(a, small).getTime();
      expect(early).toBeGreaterThanOrEqual(a.getTime());
      expect(calendar.addBusinessMinutes(a, large).getTime()).toBeGreaterThanOrEqual(early);
    }));
  });

  it('a result for m > 0 is working time or the end of a window', () => {
    fc.assert(fc.property(specArb(), instantArb, fc.integer({ min: 1, max: 20 * 1440 }), (spec, a, m) => {
      const calendar = createBusinessCalendar(spec);
      const result = calendar.addBusinessMinutes(a, m);
      const isWindowEnd = !calendar.isWorkingTime(result) && calendar.isWorkingTime(new Date(result.getTime() - 1));
      expect(calendar.isWorkingTime(result) || isWindowEnd).toBe(true);
    }));
  });

  it('additivity: add(add(a, m1), m2) === add(a, m1 + m2)', () => {
    fc.assert(fc.property(specArb(), instantArb, minutesArb, minutesArb, (spec, a, m1, m2) => {
      const calendar = createBusinessCalendar(spec);
      const stepwise = calendar.addBusinessMinutes(calendar.addBusinessMinutes(a, m1), m2);
      expect(stepwise.toISOString()).toBe(calendar.addBusinessMinutes(a, m1 + m2).toISOString());
    }));
  });

  it('businessMinutesBetween splits additively at any middle instant', () => {
    fc.assert(fc.property(specArb(), fc.array(instantArb, { minLength: 3, maxLength: 3 }), (spec, instants) => {
      const calendar = createBusinessCalendar(spec);
      const [a, b, c] = instants.sort((x, y) => x.getTime() - y.getTime()) as [Date, Date, Date];
      expect(calendar.businessMinutesBetween(a, c))
        .toBeCloseTo(calendar.businessMinutesBetween(a, b) + calendar.businessMinutesBetween(b, c), 9);
    }), { numRuns: 60 });
  });

  it('a 24/7 calendar equals plain arithmetic, in every zone and across DST', () => {
    fc.assert(fc.property(fc.constantFrom(...ZONES), instantArb, minutesArb, (zone, a, m) => {
      const generic = createBusinessCalendar(allDaySpec(zone));
      const expected = a.getTime() + m * MINUTE;
      expect(generic.addBusinessMinutes(a, m).getTime()).toBe(expected);
      expect(calendarTime(zone).addBusinessMinutes(a, m).getTime()).toBe(expected);
      expect(generic.businessMinutesBetween(a, new Date(expected))).toBe(m);
    }));
  });

  it('holidays are never counted: no working instant on a holiday, and more holidays never make a due time earlier', () => {
    fc.assert(fc.property(specArb(), instantArb, minutesArb, (spec, a, m) => {
      const withHolidays = createBusinessCalendar(spec);
      const without = createBusinessCalendar({ timeZone: spec.timeZone, week: spec.week });
      expect(withHolidays.addBusinessMinutes(a, m).getTime()).toBeGreaterThanOrEqual(without.addBusinessMinutes(a, m).getTime());
      for (const holiday of (spec.holidays ?? []).slice(0, 5)) {
        // the local date lies within noon UTC ± 2 days in every zone used here
        const around = Date.parse(`${holiday}T12:00:00Z`);
        expect(countLocalMinutesOn(withHolidays, spec.timeZone, holiday, around)).toBe(0);
      }
    }), { numRuns: 40 });
  });

  it('working time agrees with an independent wall-clock oracle, minute by minute over 2 days', () => {
    fc.assert(fc.property(specArb(true), instantArb, (spec, a) => {
      const calendar = createBusinessCalendar(spec);
      const oracle = wallClockOracle(spec);
      for (let t = a.getTime(); t < a.getTime() + 2 * DAY; t += 5 * MINUTE) {
        expect(calendar.isWorkingTime(new Date(t))).toBe(oracle(t));
      }
      // windows start and end on 5-minute steps and `a` is on a whole minute: compare on 5-minute-aligned spans
      const start = Math.ceil(a.getTime() / (5 * MINUTE)) * 5 * MINUTE;
      const end = start + 2 * DAY;
      let aligned = 0;
      for (let t = start; t < end; t += 5 * MINUTE) if (oracle(t)) aligned += 5;
      expect(calendar.businessMinutesBetween(new Date(start), new Date(end))).toBe(aligned);
    }), { numRuns: 40 });
  });

  it('endOfBusinessDay is a window end at or after the instant; addBusinessDays advances by whole working days', () => {
    fc.assert(fc.property(specArb(), instantArb, fc.integer({ min: 0, max: 25 }), (spec, x, n) => {
      const calendar = createBusinessCalendar(spec);
      const close = calendar.endOfBusinessDay(x);
      expect(close.getTime()).toBeGreaterThan(x.getTime());
      expect(calendar.isWorkingTime(new Date(close.getTime() - 1))).toBe(true);
      const a = calendar.nextWorkingInstant(x);
      const target = calendar.addBusinessDays(a, n);
      expect(calendar.businessDaysBetween(a, new Date(target.getTime() - 1))).toBe(n);
      expect(calendar.addBusinessDays(a, n + 1).getTime()).toBeGreaterThan(target.getTime());
    }));
  });
});

const oracleFormatters = new Map<string, Intl.DateTimeFormat>();

/** Local weekday, date and minute of day straight from Intl, without the calendar's own helpers. */
function wallClock(zone: string, t: number): { weekday: Weekday; date: string; minute: number } {
  let formatter = oracleFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    });
    oracleFormatters.set(zone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(t).map((part) => [part.type, part.value]));
  return {
    weekday: parts.weekday!.toLowerCase().slice(0, 3) as Weekday,
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

function wallClockOracle(spec: BusinessCalendarSpec): (t: number) => boolean {
  const presetCalendar = spec.holidayPreset
    ? createBusinessCalendar({ timeZone: spec.timeZone, week: allDaySpec(spec.timeZone).week, holidayPreset: spec.holidayPreset })
    : undefined;
  const toMinute = (text: string): number => Number(text.slice(0, 2)) * 60 + Number(text.slice(3));
  return (t) => {
    const { weekday, date, minute } = wallClock(spec.timeZone, t);
    if (spec.holidays?.includes(date)) return false;
    if (presetCalendar && !presetCalendar.isWorkingTime(new Date(t))) return false;
    return (spec.week[weekday] ?? []).some((w) => toMinute(w.start) <= minute && minute < toMinute(w.end));
  };
}

/** Business minutes on one local date, found by scanning the instants whose wall-clock date is `date`. */
function countLocalMinutesOn(calendar: ReturnType<typeof createBusinessCalendar>, zone: string, date: string, around: number): number {
  let minutes = 0;
  for (let t = around - 2 * DAY; t < around + 2 * DAY; t += 15 * MINUTE) {
    if (wallClock(zone, t).date === date && calendar.isWorkingTime(new Date(t))) minutes += 15;
  }
  return minutes;
}
