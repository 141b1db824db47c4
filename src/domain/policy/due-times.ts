import type { BusinessCalendar } from '../calendar/business-calendar.js';
import type { Decision } from './case-facts.js';
import type { CompiledPolicy } from './compile-policy.js';
import type { SlaTarget } from './policy-model.js';
import { DUE_FIELDS } from './policy-model.js';
import type { Channel, Priority } from './vocabulary.js';

/**
 * Due instants from the SLA targets of the decided priority (R001-12, R001-13, R004-01). A channel
 * target (chat answered in 30 s) caps the priority's: the earlier of the two wins. Business-time
 * targets go through the calendar; calendar-time ones are plain arithmetic and need none.
 */
export function dueTimes(
  policy: CompiledPolicy,
  priority: Priority,
  channel: Channel | undefined,
  nowMs: number,
  calendar: () => BusinessCalendar,
): Decision['due'] {
  const byPriority = policy.sla[priority];
  const byChannel = channel === undefined ? undefined : policy.channelSla[channel];
  const due: Decision['due'] = {};
  let first: number | undefined;
  for (const field of DUE_FIELDS) {
    const a = byPriority[field];
    const b = byChannel?.[field];
    let at = a === undefined ? undefined : instant(a, nowMs, calendar);
    if (b !== undefined) {
      const capped = instant(b, nowMs, calendar);
      at = at === undefined ? capped : Math.min(at, capped);
    }
    if (at === undefined) continue;
    if (field === 'firstResponse') first = at;
    // A resolution can never be due before the first response ("same day" at 16:55 with a 1-hour
    // first response would otherwise be due first).
    else if (field === 'resolution' && first !== undefined && at < first) at = first;
    due[field] = formatInstant(at);
  }
  return due;
}

function instant(target: SlaTarget, nowMs: number, calendar: () => BusinessCalendar): number {
  if ('calendarMinutes' in target) return nowMs + Math.round(target.calendarMinutes * 60_000);
  if ('businessMinutes' in target) return calendar().addBusinessMinutes(new Date(nowMs), target.businessMinutes).getTime();
  return calendar().addBusinessDays(new Date(nowMs), target.businessDays).getTime();
}

/**
 * UTC ISO 8601 without a zero millisecond part, as decision.md writes instants ("…T15:30:00Z").
 * Hand-rolled (civil-from-days) because Date#toISOString dominated a decision's cost.
 */
export function formatInstant(ms: number): string {
  const days = Math.floor(ms / 86_400_000);
  let rest = ms - days * 86_400_000;
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const milli = rest - second * 1000;
  // Howard Hinnant's days → (year, month, day) for the proleptic Gregorian calendar.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) return new Date(ms).toISOString();
  const time = `${two(hour)}:${two(minute)}:${two(second)}`;
  return `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}T${time}${milli === 0 ? '' : `.${String(milli).padStart(3, '0')}`}Z`;
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));
