import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { Team } from '../../api/types';
import { ErrorNote, Field, FormError } from '../../components/fields';
import { useResource } from '../../lib/use-resource';
import { useSubmit } from '../../lib/use-submit';

// A team's business calendar (issue 8 item 3; GET/PUT /api/v1/teams/:id/calendar, issue 4): its
// IANA zone, working windows per weekday, a public-holiday preset and its own dates off. The form
// sends what was typed; the server validates it and names the field ("calendar.week.mon[0].end"),
// which shows under that field. Saving recomputes the team's open case clocks.

const DAYS = [
  ['mon', 'Monday'], ['tue', 'Tuesday'], ['wed', 'Wednesday'], ['thu', 'Thursday'], ['fri', 'Friday'], ['sat', 'Saturday'], ['sun', 'Sunday'],
] as const;
type Day = (typeof DAYS)[number][0];
const PRESETS = ['US', 'GB', 'DE', 'FR', 'NL', 'CA', 'AU', 'US-CA', 'US-NY'];

interface Spec {
  timeZone: string;
  week: Partial<Record<Day, { start: string; end: string }[]>>;
  holidays?: string[];
  holidayPreset?: string;
}
interface CalendarView { teamId: string; key: string; calendar: Spec | null; effective: { source: 'team' | 'policy'; calendar: Spec } }

interface Draft { timeZone: string; week: Record<Day, string>; holidayPreset: string; holidays: string }

function toDraft(spec: Spec): Draft {
  const week = Object.fromEntries(DAYS.map(([d]) => [d, (spec.week[d] ?? []).map((w) => `${w.start}-${w.end}`).join(', ')])) as Record<Day, string>;
  return { timeZone: spec.timeZone, week, holidayPreset: spec.holidayPreset ?? '', holidays: (spec.holidays ?? []).join('\n') };
}

/** "09:00-12:00, 13:00-17:00" → windows; whatever does not split goes as typed for the server to name. */
function windowsOf(text: string): { start: string; end: string }[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean).map((w) => {
    const [start = '', end = ''] = w.split(/\s*[-–]\s*/);
    return { start, end };
  });
}

function toSpec(d: Draft): Spec {
  const week: Spec['week'] = {};
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

const zones: string[] = (() => {
  try {
    return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
  } catch {
    return [];
  }
})();

export function TeamCalendarAdmin({ teams }: { teams: Team[] }) {
  const [teamId, setTeamId] = useState(teams[0]?.id ?? '');
  if (teams.length === 0) return null;
  return (
    <section className="panel team-calendar" aria-labelledby="calendar-h">
      <h2 id="calendar-h">Team calendar</h2>
      <p className="small muted">When a team works decides when its case clocks fall due. Without its own calendar a team follows the policy's.</p>
      <div className="field">
        <label htmlFor="calendar-team">Team</label>
        <select id="calendar-team" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
          {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
        </select>
      </div>
      {teamId ? <CalendarForm key={teamId} teamId={teamId} /> : null}
    </section>
  );
}

function CalendarForm({ teamId }: { teamId: string }) {
  const view = useResource(`team-calendar:${teamId}`, () => api.get<CalendarView>(`/teams/${encodeURIComponent(teamId)}/calendar`));
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const submit = useSubmit();
  const v = view.data;
  if (v && !draft) setDraft(toDraft(v.effective.calendar));
  if (view.error) return <ErrorNote error={view.error} title="Could not load the calendar." />;
  if (!v || !draft) return <p className="loading small">Loading…</p>;

  const onSave = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const next = await submit.run(() => api.put<CalendarView & { recomputedClocks: number }>(`/teams/${encodeURIComponent(teamId)}/calendar`, toSpec(draft)));
    if (next) {
      view.set(next);
      setDraft(toDraft(next.effective.calendar));
      setSaved(`Saved. ${next.recomputedClocks} open case clock${next.recomputedClocks === 1 ? '' : 's'} recomputed.`);
    }
  };
  const weekError = submit.error?.field === 'calendar.week' ? submit.error.message : null;
  return (
    <form onSubmit={onSave} noValidate className="calendar-form">
      <p className="small">{v.calendar ? 'This team has its own calendar.' : "This team follows the policy's calendar; saving gives it its own."}</p>
      <Field label="Time zone (IANA)" name="calendar.timeZone" error={submit.error} hint="For example Europe/Berlin or America/New_York" render={(a) => (
        <input {...a} list="calendar-zones" value={draft.timeZone} onChange={(e) => setDraft({ ...draft, timeZone: e.target.value })} autoCapitalize="off" />
      )} />
      <datalist id="calendar-zones">{zones.map((z) => <option key={z} value={z} />)}</datalist>
      <fieldset className="calendar-week" aria-describedby={weekError ? 'calendar-week-err' : undefined}>
        <legend>Working hours per weekday</legend>
        <p className="small muted">Windows as HH:MM-HH:MM, several separated by commas; empty is a day off.</p>
        {weekError ? <p id="calendar-week-err" className="field-error" role="alert">{weekError}</p> : null}
        <div className="week-grid">
          {DAYS.map(([day, label]) => (
            <Field key={day} label={label} name={`calendar.week.${day}`} error={submit.error} render={(a) => (
              <input {...a} value={draft.week[day]} placeholder="day off" onChange={(e) => setDraft({ ...draft, week: { ...draft.week, [day]: e.target.value } })} />
            )} />
          ))}
        </div>
      </fieldset>
      <Field label="Public holidays preset" name="calendar.holidayPreset" error={submit.error} hint="A country or region code, e.g. US, GB, DE, US-CA; empty for none" render={(a) => (
        <input {...a} list="calendar-presets" value={draft.holidayPreset} onChange={(e) => setDraft({ ...draft, holidayPreset: e.target.value })} autoCapitalize="characters" />
      )} />
      <datalist id="calendar-presets">{PRESETS.map((p) => <option key={p} value={p} />)}</datalist>
      <Field label="Other days off" name="calendar.holidays" error={submit.error} hint="Local dates YYYY-MM-DD, one per line" render={(a) => (
        <textarea {...a} rows={3} value={draft.holidays} onChange={(e) => setDraft({ ...draft, holidays: e.target.value })} />
      )} />
      <FormError error={submit.error} fields={['calendar.timeZone', 'calendar.holidayPreset', 'calendar.holidays', ...DAYS.map(([d]) => `calendar.week.${d}`)].concat(weekError ? ['calendar.week'] : [])} />
      {saved ? <p className="notice success" role="status">{saved}</p> : null}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={submit.busy}>Save calendar</button>
      </div>
    </form>
  );
}
