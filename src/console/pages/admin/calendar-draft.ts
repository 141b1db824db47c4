// A team calendar as the admin form holds it (one text per weekday, "09:00-12:00, 13:00-17:00";
// dates one per line) and as PUT /api/v1/teams/:id/calendar takes it. Nothing is judged here: the
// server validates and names the field ("calendar.week.mon[0].end").

export const DAYS = [
  ['mon', 'Monday'], ['tue', 'Tuesday'], ['wed', 'Wednesday'], ['thu', 'Thursday'], ['fri', 'Friday'], ['sat', 'Saturday'], ['sun', 'Sunday'],
] as const;
export type Day = (typeof DAYS)[number][0];

export interface CalendarSpec {
  timeZone: string;
  week: Partial<Record<Day, { start: string; end: string }[]>>;
  holidays?: string[];
  holidayPreset?: string;
}

export interface CalendarDraft { timeZone: string; week: Record<Day, string>; holidayPreset: string; holidays: string }

export function toCalendarDraft(spec: CalendarSpec): CalendarDraft {
  const week = Object.fromEntries(DAYS.map(([d]) => [d, (spec.week[d] ?? []).map((w) => `${w.start}-${w.end}`).join(', ')])) as Record<Day, string>;
  return { timeZone: spec.timeZone, week, holidayPreset: spec.holidayPreset ?? '', holidays: (spec.holidays ?? []).join('\n') };
}

/** "09:00-12:00, 13:00-17:00" → windows; whatever does not split goes as typed for the server to name. */
export function windowsOf(text: string): { start: string; end: string }[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean).map((w) => {
    const [start = '', end = ''] = w.split(/\s*[-–]\s*/);
    return { start, end };
  });
}

export function toCalendarSpec(d: CalendarDraft): CalendarSpec {
  const week: CalendarSpec['week'] = {};
  for (const [day] of DAYS) {
    const windows = windowsOf(d.week[day]);
    if (windows.length > 0) week[day] = windows;
  }
  const holidays = d.holidays.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
  return {
    timeZone: d.timeZone.trim(), week,
    ...(holidays.length ? { holidays } : {}),
    ...(d.holidayPreset.trim() ? { holidayPreset: d.holidayPreset.trim() } : {}),
  };
}
