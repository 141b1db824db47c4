// Derives a clock's state, due and warning instants from its recorded facts, and the transitions that
// need them (meeting, retargeting, recording a breach). Elapsed time is counted in the target's basis
// — business minutes of the given calendar, or every minute — and never while the clock is paused.

import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { calendarTime } from '../calendar/calendar-time.js';
import {
  DEFAULT_WARN_FRACTION, checkNotBefore, checkTarget, isPaused, toInstant,
  type ClockKind, type SlaClock, type SlaTarget,
} from './sla-clock.js';

export type ClockState = 'running' | 'paused' | 'met' | 'breached';

export interface ClockEvaluation {
  kind: ClockKind;
  /** met wins over breached (a late clock that was met reports met with breachedAt set); breached wins over paused. */
  state: ClockState;
  paused: boolean;
  /** The warning instant has passed and the clock is neither met nor breached. */
  warning: boolean;
  /** null while paused before coming due: a paused clock cannot come due until it resumes. */
  dueAt: string | null;
  warnAt: string | null;
  /** Minutes in the target's basis, counted up to `now` or to metAt. */
  elapsedMinutes: number;
  remainingMinutes: number;
  overdueMinutes: number;
  breachedAt: string | null;
  metAt: string | null;
}

/** Running stretches of the clock: from start to the first pause, from each resume to the next pause. */
function activeSegments(clock: SlaClock): { from: number; to: number }[] {
  const segments: { from: number; to: number }[] = [];
  let from = Date.parse(clock.startedAt);
  for (const pause of clock.pauses) {
    segments.push({ from, to: Date.parse(pause.from) });
    if (pause.to === undefined) return segments;
    from = Date.parse(pause.to);
  }
  segments.push({ from, to: Number.POSITIVE_INFINITY });
  return segments;
}

function basisCalendar(target: SlaTarget, calendar: BusinessCalendar): BusinessCalendar {
  return target.basis === 'business' ? calendar : calendarTime(calendar.spec.timeZone);
}

/** The instant at which `minutes` of running time have elapsed, or undefined when a pause comes first. */
function instantAfterRunning(clock: SlaClock, minutes: number, calendar: BusinessCalendar): number | undefined {
  let remaining = minutes;
  for (const segment of activeSegments(clock)) {
    if (segment.to === Number.POSITIVE_INFINITY) return calendar.addBusinessMinutes(new Date(segment.from), remaining).getTime();
    const available = calendar.businessMinutesBetween(new Date(segment.from), new Date(segment.to));
    if (remaining <= available) return calendar.addBusinessMinutes(new Date(segment.from), remaining).getTime();
    remaining -= available;
  }
  return undefined;
}

function runningMinutesUntil(clock: SlaClock, until: number, calendar: BusinessCalendar): number {
  let total = 0;
  for (const segment of activeSegments(clock)) {
    const end = Math.min(segment.to, until);
    if (end > segment.from) total += calendar.businessMinutesBetween(new Date(segment.from), new Date(end));
  }
  return Math.round(total * 1000) / 1000;
}

const iso = (ms: number | undefined): string | null => (ms === undefined ? null : new Date(ms).toISOString());

/** `now` is expected at or after the clock's last recorded event. */
export function evaluateClock(clock: SlaClock, now: Date, calendar: BusinessCalendar): ClockEvaluation {
  const nowMs = Date.parse(toInstant(now, 'now'));
  const counting = basisCalendar(clock.target, calendar);
  const { minutes } = clock.target;
  const dueMs = instantAfterRunning(clock, minutes, counting);
  const warnMs = instantAfterRunning(clock, minutes * (clock.target.warnFraction ?? DEFAULT_WARN_FRACTION), counting);
  const metMs = clock.metAt === undefined ? undefined : Date.parse(clock.metAt);
  const elapsed = runningMinutesUntil(clock, metMs ?? nowMs, counting);

  const lateAt = metMs ?? nowMs;
  const breachedNow = dueMs !== undefined && lateAt > dueMs;
  const breachedAt = clock.breachedAt ?? (breachedNow ? iso(dueMs) : null);
  const paused = metMs === undefined && isPaused(clock);
  let state: ClockState;
  if (metMs !== undefined) state = 'met';
  else if (breachedAt !== null) state = 'breached';
  else if (paused) state = 'paused';
  else state = 'running';

  return {
    kind: clock.kind,
    state,
    paused,
    warning: (state === 'running' || state === 'paused') && warnMs !== undefined && nowMs >= warnMs,
    dueAt: iso(dueMs),
    warnAt: iso(warnMs),
    elapsedMinutes: elapsed,
    remainingMinutes: Math.max(0, Math.round((minutes - elapsed) * 1000) / 1000),
    overdueMinutes: Math.max(0, Math.round((elapsed - minutes) * 1000) / 1000),
    breachedAt,
    metAt: clock.metAt ?? null,
  };
}

/** Stores a breach that has happened by `now`, so that no later retarget or calendar change can erase it. */
export function recordBreach(clock: SlaClock, now: Date, calendar: BusinessCalendar): SlaClock {
  if (clock.breachedAt !== undefined || clock.metAt !== undefined) return clock;
  const { breachedAt } = evaluateClock(clock, now, calendar);
  return breachedAt === null ? clock : { ...clock, breachedAt };
}

/**
 * Meets the clock at `at` (the first meeting wins). A clock met while paused closes its pause; a
 * clock met after its due instant keeps the breach on record: breached, then met.
 */
export function meetClock(clock: SlaClock, at: Date, calendar: BusinessCalendar): SlaClock {
  if (clock.metAt !== undefined) return clock;
  const metAt = checkNotBefore(clock, at);
  const pauses = isPaused(clock)
    ? [...clock.pauses.slice(0, -1), { from: clock.pauses[clock.pauses.length - 1]!.from, to: metAt }]
    : clock.pauses;
  const met: SlaClock = { ...clock, pauses, metAt };
  const { breachedAt } = evaluateClock(met, at, calendar);
  return breachedAt === null ? met : { ...met, breachedAt };
}

/**
 * A new target from `at` on, e.g. after a priority change (P3 → P1 moves the due instant earlier; it
 * may already be past). A breach of the old target by `at` stays recorded. Met clocks are final.
 */
export function retarget(clock: SlaClock, target: SlaTarget, at: Date, calendar: BusinessCalendar): SlaClock {
  if (clock.metAt !== undefined) return clock;
  const checked = checkTarget(target);
  checkNotBefore(clock, at);
  return { ...recordBreach(clock, at, calendar), target: checked };
}
