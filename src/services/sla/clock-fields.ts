import type { BusinessCalendar } from '../../domain/calendar/business-calendar.js';
import { evaluateClock } from '../../domain/sla/evaluate-clock.js';
import type { SlaClock } from '../../domain/sla/sla-clock.js';
import type { CaseClockFields, CaseClockRecord } from '../../store/repositories/case-clock.repository.js';

/**
 * The stored columns of a clock at `now`. `due_at`/`warn_at` are the instants of the *pending*
 * breach and warning jobs: a breach already handled in this cycle (breached_at set) or a warning
 * already sent (warned_at set) leaves nothing pending; a paused clock has nothing pending until it
 * resumes; a met clock never has. A breach that has happened but was not handled yet is pending
 * at its own instant, so the next sweep picks it up at once.
 */
export function clockFields(
  clock: SlaClock,
  previous: Pick<CaseClockRecord, 'clock' | 'warnedAt' | 'breachedAt'> | undefined,
  now: Date,
  calendar: BusinessCalendar,
): CaseClockFields {
  const evaluation = evaluateClock(clock, now, calendar);
  const sameCycle = previous !== undefined && (previous.clock as Partial<SlaClock> | null)?.startedAt === clock.startedAt;
  const breachHandled = sameCycle && previous.breachedAt !== null;
  const warnedAt = sameCycle ? previous.warnedAt : null;
  let dueAt: string | null = null;
  let warnAt: string | null = null;
  if (evaluation.state !== 'met' && !breachHandled) {
    dueAt = evaluation.breachedAt ?? evaluation.dueAt;
    if (warnedAt === null && evaluation.breachedAt === null) warnAt = evaluation.warnAt;
  }
  return {
    clock,
    state: evaluation.state,
    dueAt,
    warnAt,
    warnedAt,
    breachedAt: breachHandled ? previous.breachedAt : null,
  };
}

export function sameFields(a: CaseClockFields, b: CaseClockFields): boolean {
  return a.state === b.state && a.dueAt === b.dueAt && a.warnAt === b.warnAt && a.warnedAt === b.warnedAt
    && a.breachedAt === b.breachedAt && JSON.stringify(a.clock) === JSON.stringify(b.clock);
}
