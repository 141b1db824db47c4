import { describe, expect, it } from 'vitest';
import { calendarTime } from './calendar-time.js';

const d = (iso: string): Date => new Date(iso);

describe('calendarTime: every minute counts', () => {
  it('24 hours after Friday 16:30 is Saturday 16:30 (R004-08 follow-up within 24 hours)', () => {
    expect(calendarTime().addBusinessMinutes(d('2026-01-09T16:30:00Z'), 24 * 60).toISOString()).toBe('2026-01-10T16:30:00.000Z');
  });

  it('minutes between two instants are their plain difference, even across a DST change', () => {
    const newYork = calendarTime('America/New_York');
    expect(newYork.businessMinutesBetween(d('2026-03-07T12:00:00Z'), d('2026-03-09T12:00:00Z'))).toBe(2 * 1440);
    expect(newYork.isWorkingTime(d('2026-03-08T07:30:00Z'))).toBe(true);
    expect(newYork.nextWorkingInstant(d('2026-03-08T07:30:00Z')).toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  it('day operations use local dates of the zone: end of day is the next local midnight', () => {
    expect(calendarTime('America/New_York').endOfBusinessDay(d('2026-01-09T16:30:00Z')).toISOString()).toBe('2026-01-10T05:00:00.000Z');
    expect(calendarTime().addBusinessDays(d('2026-01-09T16:30:00Z'), 5).toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(calendarTime().businessDaysBetween(d('2026-01-09T16:30:00Z'), d('2026-01-14T01:00:00Z'))).toBe(5);
  });

  it('is shared per zone and rejects negative minutes', () => {
    expect(calendarTime('UTC')).toBe(calendarTime());
    expect(() => calendarTime().addBusinessMinutes(d('2026-01-09T16:30:00Z'), -5)).toThrow(/minutes/);
  });
});
