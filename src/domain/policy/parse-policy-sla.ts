import type { BusinessCalendarSpec, Weekday, WorkingWindow } from '../calendar/business-calendar.js';
import { compileCalendarSpec } from '../calendar/calendar-spec.js';
import { CASE_STATUSES } from '../cases/case-status.js';
import { DomainError } from '../errors.js';
import { isValidTimeZone, parseIsoDate } from './iso-time.js';
import type { EscalationSpec, LevelRoute, SlaSpec, SlaTarget, SlaTargets } from './policy-model.js';
import { DUE_FIELDS } from './policy-model.js';
import { fieldToPath } from './policy-problems.js';
import type { YamlPath } from './policy-problems.js';
import type { PolicyReader } from './policy-reader.js';
import { ACTIONS, CHANNELS, LEVELS, PRIORITIES, STOREFRONTS } from './vocabulary.js';
import type { Channel, Level, Priority, Storefront } from './vocabulary.js';

const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const TARGET_KINDS = ['calendarMinutes', 'businessMinutes', 'businessDays'] as const;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export function readRouting(r: PolicyReader, value: unknown, path: YamlPath): Record<Level, LevelRoute> | undefined {
  const m = r.map(value, path, ['levels']);
  const levels = m && r.map(r.required(m, 'levels', path), [...path, 'levels'], LEVELS);
  if (!levels) return undefined;
  const out: Partial<Record<Level, LevelRoute>> = {};
  for (const level of LEVELS) {
    const p = [...path, 'levels', level];
    const route = r.map(r.required(levels, level, [...path, 'levels']) ?? {}, p, ['team', 'byStorefront']);
    if (!route) continue;
    const team = r.string(r.required(route, 'team', p), [...p, 'team']);
    const byStorefront: Partial<Record<Storefront, string>> = {};
    const bs = route.byStorefront === undefined ? {} : r.map(route.byStorefront, [...p, 'byStorefront'], STOREFRONTS);
    for (const [sf, t] of Object.entries(bs ?? {})) {
      const teamId = r.string(t, [...p, 'byStorefront', sf]);
      if (teamId) byStorefront[sf as Storefront] = teamId;
    }
    if (team) out[level] = { team, byStorefront };
  }
  return LEVELS.every((l) => out[l]) ? (out as Record<Level, LevelRoute>) : undefined;
}

export function readEscalation(r: PolicyReader, value: unknown, path: YamlPath): EscalationSpec | undefined {
  const m = r.map(value, path, ['rule', 'text', 'actions']);
  if (!m) return undefined;
  const rule = r.string(r.required(m, 'rule', path), [...path, 'rule']);
  const text = r.string(r.required(m, 'text', path), [...path, 'text']);
  const actions = m.actions === undefined ? [] : r.words(m.actions, [...path, 'actions'], ACTIONS);
  return rule && text && actions ? { rule, text, actions } : undefined;
}

export function readSla(r: PolicyReader, value: unknown, path: YamlPath): SlaSpec | undefined {
  const m = r.map(value, path, ['rule', 'priorities', 'channels', 'pauseStates']);
  if (!m) return undefined;
  const before = r.src.problems.length;
  const rule = r.string(r.required(m, 'rule', path), [...path, 'rule']);
  const pm = r.map(r.required(m, 'priorities', path) ?? {}, [...path, 'priorities'], PRIORITIES);
  const priorities: Partial<Record<Priority, SlaTargets>> = {};
  for (const priority of PRIORITIES) {
    const raw = pm && r.required(pm, priority, [...path, 'priorities']);
    if (raw !== undefined) priorities[priority] = readTargets(r, raw, [...path, 'priorities', priority]);
  }
  const channels: Partial<Record<Channel, SlaTargets>> = {};
  const cm = m.channels === undefined ? {} : r.map(m.channels, [...path, 'channels'], CHANNELS);
  for (const [channel, raw] of Object.entries(cm ?? {})) channels[channel as Channel] = readTargets(r, raw, [...path, 'channels', channel]);
  const pauseStates = m.pauseStates === undefined ? [] : r.words(m.pauseStates, [...path, 'pauseStates'], CASE_STATUSES);
  if (r.src.problems.length !== before || !rule || !pauseStates) return undefined;
  return { rule, priorities: priorities as Record<Priority, SlaTargets>, channels, pauseStates };
}

