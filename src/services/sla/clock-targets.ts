import type { BusinessCalendar } from '../../domain/calendar/business-calendar.js';
import { calendarTime } from '../../domain/calendar/calendar-time.js';
import type { DueField, SlaTarget as PolicyTarget } from '../../domain/policy/policy-model.js';
import type { Channel, Priority } from '../../domain/policy/vocabulary.js';
import { DEFAULT_WARN_FRACTION, type SlaTarget } from '../../domain/sla/sla-clock.js';
import type { SlaPolicy } from './sla-policy.js';

/** The case clocks the policy's `sla` section sets targets for (R001-12, R001-13, R004-01). */
export const CASE_CLOCK_KINDS = ['first_response', 'next_response', 'resolution'] as const;
export type CaseClockKind = (typeof CASE_CLOCK_KINDS)[number];

const FIELD: Record<CaseClockKind, DueField> = { first_response: 'firstResponse', next_response: 'nextResponse', resolution: 'resolution' };

/** A target under a second is "at once"; clocks need a positive target. */
const MIN_MINUTES = 1 / 60;

function withWarn(target: SlaTarget, warnFraction: number): SlaTarget {
  return warnFraction === DEFAULT_WARN_FRACTION ? target : { ...target, warnFraction };
}

/**
 * A policy target as a clock target counted from `start`. "businessDays: N" (end of the working
 * day N business days on) becomes the business minutes from `start` to that close, so a pause
 * pushes the due instant by the business time it lasted, like any business-minute target.
 */
export function toClockTarget(target: PolicyTarget, start: Date, calendar: BusinessCalendar): SlaTarget {
  if ('calendarMinutes' in target) return { minutes: Math.max(MIN_MINUTES, target.calendarMinutes), basis: 'calendar' };
  if ('businessMinutes' in target) return { minutes: Math.max(MIN_MINUTES, target.businessMinutes), basis: 'business' };
  const close = calendar.addBusinessDays(start, target.businessDays);
  return { minutes: Math.max(MIN_MINUTES, calendar.businessMinutesBetween(start, close)), basis: 'business' };
}

function dueFrom(target: SlaTarget, start: Date, calendar: BusinessCalendar): number {
  const counting = target.basis === 'business' ? calendar : calendarTime(calendar.spec.timeZone);
  return counting.addBusinessMinutes(start, target.minutes).getTime();
}

function ownTarget(policy: SlaPolicy, kind: CaseClockKind, priority: Priority, channel: Channel | null, start: Date, calendar: BusinessCalendar) {
  const field = FIELD[kind];
  const candidates = [policy.sla.priorities[priority]?.[field], channel ? policy.sla.channels[channel]?.[field] : undefined]
    .filter((t): t is PolicyTarget => t !== undefined)
    .map((t) => toClockTarget(t, start, calendar));
  if (candidates.length === 0) return null;
  // A channel target caps the priority's: the earlier due instant wins (as in the policy's due times).
  return candidates.reduce((best, t) => (dueFrom(t, start, calendar) < dueFrom(best, start, calendar) ? t : best));
}

/**
 * The clock target for a kind at a priority and channel, counted from `start`; null when the
 * policy sets none. As with the decision's due times, a resolution is never due before the first
 * response.
 */
export function clockTarget(
  policy: SlaPolicy,
  kind: CaseClockKind,
  priority: Priority,
  channel: Channel | null,
  start: Date,
  calendar: BusinessCalendar,
): SlaTarget | null {
  let target = ownTarget(policy, kind, priority, channel, start, calendar);
  if (target && kind === 'resolution') {
    const first = ownTarget(policy, 'first_response', priority, channel, start, calendar);
    if (first && dueFrom(target, start, calendar) < dueFrom(first, start, calendar)) target = first;
  }
  return target && withWarn(target, policy.breach.warnFraction);
}
