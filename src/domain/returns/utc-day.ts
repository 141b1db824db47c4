// Return windows count whole calendar days in UTC (contract: "compared in UTC"), so an instant is
// reduced to its UTC day number and never to a local date.

const MS_PER_DAY = 86_400_000;

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Parses "2026-10-24T16:00:00Z", "2021-12-31T19:00:00-05:00" or a bare "2026-10-24" (midnight UTC).
 * A time without a zone is refused: it would silently mean the server's zone. Impossible calendar
 * values ("2026-02-30", "24:00") are refused rather than rolled over as Date.parse would.
 */
export function parseInstant(text: string): Date | undefined {
  const m = ISO_INSTANT.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  if (h !== undefined && zone === undefined) return undefined;
  const year = Number(y), month = Number(mo), day = Number(d);
  const hour = Number(h ?? 0), minute = Number(mi ?? 0), second = Number(s ?? 0);
  if (year < 1000 || !isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMinutes = 0;
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    const zh = Number(digits.slice(1, 3)), zm = Number(digits.slice(3, 5));
    if (zh > 23 || zm > 59) return undefined;
    offsetMinutes = (digits.startsWith('-') ? -1 : 1) * (zh * 60 + zm);
  }
  const ms = Math.floor(Number((frac ?? '.0').padEnd(4, '0').slice(1, 4)));
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
  return new Date(utc);
}

export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 of the instant's UTC date. */
export function utcDayNumber(at: Date): number {
  return Math.floor(at.getTime() / MS_PER_DAY);
}

export function dayNumberOf(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** 20385 → "2025-10-24". */
export function dayNumberToIsoDate(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}
