import { canonicalTimeZone, zoneOffsetMs } from '../calendar/zoned-time.js';

// Instants in facts are ISO 8601 date-times with an explicit offset ("Z" or "+02:00"): a local time
// without an offset is ambiguous, so it is rejected rather than guessed.

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|z|[+-]\d{2}:?\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch milliseconds of an ISO 8601 date-time with offset, or undefined. */
export function parseIsoDateTime(text: string): number | undefined {
  // Fast path for the forms Ladder itself writes and most clients send: "2026-11-20T15:00:00Z" and
  // Date#toISOString's "2026-11-20T15:00:00.000Z".
  const n = text.length;
  if ((n === 20 || (n === 24 && text.charCodeAt(19) === 46 /* . */)) && text.charCodeAt(n - 1) === 90 /* Z */) {
    const ms = parseCanonicalUtc(text);
    const millis = n === 24 ? digits(text, 20, 3) : 0;
    if (ms !== undefined && millis >= 0) return ms + millis;
  }
  const m = DATE_TIME.exec(text);
  if (!m || !validDate(+m[1]!, +m[2]!, +m[3]!) || +m[4]! > 23 || +m[5]! > 59 || (m[6] !== undefined && +m[6] > 59)) {
    return undefined;
  }
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/** "YYYY-MM-DDTHH:MM:SS" by character codes; undefined for anything else (the regex path decides). */
function parseCanonicalUtc(t: string): number | undefined {
  const sep = (i: number, code: number) => t.charCodeAt(i) === code;
  if (!sep(4, 45) || !sep(7, 45) || !sep(10, 84) || !sep(13, 58) || !sep(16, 58)) return undefined;
  const y = digits(t, 0, 4);
  const mo = digits(t, 5, 2);
  const d = digits(t, 8, 2);
  const h = digits(t, 11, 2);
  const mi = digits(t, 14, 2);
  const sec = digits(t, 17, 2);
  if (y < 0 || mo < 0 || d < 0 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59 || !validDate(y, mo, d)) {
    return undefined;
  }
  return Date.UTC(y, mo - 1, d, h, mi, sec);
}

function digits(t: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = t.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Days since the epoch of a "YYYY-MM-DD" calendar date, or undefined. */
export function parseIsoDate(text: string): number | undefined {
  const m = DATE.exec(text);
  if (!m || !validDate(+m[1]!, +m[2]!, +m[3]!)) return undefined;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) / 86_400_000;
}

function validDate(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = mo === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(mo) ? 30 : 31;
  return d <= days;
}

/**
 * Days since the epoch of the local calendar date of `ms` in `timeZone`. Asking Intl is slow, so the
 * offset is cached per zone and UTC quarter-hour: offsets and their transitions fall on whole quarter
 * hours in every zone in use since 1972, so one answer holds for the whole quarter.
 */
export function localEpochDay(ms: number, timeZone: string): number {
  let offsets = offsetCache.get(timeZone);
  if (!offsets) {
    offsets = new Map();
    offsetCache.set(timeZone, offsets);
  }
  const quarter = Math.floor(ms / QUARTER_HOUR_MS);
  let offset = offsets.get(quarter);
  if (offset === undefined) {
    if (offsets.size >= OFFSET_CACHE_LIMIT) offsets.clear();
    offset = zoneOffsetMs(timeZone, quarter * QUARTER_HOUR_MS);
    offsets.set(quarter, offset);
  }
  return Math.floor((ms + offset) / DAY_MS);
}
const QUARTER_HOUR_MS = 900_000;
const DAY_MS = 86_400_000;
const OFFSET_CACHE_LIMIT = 100_000;
const offsetCache = new Map<string, Map<number, number>>();

export function isValidTimeZone(timeZone: string): boolean {
  return canonicalTimeZone(timeZone) !== undefined;
}
