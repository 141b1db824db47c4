// Country holiday presets from the date-holidays package. Only `public` holidays count as days off
// (bank, school, optional and observance days are working days unless listed as custom holidays).
// Lists are computed once per preset per year and shared by every calendar: creating a calendar
// stays cheap and the arithmetic never calls into date-holidays on a hot path.

import Holidays from 'date-holidays';
import { epochDayOf, isoDateOf } from './zoned-time.js';

interface PresetParts {
  country: string;
  state?: string;
  region?: string;
}

const instances = new Map<string, Holidays>();
const yearCache = new Map<string, Map<number, ReadonlySet<string>>>();
const validity = new Map<string, boolean>();

/** "US", "US-CA", "GB-ENG", "DE-BY-A" (dots are accepted too: "US.CA"). */
function splitPreset(preset: string): PresetParts | undefined {
  const parts = preset.trim().toUpperCase().split(/[-.]/);
  if (parts.length > 3 || parts.some((part) => !/^[A-Z0-9]+$/.test(part))) return undefined;
  const [country, state, region] = parts;
  if (!country) return undefined;
  return { country, ...(state ? { state } : {}), ...(region ? { region } : {}) };
}

/** date-holidays' init() accepts unknown codes silently, so validity is checked against its own lists. */
export function isKnownHolidayPreset(preset: string): boolean {
  const known = validity.get(preset);
  if (known !== undefined) return known;
  const parts = splitPreset(preset);
  let ok = false;
  if (parts) {
    const query = new Holidays();
    ok = parts.country in (query.getCountries() ?? {});
    if (ok && parts.state) ok = parts.state in (query.getStates(parts.country) ?? {});
    if (ok && parts.state && parts.region) ok = parts.region in (query.getRegions(parts.country, parts.state) ?? {});
  }
  validity.set(preset, ok);
  return ok;
}

function instanceFor(preset: string): Holidays {
  let instance = instances.get(preset);
  if (!instance) {
    const parts = splitPreset(preset);
    if (!parts || !isKnownHolidayPreset(preset)) throw new Error(`unknown holiday preset ${preset}`);
    instance = new Holidays(parts, { types: ['public'] });
    instances.set(preset, instance);
  }
  return instance;
}

/**
 * Local dates ("YYYY-MM-DD") of the preset's public holidays that start in `year`. A multi-day
 * holiday (Eid in several countries) contributes each of its dates; a half-day holiday makes the
 * whole date a day off.
 */
export function publicHolidayDates(preset: string, year: number): ReadonlySet<string> {
  let byYear = yearCache.get(preset);
  if (!byYear) {
    byYear = new Map();
    yearCache.set(preset, byYear);
  }
  let dates = byYear.get(year);
  if (!dates) {
    const collected = new Set<string>();
    for (const holiday of instanceFor(preset).getHolidays(year)) {
      if (holiday.type !== 'public') continue;
      const [y, m, d] = holiday.date.slice(0, 10).split('-').map(Number);
      const first = epochDayOf(y!, m!, d!);
      const span = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / 86_400_000));
      for (let offset = 0; offset < span; offset += 1) collected.add(isoDateOf(first + offset));
    }
    dates = collected;
    byYear.set(year, dates);
  }
  return dates;
}

/** True when the local date is a public holiday of the preset (a holiday starting late in the previous year included). */
export function isPresetHoliday(preset: string, isoDate: string): boolean {
  const year = Number(isoDate.slice(0, 4));
  return publicHolidayDates(preset, year).has(isoDate) || publicHolidayDates(preset, year - 1).has(isoDate);
}
