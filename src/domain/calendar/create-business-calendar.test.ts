// Hand-checked examples. Times in comments are local wall times; assertions are UTC instants.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import type { BusinessCalendarSpec, WorkingWindow } from './business-calendar.js';
import { createBusinessCalendar } from './create-business-calendar.js';

const d = (iso: string): Date => new Date(iso);
const iso = (date: Date): string => date.toISOString();
const NINE_TO_FIVE: WorkingWindow[] = [{ start: '09:00', end: '17:00' }];
const weekdays = (windows: WorkingWindow[]): BusinessCalendarSpec['week'] =>
  ({ mon: windows, tue: windows, wed: windows, thu: windows, fri: windows });

const newYork = createBusinessCalendar({ timeZone: 'America/New_York', week: weekdays(NINE_TO_FIVE) });
const newYorkUs = createBusinessCalendar({ timeZone: 'America/New_York', week: weekdays(NINE_TO_FIVE), holidayPreset: 'US' });

describe('addBusinessMinutes', () => {
  it('Friday 16:30 New York + 60 business minutes (09:00–17:00) is Monday 09:30', () => {
    // Fri 9 Jan 2026 16:30 EST → Mon 12 Jan 09:30 EST
    expect(iso(newYork.addBusinessMinutes(d('2026-01-09T21:30:00Z'), 60))).toBe('2026-01-12T14:30:00.000Z');
  });

  it('across the March DST change the answer is still Monday 09:30 local (now UTC-4)', () => {
    // Fri 6 Mar 2026 16:30 EST → Mon 9 Mar 09:30 EDT (clocks went forward on Sunday 8 March)
    expect(iso(newYork.addBusinessMinutes(d('2026-03-06T21:30:00Z'), 60))).toBe('2026-03-09T13:30:00.000Z');
  });

  it('a holiday Monday moves the answer to Tuesday 09:30 (US preset: MLK Day 19 Jan 2026)', () => {
    expect(iso(newYorkUs.addBusinessMinutes(d('2026-01-16T21:30:00Z'), 60))).toBe('2026-01-20T14:30:00.000Z');
  });

  it('a custom holiday (local date) is a day off too', () => {
    const calendar = createBusinessCalendar({ timeZone: 'America/New_York', week: weekdays(NINE_TO_FIVE), holidays: ['2026-01-12'] });
    expect(iso(calendar.addBusinessMinutes(d('2026-01-09T21:30:00Z'), 60))).toBe('2026-01-13T14:30:00.000Z');
  });

  it('crosses the year end over a New Year holiday (Thu 31 Dec 2026 16:30 → Mon 4 Jan 2027 09:30)', () => {
    expect(iso(newYorkUs.addBusinessMinutes(d('2026-12-31T21:30:00Z'), 60))).toBe('2027-01-04T14:30:00.000Z');
  });

  it('a result exactly at closing time stays at 17:00 instead of jumping to the next morning', () => {
    expect(iso(newYork.addBusinessMinutes(d('2026-01-09T21:00:00Z'), 60))).toBe('2026-01-09T22:00:00.000Z');
  });

  it('counting starts at the next opening when started after hours (Saturday → Monday 09:00 + 30)', () => {
    expect(iso(newYork.addBusinessMinutes(d('2026-01-10T15:00:00Z'), 30))).toBe('2026-01-12T14:30:00.000Z');
  });

  it('skips the lunch break between two windows on the same day', () => {
    const split = createBusinessCalendar({
      timeZone: 'Europe/London',
      week: weekdays([{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }]),
    });
    // Wed 14 Jan 2026 11:30 GMT + 60 → 13:30 GMT
    expect(iso(split.addBusinessMinutes(d('2026-01-14T11:30:00Z'), 60))).toBe('2026-01-14T13:30:00.000Z');
  });

  it('uses per-weekday hours (Saturday 10:00–14:00)', () => {
    const withSaturday = createBusinessCalendar({
      timeZone: 'Asia/Kolkata',
      week: { ...weekdays(NINE_TO_FIVE), sat: [{ start: '10:00', end: '14:00' }] },
    });
    // Fri 9 Jan 2026 16:30 IST + 60 → Sat 10 Jan 10:30 IST (= 05:00Z, IST is +05:30)
    expect(iso(withSaturday.addBusinessMinutes(d('2026-01-09T11:00:00Z'), 60))).toBe('2026-01-10T05:00:00.000Z');
  });

  it('counts a night shift that runs over midnight (22:00–24:00 then 00:00–02:00) without a break', () => {
    const nights = createBusinessCalendar({
      timeZone: 'UTC',
      week: { fri: [{ start: '22:00', end: '24:00' }], sat: [{ start: '00:00', end: '02:00' }] },
    });
    expect(iso(nights.addBusinessMinutes(d('2026-01-09T23:00:00Z'), 120))).toBe('2026-01-10T01:00:00.000Z');
  });

  it('10 business days of 8 hours from Monday 09:00 end on the second Friday at 17:00', () => {
    expect(iso(newYork.addBusinessMinutes(d('2026-01-05T14:00:00Z'), 10 * 480))).toBe('2026-01-16T22:00:00.000Z');
  });

  it('0 minutes returns the same instant; negative minutes are invalid input', () => {
    expect(iso(newYork.addBusinessMinutes(d('2026-01-10T15:00:00Z'), 0))).toBe('2026-01-10T15:00:00.000Z');
    expect(() => newYork.addBusinessMinutes(d('2026-01-10T15:00:00Z'), -1)).toThrow(DomainError);
    expect(() => newYork.addBusinessMinutes(new Date(Number.NaN), 1)).toThrow(/from/);
  });
});

