import { describe, expect, it } from 'vitest';
import { calendarTime } from '../calendar/calendar-time.js';
import { evaluateClock } from './evaluate-clock.js';
import { onAgentReply, onCustomerMessage } from './next-response.js';
import { startClock } from './sla-clock.js';

const d = (iso: string): Date => new Date(iso);
const always = calendarTime();
const EMAIL_4H = { minutes: 240, basis: 'calendar' as const }; // R004-01 email response within 4 hours

describe('next-response clock (R004-01)', () => {
  it('restarts with each customer message after an agent reply', () => {
    let clock = startClock({ kind: 'next_response', target: EMAIL_4H, at: d('2026-01-12T09:00:00Z') });
    clock = onAgentReply(clock, d('2026-01-12T10:00:00Z'), always);
    expect(evaluateClock(clock, d('2026-01-12T10:00:00Z'), always).state).toBe('met');
    clock = onCustomerMessage(clock, d('2026-01-12T15:00:00Z'));
    expect(evaluateClock(clock, d('2026-01-12T15:00:00Z'), always)).toMatchObject({
      state: 'running', dueAt: '2026-01-12T19:00:00.000Z', metAt: null,
    });
  });

  it('a second customer message before any reply does not push the due time later', () => {
    const clock = startClock({ kind: 'next_response', target: EMAIL_4H, at: d('2026-01-12T09:00:00Z') });
    const again = onCustomerMessage(clock, d('2026-01-12T11:00:00Z'));
    expect(again).toBe(clock);
    expect(evaluateClock(again, d('2026-01-12T11:00:00Z'), always).dueAt).toBe('2026-01-12T13:00:00.000Z');
  });

  it('a late reply is recorded as breached, and the next cycle starts clean', () => {
    let clock = startClock({ kind: 'next_response', target: EMAIL_4H, at: d('2026-01-12T09:00:00Z') });
    clock = onAgentReply(clock, d('2026-01-12T14:00:00Z'), always);
    expect(clock.breachedAt).toBe('2026-01-12T13:00:00.000Z');
    const next = onCustomerMessage(clock, d('2026-01-12T15:00:00Z'));
    expect(next.breachedAt).toBeUndefined();
    expect(next.startedAt).toBe('2026-01-12T15:00:00.000Z');
  });

  it('only applies to next_response clocks', () => {
    const clock = startClock({ kind: 'first_response', target: EMAIL_4H, at: d('2026-01-12T09:00:00Z') });
    expect(() => onCustomerMessage(clock, d('2026-01-12T10:00:00Z'))).toThrow(/next_response/);
  });
});
