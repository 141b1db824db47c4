import { describe, expect, it } from 'vitest';
import { calendarTime } from '../calendar/calendar-time.js';
import { readClock } from './clock-codec.js';
import { evaluateClock, meetClock } from './evaluate-clock.js';
import { pauseClock, resumeClock, startClock } from './sla-clock.js';

const d = (iso: string): Date => new Date(iso);

describe('clocks are plain serialisable data', () => {
  it('a clock survives a JSON round trip and evaluates the same', () => {
    let clock = startClock({ kind: 'refund_processing', target: { minutes: 3 * 1440, basis: 'calendar', warnFraction: 0.9 }, at: d('2026-01-12T09:00:00Z') });
    clock = resumeClock(pauseClock(clock, d('2026-01-12T10:00:00Z')), d('2026-01-12T11:00:00Z'));
    clock = meetClock(clock, d('2026-01-14T09:00:00Z'), calendarTime());
    const restored = readClock(JSON.parse(JSON.stringify(clock)));
    expect(restored).toEqual(clock);
    const now = d('2026-01-20T00:00:00Z');
    expect(evaluateClock(restored, now, calendarTime())).toEqual(evaluateClock(clock, now, calendarTime()));
  });

  it('accepts null for absent fields, as a database row gives them', () => {
    const clock = readClock({
      kind: 'resolution', target: { minutes: 60, basis: 'business' }, startedAt: '2026-01-12T09:00:00Z',
      pauses: [{ from: '2026-01-12T09:30:00Z', to: null }], metAt: null, breachedAt: null,
    });
    expect(clock).toEqual({
      kind: 'resolution', target: { minutes: 60, basis: 'business' }, startedAt: '2026-01-12T09:00:00.000Z',
      pauses: [{ from: '2026-01-12T09:30:00.000Z' }],
    });
  });

  it('rejects corrupt clocks, naming the field', () => {
    const base = { kind: 'resolution', target: { minutes: 60, basis: 'business' }, startedAt: '2026-01-12T09:00:00Z', pauses: [] };
    expect(() => readClock({ ...base, kind: 'coffee' })).toThrow(/clock\.kind/);
    expect(() => readClock({ ...base, startedAt: 'yesterday' })).toThrow(/clock\.startedAt/);
    expect(() => readClock({ ...base, target: { minutes: -1, basis: 'business' } })).toThrow(/clock\.target\.minutes/);
    expect(() => readClock({ ...base, pauses: [{ from: '2026-01-12T09:30:00Z' }, { from: '2026-01-12T09:40:00Z', to: '2026-01-12T09:50:00Z' }] }))
      .toThrow(/clock\.pauses\[0\]\.to/);
    expect(() => readClock({ ...base, pauses: [{ from: '2026-01-12T08:00:00Z', to: '2026-01-12T09:50:00Z' }] })).toThrow(/pauses\[0\]\.from/);
    expect(() => readClock({ ...base, pauses: [{ from: '2026-01-12T09:30:00Z' }], metAt: '2026-01-12T10:00:00Z' })).toThrow(/clock\.metAt/);
  });
});