function readTargets(r: PolicyReader, value: unknown, path: YamlPath): SlaTargets {
  const out: SlaTargets = {};
  const m = r.map(value, path, DUE_FIELDS);
  for (const field of DUE_FIELDS) {
    if (m?.[field] === undefined) continue;
    const p = [...path, field];
    const t = r.map(m[field], p, TARGET_KINDS);
    const kinds = t ? TARGET_KINDS.filter((k) => t[k] !== undefined) : [];
    if (t && kinds.length !== 1) {
      r.problem(p, `expected exactly one of ${TARGET_KINDS.join(', ')}`);
      continue;
    }
    const kind = kinds[0];
    if (!t || !kind) continue;
    const n = r.number(t[kind], [...p, kind], { min: 0, integer: kind === 'businessDays' });
    if (n !== undefined) out[field] = { [kind]: n } as SlaTarget;
  }
  return out;
}

export function readCalendar(r: PolicyReader, value: unknown, path: YamlPath): BusinessCalendarSpec | undefined {
  const m = r.map(value, path, ['timeZone', 'week', 'holidays', 'holidayPreset']);
  if (!m) return undefined;
  const before = r.src.problems.length;
  const timeZone = r.string(r.required(m, 'timeZone', path), [...path, 'timeZone']);
  if (timeZone && !isValidTimeZone(timeZone)) r.problem([...path, 'timeZone'], 'unknown IANA time zone');
  const week: Partial<Record<Weekday, WorkingWindow[]>> = {};
  const wm = r.map(r.required(m, 'week', path) ?? {}, [...path, 'week'], WEEKDAYS);
  for (const [day, raw] of Object.entries(wm ?? {})) {
    const windows: WorkingWindow[] = [];
    (r.list(raw, [...path, 'week', day]) ?? []).forEach((w, i) => {
      const p = [...path, 'week', day, i];
      const wmap = r.map(w, p, ['start', 'end']);
      if (!wmap) return;
      const start = readClock(r, r.required(wmap, 'start', p), [...p, 'start']);
      const end = readClock(r, r.required(wmap, 'end', p), [...p, 'end']);
      if (start && end && start >= end) r.problem(p, 'a working window must end after it starts');
      if (start && end) windows.push({ start, end });
    });
    week[day as Weekday] = windows;
  }
  const holidays = m.holidays === undefined ? undefined : r.list(m.holidays, [...path, 'holidays']);
  holidays?.forEach((h, i) => {
    if (typeof h !== 'string' || parseIsoDate(h) === undefined) r.problem([...path, 'holidays', i], 'expected a date YYYY-MM-DD');
  });
  const holidayPreset = m.holidayPreset === undefined ? undefined : r.string(m.holidayPreset, [...path, 'holidayPreset']);
  if (r.src.problems.length !== before || !timeZone) return undefined;
  const spec = { timeZone, week, ...(holidays && { holidays: holidays as string[] }), ...(holidayPreset && { holidayPreset }) };
  // The calendar's own checks (overlapping windows, unknown holiday presets) with this file's lines.
  try {
    compileCalendarSpec(spec, 'calendar');
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const field = err.field ?? 'calendar';
    return r.problem([...path, ...fieldToPath(field).slice(1)], err.message.slice(field.length + 2));
  }
  return spec;
}

function readClock(r: PolicyReader, value: unknown, path: YamlPath): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !CLOCK.test(value)) return r.problem(path, 'expected a time "HH:MM"');
  return value;
}
