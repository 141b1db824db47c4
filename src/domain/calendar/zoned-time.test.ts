import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DAY_MS, canonicalTimeZone, epochDayOf, instantToWallTime, isoDateOf, parseIsoDate, startOfLocalDay,
  wallTimeToInstant, weekdayIndexOf, zoneOffsetMs,
} from './zoned-time.js';

const HOUR_MS = 3_600_000;
const at = (iso: string): number => Date.parse(iso);
const day = (iso: string): number => parseIsoDate(iso)!;

describe('zone offsets via Intl', () => {
  it('New York is UTC-5 in winter and UTC-4 in summer', () => {
    expect(zoneOffsetMs('America/New_York', at('2026-01-15T12:00:00Z'))).toBe(-5 * HOUR_MS);
    expect(zoneOffsetMs('America/New_York', at('2026-07-15T12:00:00Z'))).toBe(-4 * HOUR_MS);
  });

  it('Kolkata is UTC+05:30 all year (no DST)', () => {
    expect(zoneOffsetMs('Asia/Kolkata', at('2026-01-15T12:00:00Z'))).toBe(5.5 * HOUR_MS);
    expect(zoneOffsetMs('Asia/Kolkata', at('2026-07-15T12:00:00Z'))).toBe(5.5 * HOUR_MS);
  });

  it('Sydney has summer time in January (southern hemisphere): UTC+11, UTC+10 in July', () => {
    expect(zoneOffsetMs('Australia/Sydney', at('2026-01-15T12:00:00Z'))).toBe(11 * HOUR_MS);
    expect(zoneOffsetMs('Australia/Sydney', at('2026-07-15T12:00:00Z'))).toBe(10 * HOUR_MS);
  });

  it('ignores sub-second parts of the instant', () => {
    expect(zoneOffsetMs('Europe/London', at('2026-07-15T12:00:00.999Z'))).toBe(HOUR_MS);
  });

  it('canonicalises zone names and rejects unknown ones', () => {
    expect(canonicalTimeZone('america/new_york')).toBe('America/New_York');
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeUndefined();
    expect(canonicalTimeZone('')).toBeUndefined();
  });
});

describe('wall time to instant', () => {
  it('maps an ordinary wall time by the day offset', () => {
    expect(wallTimeToInstant('America/New_York', day('2026-01-09'), 9 * 60, 'earlier')).toBe(at('2026-01-09T14:00:00Z'));
    expect(wallTimeToInstant('Asia/Kolkata', day('2026-01-09'), 9 * 60, 'earlier')).toBe(at('2026-01-09T03:30:00Z'));
  });

  it('a wall time inside the spring-forward gap maps to the transition instant (02:30 New York, 8 March 2026)', () => {
    const transition = at('2026-03-08T07:00:00Z'); // 02:00 EST becomes 03:00 EDT
    expect(wallTimeToInstant('America/New_York', day('2026-03-08'), 150, 'earlier')).toBe(transition);
    expect(wallTimeToInstant('America/New_York', day('2026-03-08'), 150, 'later')).toBe(transition);
  });

  it('a wall time inside the fall-back overlap has an earlier and a later occurrence (01:30 New York, 1 Nov 2026)', () => {
    expect(wallTimeToInstant('America/New_York', day('2026-11-01'), 90, 'earlier')).toBe(at('2026-11-01T05:30:00Z'));
    expect(wallTimeToInstant('America/New_York', day('2026-11-01'), 90, 'later')).toBe(at('2026-11-01T06:30:00Z'));
  });

  it('handles the London gap (01:30 on 29 March 2026) and the Sydney overlap (02:30 on 5 April 2026)', () => {
    expect(wallTimeToInstant('Europe/London', day('2026-03-29'), 90, 'earlier')).toBe(at('2026-03-29T01:00:00Z'));
    expect(wallTimeToInstant('Australia/Sydney', day('2026-04-05'), 150, 'earlier')).toBe(at('2026-04-04T15:30:00Z'));
    expect(wallTimeToInstant('Australia/Sydney', day('2026-04-05'), 150, 'later')).toBe(at('2026-04-04T16:30:00Z'));
  });

  it('minute 1440 is the next local midnight', () => {
    expect(wallTimeToInstant('Europe/London', day('2026-12-31'), 1440, 'earlier')).toBe(at('2027-01-01T00:00:00Z'));
  });

  it('round-trips: an instant maps to a wall time that maps back to the same instant (one of its occurrences)', () => {
    const zones = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: at('2024-01-01T00:00:00Z') / 60_000, max: at('2029-01-01T00:00:00Z') / 60_000 }),
        (zone, minute) => {
          const instant = minute * 60_000;
          const wall = instantToWallTime(zone, instant);
          const minuteOfDay = wall.msOfDay / 60_000;
          const earlier = wallTimeToInstant(zone, wall.epochDay, minuteOfDay, 'earlier');
          const later = wallTimeToInstant(zone, wall.epochDay, minuteOfDay, 'later');
          expect([earlier, later]).toContain(instant);
          expect(earlier).toBeLessThanOrEqual(later);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('local days', () => {
  it('the New York spring-forward day lasts 23 hours and the fall-back day 25', () => {
    const length = (iso: string): number =>
      startOfLocalDay('America/New_York', day(iso) + 1) - startOfLocalDay('America/New_York', day(iso));
    expect(length('2026-03-08')).toBe(23 * HOUR_MS);
    expect(length('2026-11-01')).toBe(25 * HOUR_MS);
    expect(length('2026-06-01')).toBe(DAY_MS);
  });

  it('parses only real calendar dates', () => {
    expect(parseIsoDate('2028-02-29')).toBe(epochDayOf(2028, 2, 29));
    expect(parseIsoDate('2026-02-29')).toBeUndefined();
    expect(parseIsoDate('2026-2-1')).toBeUndefined();
    expect(isoDateOf(epochDayOf(2026, 12, 31))).toBe('2026-12-31');
  });

  it('weekday index: 1970-01-01 was a Thursday, 2026-03-06 a Friday', () => {
    expect(weekdayIndexOf(0)).toBe(4);
    expect(weekdayIndexOf(day('2026-03-06'))).toBe(5);
    expect(weekdayIndexOf(-1)).toBe(3);
  });
});
