import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../domain/calendar/create-business-calendar.js';
import { toClockTarget } from './clock-targets.js';

const nineToFive = { start: '09:00', end: '17:00' };
const calendar = createBusinessCalendar({
  timeZone: 'America/New_York',
  week: { mon: [nineToFive], tue: [nineToFive], wed: [nineToFive], thu: [nineToFive], fri: [nineToFive] },
});

describe('policy targets as clock targets', () => {
  it('calendar and business minutes carry over as they are', () => {
    expect(toClockTarget({ calendarMinutes: 30 }, new Date('2026-11-20T15:00:00Z'), calendar)).toEqual({ minutes: 30, basis: 'calendar' });
    expect(toClockTarget({ businessMinutes: 240 }, new Date('2026-11-20T15:00:00Z'), calendar)).toEqual({ minutes: 240, basis: 'business' });
  });

  it('"same day" (businessDays: 0) is the business minutes left until the close (R001-13 P2)', () => {
    // Friday 10:00 in New York: 7 working hours to 17:00.
    expect(toClockTarget({ businessDays: 0 }, new Date('2026-11-20T15:00:00Z'), calendar)).toEqual({ minutes: 420, basis: 'business' });
    // After hours on Friday: the whole of Monday.
    expect(toClockTarget({ businessDays: 0 }, new Date('2026-11-20T23:00:00Z'), calendar)).toEqual({ minutes: 480, basis: 'business' });
  });

  it('"at once" targets become a second, since a clock needs a positive target', () => {
    expect(toClockTarget({ calendarMinutes: 0 }, new Date('2026-11-20T15:00:00Z'), calendar).minutes).toBeCloseTo(1 / 60);
  });
});
