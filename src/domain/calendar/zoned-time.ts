// Wall-clock time in IANA zones via Intl only (no moment/luxon). Local dates are "epoch days": whole
// days since 1970-01-01 on the local calendar, so day arithmetic is integer arithmetic and the zone
// only matters when a wall time is pinned to an instant.
//
// DST rules used everywhere in the calendar:
// - gap (spring forward, e.g. 02:30 does not exist in New York on the March change): a wall time in
//   the gap maps to the transition instant — the first instant whose wall clock reads later than it;
// - overlap (fall back, 01:30 happens twice): the caller picks the 'earlier' or 'later' occurrence.
//   Window starts take the earlier and window ends the later one, so a window covers every instant
//   whose wall clock reads inside it.

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
export const MINUTES_PER_DAY = 1440;

export type Disambiguation = 'earlier' | 'later';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const canonicalNames = new Map<string, string | undefined>();

/** The canonical IANA name of `timeZone` ("america/new_york" → "America/New_York"), or undefined when Intl rejects it. */
export function canonicalTimeZone(timeZone: string): string | undefined {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') return undefined;
  // Building an Intl.DateTimeFormat costs ~90 µs; names are few, so answers are kept.
  if (canonicalNames.has(timeZone)) return canonicalNames.get(timeZone);
  let canonical: string | undefined;
  try {
    canonical = new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    canonical = undefined;
  }
  if (canonicalNames.size < 1000) canonicalNames.set(timeZone, canonical);
  return canonical;
}

/** Offset of the zone's wall clock from UTC at `instantMs`, in ms (New York in winter: -5 h). */
export function zoneOffsetMs(timeZone: string, instantMs: number): number {
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of formatterFor(timeZone).formatToParts(instantMs)) {
    switch (part.type) {
      case 'year': year = Number(part.value); break;
      case 'month': month = Number(part.value); break;
      case 'day': day = Number(part.value); break;
      case 'hour': hour = Number(part.value); break;
      case 'minute': minute = Number(part.value); break;
      case 'second': second = Number(part.value); break;
      default: break;
    }
  }
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, second);
  const wholeSecondMs = instantMs - (((instantMs % 1000) + 1000) % 1000);
  return wallMs - wholeSecondMs;
}

/** The wall time at `instantMs` as epoch day + ms into that local day. */
export function instantToWallTime(timeZone: string, instantMs: number): { epochDay: number; msOfDay: number } {
  const wallMs = instantMs + zoneOffsetMs(timeZone, instantMs);
  const epochDay = Math.floor(wallMs / DAY_MS);
  return { epochDay, msOfDay: wallMs - epochDay * DAY_MS };
}

/**
 * The instant at which the zone's wall clock reads `minuteOfDay` on local date `epochDay`
 * (minuteOfDay may be 1440: midnight starting the next day). See the file header for gaps/overlaps.
 */
export function wallTimeToInstant(
  timeZone: string,
  epochDay: number,
  minuteOfDay: number,
  pick: Disambiguation,
): number {
  const wallMs = epochDay * DAY_MS + minuteOfDay * MINUTE_MS;
  // Offsets a day either side bracket any transition near the wall time (offsets stay within ±14 h).
  const offsetBefore = zoneOffsetMs(timeZone, wallMs - DAY_MS);
  const offsetAfter = zoneOffsetMs(timeZone, wallMs + DAY_MS);
  const valid: number[] = [];
  for (const offset of offsetBefore === offsetAfter ? [offsetBefore] : [offsetBefore, offsetAfter]) {
    const candidate = wallMs - offset;
    if (zoneOffsetMs(timeZone, candidate) === offset) valid.push(candidate);
  }
  if (valid.length === 1) return valid[0]!;
  if (valid.length > 1) return pick === 'earlier' ? Math.min(...valid) : Math.max(...valid);
  return findTransition(timeZone, wallMs - Math.max(offsetBefore, offsetAfter), wallMs - Math.min(offsetBefore, offsetAfter));
}

/** First instant in (lo, hi] whose offset differs from lo's: the DST transition inside a gap. */
function findTransition(timeZone: string, lo: number, hi: number): number {
  const offsetLo = zoneOffsetMs(timeZone, lo);
  let low = lo;
  let high = hi;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (zoneOffsetMs(timeZone, mid) === offsetLo) low = mid;
    else high = mid;
  }
  return high;
}

/** A local date's bounds, and its offset when the offset holds all day (no DST change that day). */
export interface LocalDayBounds {
  startMs: number;
  endMs: number;
  uniformOffsetMs?: number;
}

const midnightCache = new Map<string, Map<number, number>>();
const boundsCache = new Map<string, Map<number, LocalDayBounds>>();
const ZONE_CACHE_LIMIT = 200_000;

function zoneCache<T>(caches: Map<string, Map<number, T>>, timeZone: string): Map<number, T> {
  let cache = caches.get(timeZone);
  if (!cache) {
    cache = new Map();
    caches.set(timeZone, cache);
  }
  if (cache.size >= ZONE_CACHE_LIMIT) cache.clear();
  return cache;
}

/** The first instant of local date `epochDay` (cached per zone: local midnights never change). */
export function startOfLocalDay(timeZone: string, epochDay: number): number {
  const cache = zoneCache(midnightCache, timeZone);
  let start = cache.get(epochDay);
  if (start === undefined) {
    start = wallTimeToInstant(timeZone, epochDay, 0, 'earlier');
    cache.set(epochDay, start);
  }
  return start;
}

/** Bounds of a local date, cached per zone so that every calendar in that zone shares the Intl work. */
export function localDayBounds(timeZone: string, epochDay: number): LocalDayBounds {
  const cache = zoneCache(boundsCache, timeZone);
  let bounds = cache.get(epochDay);
  if (!bounds) {
    const startMs = startOfLocalDay(timeZone, epochDay);
    const endMs = startOfLocalDay(timeZone, epochDay + 1);
    const offset = zoneOffsetMs(timeZone, startMs);
    // Two changes within one day never happen in practice, so equal offsets at both ends mean none.
    bounds = offset === zoneOffsetMs(timeZone, endMs - 1) ? { startMs, endMs, uniformOffsetMs: offset } : { startMs, endMs };
    cache.set(epochDay, bounds);
  }
  return bounds;
}

export function epochDayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** "YYYY-MM-DD" of a local date. */
export function isoDateOf(epochDay: number): string {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

/** Epoch day of a "YYYY-MM-DD" string, or undefined when it is not a real calendar date. */
export function parseIsoDate(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const epochDay = epochDayOf(Number(match[1]), Number(match[2]), Number(match[3]));
  return isoDateOf(epochDay) === text ? epochDay : undefined;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayIndexOf(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}
