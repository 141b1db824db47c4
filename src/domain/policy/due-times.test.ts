import { describe, expect, it, vi } from 'vitest';
import { defaultPolicy, testDeps } from '../../../test/policy/policy-test-kit.js';
import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { dueTimes, formatInstant } from './due-times.js';

const NOW = Date.parse('2026-11-20T15:00:00Z'); // Friday 10:00 in New York
const realCalendar = () => testDeps.calendar(defaultPolicy().policy.calendar);

describe('dueTimes (R001-12, R001-13, R004-01)', () => {
  it('P1 runs on the wall clock and never asks the calendar', () => {
    const calendar = vi.fn(realCalendar);
    expect(dueTimes(defaultPolicy().compiled, 'P1', undefined, NOW, calendar)).toEqual({
      firstResponse: '2026-11-20T15:30:00Z',
      nextResponse: '2026-11-20T16:00:00Z',
      resolution: '2026-11-20T17:00:00Z',
    });
    expect(calendar).not.toHaveBeenCalled();
  });

  it('a channel target caps the priority target: chat is answered within 30 seconds (R004-01)', () => {
    expect(dueTimes(defaultPolicy().compiled, 'P1', 'chat', NOW, realCalendar).firstResponse).toBe('2026-11-20T15:00:30Z');
  });

  it('a looser channel target does not loosen a stricter priority (P1 email stays 30 minutes)', () => {
    expect(dueTimes(defaultPolicy().compiled, 'P1', 'email', NOW, realCalendar).firstResponse).toBe('2026-11-20T15:30:00Z');
  });

  it('"same day" late in the day is never due before the first response', () => {
    // 16:30 in New York: the business day closes at 17:00, the first answer is due 09:30 Monday.
    const due = dueTimes(defaultPolicy().compiled, 'P2', undefined, Date.parse('2026-11-20T21:30:00Z'), realCalendar);
    expect(due.firstResponse).toBe('2026-11-23T14:30:00Z');
    expect(due.resolution).toBe('2026-11-23T14:30:00Z');
  });

  it('skips a public holiday of the preset (Thanksgiving 2026, US)', () => {
    const due = dueTimes(defaultPolicy().compiled, 'P3', 'email', Date.parse('2026-11-25T20:00:00Z'), realCalendar);
    // Wednesday 15:00 + 4 business hours: 2 on Wednesday, 2 on Friday (Thursday is a holiday).
    expect(due.firstResponse).toBe('2026-11-27T16:00:00Z');
  });

  it('asks the calendar for business targets only', () => {
    const addBusinessMinutes = vi.fn((from: Date, m: number) => new Date(from.getTime() + m * 60_000));
    const calendar = { addBusinessMinutes, addBusinessDays: (from: Date) => from } as unknown as BusinessCalendar;
    dueTimes(defaultPolicy().compiled, 'P3', undefined, NOW, () => calendar);
    expect(addBusinessMinutes).toHaveBeenCalledWith(new Date(NOW), 240);
  });
});

describe('formatInstant', () => {
  it('writes whole seconds without milliseconds, as decision.md does', () => {
    expect(formatInstant(Date.parse('2026-11-20T15:30:00Z'))).toBe('2026-11-20T15:30:00Z');
    expect(formatInstant(Date.parse('2026-11-20T15:30:00.250Z'))).toBe('2026-11-20T15:30:00.250Z');
  });
});