describe('DST inside working windows', () => {
  it('a window starting at 02:30 on spring-forward day starts at 03:00 EDT, the first instant that exists', () => {
    const calendar = createBusinessCalendar({ timeZone: 'America/New_York', week: { sun: [{ start: '02:30', end: '10:00' }] } });
    expect(iso(calendar.nextWorkingInstant(d('2026-03-08T05:00:00Z')))).toBe('2026-03-08T07:00:00.000Z');
    expect(calendar.businessMinutesBetween(d('2026-03-08T00:00:00Z'), d('2026-03-09T00:00:00Z'))).toBe(420);
  });

  it('a window across the fall-back hour counts the repeated hour (01:00–03:00 is 3 real hours)', () => {
    const calendar = createBusinessCalendar({ timeZone: 'America/New_York', week: { sun: [{ start: '01:00', end: '03:00' }] } });
    expect(calendar.businessMinutesBetween(d('2026-11-01T00:00:00Z'), d('2026-11-02T00:00:00Z'))).toBe(180);
    expect(calendar.businessMinutesBetween(d('2026-10-25T00:00:00Z'), d('2026-10-26T00:00:00Z'))).toBe(120);
  });

  it('windows touching inside the repeated hour are merged, never counted twice', () => {
    const calendar = createBusinessCalendar({
      timeZone: 'America/New_York',
      week: { sun: [{ start: '00:00', end: '01:30' }, { start: '01:30', end: '03:00' }] },
    });
    expect(calendar.businessMinutesBetween(d('2026-11-01T00:00:00Z'), d('2026-11-02T00:00:00Z'))).toBe(240);
  });

  it('Sydney all-day Sunday: 25 hours when summer time ends (5 Apr 2026), 23 when it starts (4 Oct 2026)', () => {
    const calendar = createBusinessCalendar({ timeZone: 'Australia/Sydney', week: { sun: [{ start: '00:00', end: '24:00' }] } });
    expect(calendar.businessMinutesBetween(d('2026-04-04T00:00:00Z'), d('2026-04-06T00:00:00Z'))).toBe(25 * 60);
    expect(calendar.businessMinutesBetween(d('2026-10-03T00:00:00Z'), d('2026-10-05T00:00:00Z'))).toBe(23 * 60);
  });

  it('London: a window 00:30–01:30 on 29 March 2026 lasts 30 minutes (01:00 GMT jumps to 02:00 BST)', () => {
    const calendar = createBusinessCalendar({ timeZone: 'Europe/London', week: { sun: [{ start: '00:30', end: '01:30' }] } });
    expect(calendar.businessMinutesBetween(d('2026-03-28T12:00:00Z'), d('2026-03-29T12:00:00Z'))).toBe(30);
  });

  it('a window entirely inside the gap has no working time that day', () => {
    const calendar = createBusinessCalendar({ timeZone: 'America/New_York', week: { sun: [{ start: '02:10', end: '02:50' }] } });
    expect(calendar.businessMinutesBetween(d('2026-03-08T00:00:00Z'), d('2026-03-09T00:00:00Z'))).toBe(0);
    expect(iso(calendar.nextWorkingInstant(d('2026-03-08T00:00:00Z')))).toBe('2026-03-15T06:10:00.000Z');
  });
});

describe('working time and business minutes', () => {
  it('isWorkingTime: start inclusive, end exclusive, weekends and holidays off', () => {
    expect(newYork.isWorkingTime(d('2026-01-09T14:00:00Z'))).toBe(true); // Fri 09:00
    expect(newYork.isWorkingTime(d('2026-01-09T22:00:00Z'))).toBe(false); // Fri 17:00
    expect(newYork.isWorkingTime(d('2026-01-10T15:00:00Z'))).toBe(false); // Sat
    expect(newYorkUs.isWorkingTime(d('2026-01-19T15:00:00Z'))).toBe(false); // MLK Day
  });

  it('business minutes from Friday 16:30 to Monday 09:30 are 60', () => {
    expect(newYork.businessMinutesBetween(d('2026-01-09T21:30:00Z'), d('2026-01-12T14:30:00Z'))).toBe(60);
    expect(newYork.businessMinutesBetween(d('2026-01-12T14:30:00Z'), d('2026-01-09T21:30:00Z'))).toBe(0);
  });

  it('a calendar whose every working day is a holiday for years fails loudly instead of looping', () => {
    const mondays = Array.from({ length: 200 }, (_, week) => new Date(Date.UTC(2026, 0, 5 + 7 * week)).toISOString().slice(0, 10));
    const calendar = createBusinessCalendar({ timeZone: 'UTC', week: { mon: NINE_TO_FIVE }, holidays: mondays });
    expect(() => calendar.nextWorkingInstant(d('2026-01-01T00:00:00Z'))).toThrow(/no working time/);
    expect(() => calendar.addBusinessMinutes(d('2026-01-01T00:00:00Z'), 1)).toThrow(DomainError);
    expect(iso(calendar.nextWorkingInstant(d('2029-11-01T00:00:00Z')))).toBe('2029-11-05T09:00:00.000Z');
  });
});

