import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WorkingWindow } from './business-calendar.js';
import { addBusinessDaysAtSameTime } from './business-days-later.js';
import { createBusinessCalendar } from './create-business-calendar.js';

const d = (iso: string): Date => new Date(iso);
const NINE_TO_FIVE: WorkingWindow[] = [{ start: '09:00', end: '17:00' }];
const office = createBusinessCalendar({
  timeZone: 'America/New_York',
  week: { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE },
  holidayPreset: 'US',
});
const later = (iso: string, days: number): string => addBusinessDaysAtSameTime(office, d(iso), days).toISOString();

describe('business days at the same time of the working day', () => {
  it('Monday 10:00 + 4 business days is Friday 10:00', () => {
    expect(later('2026-01-05T15:00:00Z', 4)).toBe('2026-01-09T15:00:00.000Z');
  });

  it('Saturday counts from Monday’s opening: + 4 is Friday 09:00', () => {
    expect(later('2026-01-10T19:00:00Z', 4)).toBe('2026-01-16T14:00:00.000Z');
  });

  it('skips holidays (MLK Day, Mon 19 Jan 2026): Friday 11:00 + 1 is Tuesday 11:00', () => {
    expect(later('2026-01-16T16:00:00Z', 1)).toBe('2026-01-20T16:00:00.000Z');
  });

  it('keeps the local time across the March DST change (Fri 6 Mar 10:00 EST + 2 = Tue 10 Mar 10:00 EDT)', () => {
    expect(later('2026-03-06T15:00:00Z', 2)).toBe('2026-03-10T14:00:00.000Z');
  });

  it('0 days is the first working instant', () => {
    expect(later('2026-01-10T19:00:00Z', 0)).toBe('2026-01-12T14:00:00.000Z');
  });

  it('on full working days, N days later is exactly N working days of business minutes later', () => {
    fc.assert(fc.property(
      fc.integer({ min: Date.parse('2026-01-01T00:00:00Z') / 60_000, max: Date.parse('2027-12-31T00:00:00Z') / 60_000 }),
      fc.integer({ min: 0, max: 30 }),
      (minute, days) => {
        const from = new Date(minute * 60_000);
        const start = office.nextWorkingInstant(from);
        const result = addBusinessDaysAtSameTime(office, from, days);
        expect(office.businessMinutesBetween(start, result)).toBe(days * 480);
        expect(office.businessDaysBetween(start, result)).toBe(days);
      },
    ));
  });
});
