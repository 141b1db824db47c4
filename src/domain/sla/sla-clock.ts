// SLA clocks as plain, serialisable data (stored as rows/JSON) with pure transitions. A clock only
// records facts — when it started, when it was paused and resumed, when it was met, when a breach was
// recorded; its due instant is always derived (evaluate-clock.ts), so a priority change or a new
// calendar simply recomputes it.

import { invalidInput } from '../errors.js';

/**
 * Clock kinds. first/next response and resolution are the case clocks of R001-12, R001-13 and
 * R004-01; the rest are the named targets of the seeds.
 */
export const CLOCK_KINDS = [
  'first_response', // R004-01 (chat/email initial response), R001-12 (respond to CS within 30 minutes)
  'next_response', // R004-01 follow-up; restarts on each customer message (next-response.ts)
  'resolution', // R001-13 P1 immediately, P2 same day, P3 within 24 hours
  'follow_up', // R004-08 follow up with the customer within 24 hours of a supervisor escalation
  'rma_confirmation', // R004-07 confirmation email with the RMA within 1 hour
  'label_sent', // R004-07 return label within 4 hours
  'refund_processing', // R004-05 3–5 business days after the return is received
  'evidence_due', // R000-08 chargeback evidence deadline set by the platform
  'store_pickup_ready', // R001-09 store pickup ready within 2 hours
] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

/** business: counted in the policy's business calendar; calendar: every minute counts. */
export const TIME_BASES = ['business', 'calendar'] as const;
export type TimeBasis = (typeof TIME_BASES)[number];

/** The warning fires when this share of the target has elapsed unless the target says otherwise. */
export const DEFAULT_WARN_FRACTION = 0.8;

/** Case statuses that stop the clock by default: the ball is in someone else's court. */
export const DEFAULT_PAUSING_STATUSES: readonly string[] = ['pending_customer', 'pending_supplier'];

export interface SlaTarget {
  minutes: number;
  basis: TimeBasis;
  /** Share of the target after which the clock warns, 0 < f < 1; default DEFAULT_WARN_FRACTION. */
  warnFraction?: number;
}

/** A pause interval; `to` is absent while the clock is paused. UTC ISO instants. */
export interface ClockPause {
  from: string;
  to?: string;
}

export interface SlaClock {
  kind: ClockKind;
  target: SlaTarget;
  startedAt: string;
  /** In time order; only the last one may be open. */
  pauses: ClockPause[];
  metAt?: string;
  /** The due instant of a breach once recorded; it survives a later, looser target. */
  breachedAt?: string;
}

export function checkTarget(target: SlaTarget, field = 'target'): SlaTarget {
  if (typeof target !== 'object' || target === null) throw invalidInput(field, 'must be {minutes, basis}');
  if (!Number.isFinite(target.minutes) || target.minutes <= 0) {
    throw invalidInput(`${field}.minutes`, `must be a number of minutes > 0, got ${String(target.minutes)}`);
  }
  if (!TIME_BASES.includes(target.basis)) throw invalidInput(`${field}.basis`, `must be one of ${TIME_BASES.join(', ')}`);
  if (target.warnFraction !== undefined && !(target.warnFraction > 0 && target.warnFraction < 1)) {
    throw invalidInput(`${field}.warnFraction`, `must be between 0 and 1 exclusive, got ${String(target.warnFraction)}`);
  }
  return {
    minutes: target.minutes,
    basis: target.basis,
    ...(target.warnFraction !== undefined ? { warnFraction: target.warnFraction } : {}),
  };
}

export function toInstant(at: Date, field = 'at'): string {
  if (!(at instanceof Date) || !Number.isFinite(at.getTime())) throw invalidInput(field, 'must be a valid instant');
  return at.toISOString();
}

export function isPaused(clock: SlaClock): boolean {
  const last = clock.pauses[clock.pauses.length - 1];
  return last !== undefined && last.to === undefined;
}

/** The latest instant recorded on the clock; transitions may not go back before it. */
function lastEventMs(clock: SlaClock): number {
  let last = Date.parse(clock.startedAt);
  for (const pause of clock.pauses) last = Math.max(last, Date.parse(pause.to ?? pause.from));
  if (clock.metAt) last = Math.max(last, Date.parse(clock.metAt));
  return last;
}

export function checkNotBefore(clock: SlaClock, at: Date, field = 'at'): string {
  const iso = toInstant(at, field);
  if (at.getTime() < lastEventMs(clock)) {
    throw invalidInput(field, `${iso} is before the clock's last event ${new Date(lastEventMs(clock)).toISOString()}`);
  }
  return iso;
}

export function startClock(input: { kind: ClockKind; target: SlaTarget; at: Date }): SlaClock {
  if (!CLOCK_KINDS.includes(input.kind)) throw invalidInput('kind', `unknown clock kind ${String(input.kind)}`);
  return { kind: input.kind, target: checkTarget(input.target), startedAt: toInstant(input.at), pauses: [] };
}

/** Pausing a paused or met clock changes nothing (status events may repeat). */
export function pauseClock(clock: SlaClock, at: Date): SlaClock {
  if (clock.metAt !== undefined || isPaused(clock)) return clock;
  return { ...clock, pauses: [...clock.pauses, { from: checkNotBefore(clock, at) }] };
}

/** Resuming a running or met clock changes nothing. */
export function resumeClock(clock: SlaClock, at: Date): SlaClock {
  if (clock.metAt !== undefined || !isPaused(clock)) return clock;
  const to = checkNotBefore(clock, at);
  const pauses = clock.pauses.slice(0, -1);
  return { ...clock, pauses: [...pauses, { from: clock.pauses[clock.pauses.length - 1]!.from, to }] };
}

/**
 * Follows a case status change: statuses in `pausingStatuses` (default pending_customer and
 * pending_supplier) pause the clock, any other status lets it run.
 */
export function applyCaseStatus(
  clock: SlaClock,
  status: string,
  at: Date,
  pausingStatuses: readonly string[] = DEFAULT_PAUSING_STATUSES,
): SlaClock {
  return pausingStatuses.includes(status) ? pauseClock(clock, at) : resumeClock(clock, at);
}

/** A fresh cycle of the same clock from `at` (history of the previous cycle is the caller's to keep). */
export function restartClock(clock: SlaClock, at: Date, target: SlaTarget = clock.target): SlaClock {
  return { kind: clock.kind, target: checkTarget(target), startedAt: toInstant(at), pauses: [] };
}
