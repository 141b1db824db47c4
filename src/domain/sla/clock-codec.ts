// Reading a clock back from storage (a JSON column or a row mapped to this shape): nothing read from
// outside is trusted, and a corrupt clock must fail loudly rather than compute a wrong due time.

import { invalidInput } from '../errors.js';
import { CLOCK_KINDS, checkTarget, type ClockKind, type ClockPause, type SlaClock, type SlaTarget } from './sla-clock.js';

function readInstant(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(value) || !Number.isFinite(Date.parse(value))) {
    throw invalidInput(field, 'must be a UTC ISO instant');
  }
  return new Date(value).toISOString();
}

export function readClock(value: unknown, field = 'clock'): SlaClock {
  if (typeof value !== 'object' || value === null) throw invalidInput(field, 'must be an object');
  const raw = value as Record<string, unknown>;
  if (!CLOCK_KINDS.includes(raw.kind as ClockKind)) throw invalidInput(`${field}.kind`, `unknown clock kind ${String(raw.kind)}`);
  const target = checkTarget(raw.target as SlaTarget, `${field}.target`);
  const startedAt = readInstant(raw.startedAt, `${field}.startedAt`);
  const rawPauses: unknown = raw.pauses;
  if (!Array.isArray(rawPauses)) throw invalidInput(`${field}.pauses`, 'must be a list');
  let previous = Date.parse(startedAt);
  const pauses: ClockPause[] = rawPauses.map((pause: unknown, index) => {
    const at = `${field}.pauses[${index}]`;
    if (typeof pause !== 'object' || pause === null) throw invalidInput(at, 'must be {from, to?}');
    const { from: rawFrom, to: rawTo } = pause as Record<string, unknown>;
    const from = readInstant(rawFrom, `${at}.from`);
    if (Date.parse(from) < previous) throw invalidInput(`${at}.from`, 'is before the previous event');
    if (rawTo === undefined || rawTo === null) {
      if (index !== rawPauses.length - 1) throw invalidInput(`${at}.to`, 'only the last pause may be open');
      previous = Date.parse(from);
      return { from };
    }
    const to = readInstant(rawTo, `${at}.to`);
    if (Date.parse(to) < Date.parse(from)) throw invalidInput(`${at}.to`, 'is before its start');
    previous = Date.parse(to);
    return { from, to };
  });
  const clock: SlaClock = { kind: raw.kind as ClockKind, target, startedAt, pauses };
  if (raw.metAt !== undefined && raw.metAt !== null) {
    clock.metAt = readInstant(raw.metAt, `${field}.metAt`);
    if (Date.parse(clock.metAt) < previous) throw invalidInput(`${field}.metAt`, 'is before the previous event');
    if (pauses.length > 0 && pauses[pauses.length - 1]!.to === undefined) throw invalidInput(`${field}.metAt`, 'a met clock cannot be paused');
  }
  if (raw.breachedAt !== undefined && raw.breachedAt !== null) clock.breachedAt = readInstant(raw.breachedAt, `${field}.breachedAt`);
  return clock;
}
