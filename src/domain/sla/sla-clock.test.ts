import { describe, expect, it } from 'vitest';
import type { WorkingWindow } from '../calendar/business-calendar.js';
import { createBusinessCalendar } from '../calendar/create-business-calendar.js';
import { DomainError } from '../errors.js';
import { evaluateClock, meetClock, recordBreach, retarget } from './evaluate-clock.js';
import { applyCaseStatus, pauseClock, resumeClock, startClock, type SlaTarget } from './sla-clock.js';

const d = (iso: string): Date => new Date(iso);
const NINE_TO_FIVE: WorkingWindow[] = [{ start: '09:00', end: '17:00' }];
// UTC keeps the arithmetic readable: Mon 12 Jan 2026 09:00 is 2026-01-12T09:00:00Z.
const office = createBusinessCalendar({
  timeZone: 'UTC',
  week: { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE },
});
const FOUR_BUSINESS_HOURS: SlaTarget = { minutes: 240, basis: 'business' };
const MONDAY_0900 = d('2026-01-12T09:00:00Z');

describe('a running clock', () => {
  it('comes due after the target in business minutes and warns at 80% of it', () => {
    const clock = startClock({ kind: 'resolution', target: { minutes: 480, basis: 'business' }, at: MONDAY_0900 });
    const evaluation = evaluateClock(clock, d('2026-01-12T12:00:00Z'), office);
    expect(evaluation).toMatchObject({
      state: 'running', paused: false, warning: false,
      dueAt: '2026-01-12T17:00:00.000Z', warnAt: '2026-01-12T15:24:00.000Z',
      elapsedMinutes: 180, remainingMinutes: 300, overdueMinutes: 0, breachedAt: null, metAt: null,
    });
  });

  it('warns from the moment 80% of the target has elapsed (R004-07 label within 4 hours → warn at 3h12m)', () => {
    const clock = startClock({ kind: 'label_sent', target: FOUR_BUSINESS_HOURS, at: MONDAY_0900 });
    expect(evaluateClock(clock, d('2026-01-12T12:11:00Z'), office).warning).toBe(false);
    expect(evaluateClock(clock, d('2026-01-12T12:12:00Z'), office).warning).toBe(true);
  });

  it('the warning fraction is configurable per target', () => {
    const clock = startClock({ kind: 'label_sent', target: { ...FOUR_BUSINESS_HOURS, warnFraction: 0.5 }, at: MONDAY_0900 });
    expect(evaluateClock(clock, MONDAY_0900, office).warnAt).toBe('2026-01-12T11:00:00.000Z');
  });

  it('is breached once now is past the due instant, and stays breached after hours', () => {
    const clock = startClock({ kind: 'label_sent', target: FOUR_BUSINESS_HOURS, at: MONDAY_0900 });
    expect(evaluateClock(clock, d('2026-01-12T13:00:00Z'), office).state).toBe('running');
    const late = evaluateClock(clock, d('2026-01-12T18:00:00Z'), office);
    expect(late).toMatchObject({ state: 'breached', breachedAt: '2026-01-12T13:00:00.000Z', overdueMinutes: 240, warning: false });
  });

  it('started on a Saturday, business time counts from Monday 09:00', () => {
    const clock = startClock({ kind: 'first_response', target: { minutes: 30, basis: 'business' }, at: d('2026-01-10T10:00:00Z') });
    expect(evaluateClock(clock, d('2026-01-10T11:00:00Z'), office).dueAt).toBe('2026-01-12T09:30:00.000Z');
  });

  it('a calendar-time target ignores business hours (P3 within 24 hours, R001-13)', () => {
    const clock = startClock({ kind: 'resolution', target: { minutes: 1440, basis: 'calendar' }, at: d('2026-01-09T16:00:00Z') });
    expect(evaluateClock(clock, d('2026-01-09T16:00:00Z'), office).dueAt).toBe('2026-01-10T16:00:00.000Z');
  });

  it('rejects targets of zero minutes, unknown bases and unknown kinds', () => {
    expect(() => startClock({ kind: 'resolution', target: { minutes: 0, basis: 'business' }, at: MONDAY_0900 })).toThrow(/target\.minutes/);
    expect(() => startClock({ kind: 'resolution', target: { minutes: 5, basis: 'weekly' as 'business' }, at: MONDAY_0900 })).toThrow(/target\.basis/);
    expect(() => startClock({ kind: 'nap' as 'resolution', target: FOUR_BUSINESS_HOURS, at: MONDAY_0900 })).toThrow(DomainError);
  });
});

