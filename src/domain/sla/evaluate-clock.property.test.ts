// Clock invariants over random pause/resume histories on a New York office calendar.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WorkingWindow } from '../calendar/business-calendar.js';
import { createBusinessCalendar } from '../calendar/create-business-calendar.js';
import { evaluateClock } from './evaluate-clock.js';
import { pauseClock, resumeClock, startClock, type SlaClock, type TimeBasis } from './sla-clock.js';

const MINUTE = 60_000;
const HOURS: WorkingWindow[] = [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '18:00' }];
const newYork = createBusinessCalendar({
  timeZone: 'America/New_York',
  week: { mon: HOURS, tue: HOURS, wed: HOURS, thu: HOURS, fri: HOURS },
  holidayPreset: 'US',
});

const historyArb: fc.Arbitrary<History> = fc.record({
  start: fc.integer({ min: Date.parse('2026-01-01T00:00:00Z') / MINUTE, max: Date.parse('2027-01-01T00:00:00Z') / MINUTE }),
  minutes: fc.integer({ min: 1, max: 5 * 1440 }),
  basis: fc.constantFrom<TimeBasis>('business', 'calendar'),
  gaps: fc.array(fc.integer({ min: 0, max: 3 * 1440 }), { maxLength: 6 }),
});

/** Alternating pause and resume events separated by the given gaps (minutes). */
interface History {
  start: number;
  minutes: number;
  basis: TimeBasis;
  gaps: number[];
}

function build({ start, minutes, basis, gaps }: History): { clock: SlaClock; plain: SlaClock; last: number } {
  const plain = startClock({ kind: 'resolution', target: { minutes, basis }, at: new Date(start * MINUTE) });
  let clock = plain;
  let t = start * MINUTE;
  gaps.forEach((gap, i) => {
    t += gap * MINUTE;
    clock = i % 2 === 0 ? pauseClock(clock, new Date(t)) : resumeClock(clock, new Date(t));
  });
  return { clock, plain, last: t };
}

describe('SLA clock invariants (property tests)', () => {
  it('pauses never make a clock due earlier than the same clock without pauses', () => {
    fc.assert(fc.property(historyArb, (history) => {
      const { clock, plain, last } = build(history);
      const now = new Date(last);
      const paused = evaluateClock(clock, now, newYork).dueAt;
      const unpaused = evaluateClock(plain, now, newYork).dueAt!;
      if (paused !== null) expect(Date.parse(paused)).toBeGreaterThanOrEqual(Date.parse(unpaused));
    }));
  });

  it('at its due instant a running clock has used exactly its target; before it, elapsed + remaining = target', () => {
    fc.assert(fc.property(historyArb, fc.integer({ min: 0, max: 10 * 1440 }), (history, later) => {
      const { clock, last } = build({ ...history, gaps: history.gaps.length % 2 === 0 ? history.gaps : history.gaps.slice(1) });
      const due = evaluateClock(clock, new Date(last), newYork).dueAt!;
      const atDue = new Date(Math.max(Date.parse(due), last));
      const evaluation = evaluateClock(clock, atDue, newYork);
      if (Date.parse(due) >= last) expect(evaluation.elapsedMinutes).toBeCloseTo(history.minutes, 6);
      const now = new Date(last + later * MINUTE);
      const running = evaluateClock(clock, now, newYork);
      if (running.elapsedMinutes <= history.minutes) {
        expect(running.elapsedMinutes + running.remainingMinutes).toBeCloseTo(history.minutes, 6);
      }
      expect(running.state === 'breached').toBe(now.getTime() > Date.parse(due));
    }));
  });

  it('elapsed time never decreases as now moves forward', () => {
    fc.assert(fc.property(historyArb, fc.integer({ min: 0, max: 5 * 1440 }), fc.integer({ min: 0, max: 5 * 1440 }), (history, a, b) => {
      const { clock, last } = build(history);
      const [early, late] = a <= b ? [a, b] : [b, a];
      const first = evaluateClock(clock, new Date(last + early * MINUTE), newYork).elapsedMinutes;
      expect(evaluateClock(clock, new Date(last + late * MINUTE), newYork).elapsedMinutes).toBeGreaterThanOrEqual(first);
    }));
  });
});
