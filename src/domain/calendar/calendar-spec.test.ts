import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import type { BusinessCalendarSpec } from './business-calendar.js';
import { compileCalendarSpec } from './calendar-spec.js';
import { createBusinessCalendar } from './create-business-calendar.js';

const NINE_TO_FIVE = [{ start: '09:00', end: '17:00' }];

function fieldOf(spec: unknown, prefix?: string): string | undefined {
  try {
    compileCalendarSpec(spec as BusinessCalendarSpec, prefix);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('invalid_input');
    return (error as DomainError).field;
  }
  throw new Error('spec was accepted');
}

describe('calendar spec validation names the offending field', () => {
  it('rejects an unknown time zone', () => {
    expect(fieldOf({ timeZone: 'Europe/Atlantis', week: { mon: NINE_TO_FIVE } })).toBe('calendar.timeZone');
  });

  it('rejects "25:00" and other non-times', () => {
    expect(fieldOf({ timeZone: 'UTC', week: { mon: [{ start: '25:00', end: '26:00' }] } })).toBe('calendar.week.mon[0].start');
    expect(fieldOf({ timeZone: 'UTC', week: { tue: [{ start: '9:00', end: '17:00' }] } })).toBe('calendar.week.tue[0].start');
    expect(fieldOf({ timeZone: 'UTC', week: { wed: [{ start: '09:00', end: '17:60' }] } })).toBe('calendar.week.wed[0].end');
  });

  it('accepts 24:00 only as a window end', () => {
    expect(fieldOf({ timeZone: 'UTC', week: { mon: [{ start: '24:00', end: '24:00' }] } })).toBe('calendar.week.mon[0].start');
    expect(() => compileCalendarSpec({ timeZone: 'UTC', week: { mon: [{ start: '22:00', end: '24:00' }] } })).not.toThrow();
  });

  it('rejects a window that ends before (or when) it starts', () => {
    expect(fieldOf({ timeZone: 'UTC', week: { mon: [{ start: '17:00', end: '09:00' }] } })).toBe('calendar.week.mon[0].end');
    expect(fieldOf({ timeZone: 'UTC', week: { mon: [{ start: '09:00', end: '09:00' }] } })).toBe('calendar.week.mon[0].end');
  });

  it('rejects overlapping windows on one day, naming the later window', () => {
    const week = { fri: [{ start: '13:00', end: '17:00' }, { start: '09:00', end: '13:30' }] };
    expect(fieldOf({ timeZone: 'UTC', week })).toBe('calendar.week.fri[0].start');
  });

  it('accepts windows that touch (12:00 end, 12:00 start)', () => {
    const week = { mon: [{ start: '09:00', end: '12:00' }, { start: '12:00', end: '17:00' }] };
    expect(() => compileCalendarSpec({ timeZone: 'UTC', week })).not.toThrow();
  });

  it('rejects unknown weekdays and a week without any working window', () => {
    expect(fieldOf({ timeZone: 'UTC', week: { monday: NINE_TO_FIVE } })).toBe('calendar.week.monday');
    expect(fieldOf({ timeZone: 'UTC', week: {} })).toBe('calendar.week');
    expect(fieldOf({ timeZone: 'UTC', week: { mon: [] } })).toBe('calendar.week');
    expect(fieldOf({ timeZone: 'UTC', week: { mon: 'all day' } })).toBe('calendar.week.mon');
  });

  it('rejects holidays that are not real dates', () => {
    expect(fieldOf({ timeZone: 'UTC', week: { mon: NINE_TO_FIVE }, holidays: ['2026-12-25', '2026-02-30'] })).toBe('calendar.holidays[1]');
  });

  it('rejects an unknown holiday preset (date-holidays itself accepts anything)', () => {
    expect(fieldOf({ timeZone: 'UTC', week: { mon: NINE_TO_FIVE }, holidayPreset: 'XX' })).toBe('calendar.holidayPreset');
    expect(fieldOf({ timeZone: 'UTC', week: { mon: NINE_TO_FIVE }, holidayPreset: 'US-ZZ' })).toBe('calendar.holidayPreset');
  });

  it('uses the caller’s field prefix', () => {
    expect(fieldOf({ timeZone: 'UTC', week: { mon: [{ start: '25:00', end: '26:00' }] } }, 'policy.businessHours'))
      .toBe('policy.businessHours.week.mon[0].start');
    expect(() => createBusinessCalendar({ timeZone: 'Nowhere', week: {} }, { field: 'hours' })).toThrow(/hours\.timeZone/);
  });

  it('normalises the zone and the preset in the stored spec', () => {
    const { spec } = compileCalendarSpec({ timeZone: 'america/new_york', week: { mon: NINE_TO_FIVE }, holidayPreset: 'us.ca' });
    expect(spec).toEqual({ timeZone: 'America/New_York', week: { mon: NINE_TO_FIVE }, holidayPreset: 'US-CA' });
  });
});