describe('pausing', () => {
  it('paused business time is not counted: 4h from 09:00 paused 10:00–12:00 is due at 15:00', () => {
    let clock = startClock({ kind: 'resolution', target: FOUR_BUSINESS_HOURS, at: MONDAY_0900 });
    clock = applyCaseStatus(clock, 'pending_customer', d('2026-01-12T10:00:00Z'));
    clock = applyCaseStatus(clock, 'open', d('2026-01-12T12:00:00Z'));
    const evaluation = evaluateClock(clock, d('2026-01-12T14:00:00Z'), office);
    expect(evaluation).toMatchObject({ state: 'running', dueAt: '2026-01-12T15:00:00.000Z', elapsedMinutes: 180 });
  });

  it('while paused there is no due instant and elapsed time is frozen', () => {
    let clock = startClock({ kind: 'resolution', target: FOUR_BUSINESS_HOURS, at: MONDAY_0900 });
    clock = pauseClock(clock, d('2026-01-12T10:00:00Z'));
    const evaluation = evaluateClock(clock, d('2026-01-14T10:00:00Z'), office);
    expect(evaluation).toMatchObject({ state: 'paused', paused: true, dueAt: null, elapsedMinutes: 60, remainingMinutes: 180 });
  });

  it('a pause over the night only removes the business minutes inside it', () => {
    let clock = startClock({ kind: 'resolution', target: FOUR_BUSINESS_HOURS, at: d('2026-01-12T15:00:00Z') });
    clock = pauseClock(clock, d('2026-01-12T16:00:00Z')); // 60 counted
    clock = resumeClock(clock, d('2026-01-13T10:00:00Z')); // pause covered 16:00–17:00 and 09:00–10:00
    expect(evaluateClock(clock, d('2026-01-13T10:00:00Z'), office).dueAt).toBe('2026-01-13T13:00:00.000Z');
  });

  it('pending_supplier pauses by default; the pausing statuses are configurable', () => {
    const clock = startClock({ kind: 'resolution', target: FOUR_BUSINESS_HOURS, at: MONDAY_0900 });
    expect(evaluateClock(applyCaseStatus(clock, 'pending_supplier', d('2026-01-12T10:00:00Z')), d('2026-01-12T11:00:00Z'), office).paused).toBe(true);
    const custom = applyCaseStatus(clock, 'pending_supplier', d('2026-01-12T10:00:00Z'), ['awaiting_carrier']);
    expect(evaluateClock(custom, d('2026-01-12T11:00:00Z'), office).paused).toBe(false);
    const carrier = applyCaseStatus(clock, 'awaiting_carrier', d('2026-01-12T10:00:00Z'), ['awaiting_carrier']);
    expect(evaluateClock(carrier, d('2026-01-12T11:00:00Z'), office).paused).toBe(true);
  });

  it('repeated pause or resume events change nothing; events may not go back in time', () => {
    const clock = pauseClock(startClock({ kind: 'resolution', target: FOUR_BUSINESS_HOURS, at: MONDAY_0900 }), d('2026-01-12T10:00:00Z'));
    expect(pauseClock(clock, d('2026-01-12T11:00:00Z'))).toBe(clock);
    const resumed = resumeClock(clock, d('2026-01-12T11:00:00Z'));
    expect(resumeClock(resumed, d('2026-01-12T12:00:00Z'))).toBe(resumed);
    expect(() => pauseClock(resumed, d('2026-01-12T10:30:00Z'))).toThrow(/before the clock's last event/);
  });

  it('a clock breached before its pause reports breached (and paused)', () => {
    let clock = startClock({ kind: 'resolution', target: { minutes: 60, basis: 'business' }, at: MONDAY_0900 });
    clock = pauseClock(clock, d('2026-01-12T11:00:00Z'));
    expect(evaluateClock(clock, d('2026-01-12T12:00:00Z'), office)).toMatchObject({
      state: 'breached', paused: true, breachedAt: '2026-01-12T10:00:00.000Z', dueAt: '2026-01-12T10:00:00.000Z',
    });
  });
});

describe('meeting', () => {
  it('met before due → met, no breach', () => {
    const clock = meetClock(startClock({ kind: 'first_response', target: FOUR_BUSINESS_HOURS, at: MONDAY_0900 }), d('2026-01-12T12:00:00Z'), office);
    expect(evaluateClock(clock, d('2026-01-13T12:00:00Z'), office)).toMatchObject({
      state: 'met', metAt: '2026-01-12T12:00:00.000Z', breachedAt: null, elapsedMinutes: 180,
    });
    expect(clock.breachedAt).toBeUndefined();
  });

  it('met exactly at the due instant is on time', () => {
    const clock = meetClock(startClock({ kind: 'first_response', target: FOUR_BUSINESS_HOURS, at: MONDAY_0900 }), d('2026-01-12T13:00:00Z'), office);
    expect(evaluateClock(clock, d('2026-01-12T13:00:00Z'), office).breachedAt).toBeNull();
  });

  it('met after due → breached, then met: the breach is recorded on the clock', () => {
    const clock = meetClock(startClock({ kind: 'first_response', target: FOUR_BUSINESS_HOURS, at: MONDAY_0900 }), d('2026-01-12T15:00:00Z'), office);
    expect(clock.breachedAt).toBe('2026-01-12T13:00:00.000Z');
    expect(evaluateClock(clock, d('2026-01-12T16:00:00Z'), office)).toMatchObject({ state: 'met', overdueMinutes: 120 });
  });

  it('meeting a paused clock closes the pause; the first meeting wins', () => {
    let clock = pauseClock(startClock({ kind: 'resolution', target: FOUR_BUSINESS_HOURS, at: MONDAY_0900 }), d('2026-01-12T10:00:00Z'));
    clock = meetClock(clock, d('2026-01-12T11:00:00Z'), office);
    expect(clock.pauses).toEqual([{ from: '2026-01-12T10:00:00.000Z', to: '2026-01-12T11:00:00.000Z' }]);
    expect(meetClock(clock, d('2026-01-12T12:00:00Z'), office)).toBe(clock);
    expect(pauseClock(clock, d('2026-01-12T12:00:00Z'))).toBe(clock);
  });
});

describe('retargeting and calendar changes', () => {
  const P3: SlaTarget = { minutes: 1440, basis: 'calendar' }; // R001-13 P3 within 24 hours
  const P1: SlaTarget = { minutes: 60, basis: 'business' }; // R001-13 P1 immediately (policy: 1 business hour)

  it('retarget from P3 to P1 moves dueAt earlier', () => {
    const clock = startClock({ kind: 'resolution', target: P3, at: MONDAY_0900 });
    expect(evaluateClock(clock, MONDAY_0900, office).dueAt).toBe('2026-01-13T09:00:00.000Z');
    const urgent = retarget(clock, P1, d('2026-01-12T09:10:00Z'), office);
    expect(evaluateClock(urgent, d('2026-01-12T09:10:00Z'), office).dueAt).toBe('2026-01-12T10:00:00.000Z');
  });

  it('a stricter target that is already exceeded breaches at once', () => {
    const clock = retarget(startClock({ kind: 'resolution', target: P3, at: MONDAY_0900 }), P1, d('2026-01-12T11:00:00Z'), office);
    expect(evaluateClock(clock, d('2026-01-12T11:00:00Z'), office)).toMatchObject({ state: 'breached', breachedAt: '2026-01-12T10:00:00.000Z' });
  });

  it('a breach of the old target survives a looser new target', () => {
    const clock = retarget(startClock({ kind: 'resolution', target: P1, at: MONDAY_0900 }), P3, d('2026-01-12T11:00:00Z'), office);
    expect(clock.breachedAt).toBe('2026-01-12T10:00:00.000Z');
    expect(evaluateClock(clock, d('2026-01-12T11:00:00Z'), office)).toMatchObject({ state: 'breached', dueAt: '2026-01-13T09:00:00.000Z' });
  });

  it('the due instant follows the calendar passed in: a new holiday pushes it a day', () => {
    const clock = startClock({ kind: 'resolution', target: FOUR_BUSINESS_HOURS, at: d('2026-01-09T15:00:00Z') });
    expect(evaluateClock(clock, d('2026-01-09T15:00:00Z'), office).dueAt).toBe('2026-01-12T11:00:00.000Z');
    const withHoliday = createBusinessCalendar({ ...office.spec, holidays: ['2026-01-12'] });
    expect(evaluateClock(clock, d('2026-01-09T15:00:00Z'), withHoliday).dueAt).toBe('2026-01-13T11:00:00.000Z');
  });

  it('recordBreach stores a breach that has happened and leaves on-time clocks alone', () => {
    const clock = startClock({ kind: 'resolution', target: P1, at: MONDAY_0900 });
    expect(recordBreach(clock, d('2026-01-12T09:30:00Z'), office)).toBe(clock);
    expect(recordBreach(clock, d('2026-01-12T10:30:00Z'), office).breachedAt).toBe('2026-01-12T10:00:00.000Z');
  });
});