describe('business days', () => {
  it('endOfBusinessDay: today’s close before or during hours, the next business day’s close after hours', () => {
    expect(iso(newYork.endOfBusinessDay(d('2026-01-13T13:00:00Z')))).toBe('2026-01-13T22:00:00.000Z'); // Tue 08:00
    expect(iso(newYork.endOfBusinessDay(d('2026-01-13T16:00:00Z')))).toBe('2026-01-13T22:00:00.000Z'); // Tue 11:00
    expect(iso(newYork.endOfBusinessDay(d('2026-01-13T22:00:00Z')))).toBe('2026-01-14T22:00:00.000Z'); // Tue 17:00
    expect(iso(newYork.endOfBusinessDay(d('2026-01-10T15:00:00Z')))).toBe('2026-01-12T22:00:00.000Z'); // Sat
  });

  it('addBusinessDays: Monday + 4 closes on Friday; Saturday counts from Monday; after hours from the next day', () => {
    expect(iso(newYork.addBusinessDays(d('2026-01-12T15:00:00Z'), 4))).toBe('2026-01-16T22:00:00.000Z');
    expect(iso(newYork.addBusinessDays(d('2026-01-10T15:00:00Z'), 4))).toBe('2026-01-16T22:00:00.000Z');
    expect(iso(newYork.addBusinessDays(d('2026-01-09T23:00:00Z'), 1))).toBe('2026-01-13T22:00:00.000Z');
    expect(iso(newYork.addBusinessDays(d('2026-01-12T15:00:00Z'), 0))).toBe('2026-01-12T22:00:00.000Z');
  });

  it('addBusinessDays skips public holidays (Thanksgiving 26 Nov 2026)', () => {
    // Wed 25 Nov + 1 business day → Fri 27 Nov close
    expect(iso(newYorkUs.addBusinessDays(d('2026-11-25T15:00:00Z'), 1))).toBe('2026-11-27T22:00:00.000Z');
  });

  it('businessDaysBetween counts working dates after the start date up to the end date', () => {
    expect(newYork.businessDaysBetween(d('2026-01-12T15:00:00Z'), d('2026-01-16T15:00:00Z'))).toBe(4); // Mon → Fri
    expect(newYork.businessDaysBetween(d('2026-01-09T15:00:00Z'), d('2026-01-12T15:00:00Z'))).toBe(1); // Fri → Mon
    expect(newYork.businessDaysBetween(d('2026-01-12T15:00:00Z'), d('2026-01-12T21:00:00Z'))).toBe(0);
    expect(newYorkUs.businessDaysBetween(d('2026-01-16T15:00:00Z'), d('2026-01-20T15:00:00Z'))).toBe(1); // over MLK Day
  });

  it('day boundaries are local: 23:30 New York on Monday is still Monday although UTC says Tuesday', () => {
    expect(newYork.businessDaysBetween(d('2026-01-12T15:00:00Z'), d('2026-01-13T04:30:00Z'))).toBe(0);
  });
});

describe('calendar instances', () => {
  it('equal specs share one immutable calendar, so creating one per request is cheap', () => {
    const spec = { timeZone: 'America/New_York', week: weekdays(NINE_TO_FIVE), holidayPreset: 'US' };
    const first = createBusinessCalendar(spec);
    expect(createBusinessCalendar(structuredClone(spec))).toBe(first);
    expect(Object.isFrozen(first.spec)).toBe(true);
    expect(Object.isFrozen(first.spec.week.mon)).toBe(true);
    expect(createBusinessCalendar({ ...spec, holidays: ['2026-01-12'] })).not.toBe(first);
  });

  it('changing the caller’s spec object afterwards does not change the calendar', () => {
    const week = weekdays([{ start: '09:00', end: '17:00' }]);
    const calendar = createBusinessCalendar({ timeZone: 'Asia/Kolkata', week });
    week.mon![0]!.end = '10:00';
    expect(calendar.spec.week.mon).toEqual([{ start: '09:00', end: '17:00' }]);
    expect(calendar.isWorkingTime(d('2026-01-12T05:30:00Z'))).toBe(true); // Mon 11:00 IST
  });
});

