import { useState, type FormEvent } from 'react';
import { api, request } from '../../api/client';
import type { Team } from '../../api/types';
import { ErrorNote, Field, FormError } from '../../components/fields';
import { useResource } from '../../lib/use-resource';
import { useSubmit } from '../../lib/use-submit';
import { DAYS, toCalendarDraft, toCalendarSpec, type CalendarSpec, type CalendarDraft } from './calendar-draft';

// A team's business calendar (issue 8 item 3; GET/PUT /api/v1/teams/:id/calendar, issue 4): its
// IANA zone, working windows per weekday, a public-holiday preset and its own dates off. The form
// sends what was typed; the server validates it and names the field ("calendar.week.mon[0].end"),
// which shows under that field. Saving — or going back to the policy's calendar (DELETE) —
// recomputes the team's open case clocks.

const PRESETS = ['US', 'GB', 'DE', 'FR', 'NL', 'CA', 'AU', 'US-CA', 'US-NY'];

interface CalendarView { teamId: string; key: string; calendar: CalendarSpec | null; effective: { source: 'team' | 'policy'; calendar: CalendarSpec } }

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
  const [draft, setDraft] = useState<CalendarDraft | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const submit = useSubmit();
  const v = view.data;
  if (v && !draft) setDraft(toCalendarDraft(v.effective.calendar));
  if (view.error) return <ErrorNote error={view.error} title="Could not load the calendar." />;
  if (!v || !draft) return <p className="loading small">Loading…</p>;

  const onSave = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const next = await submit.run(() => api.put<CalendarView & { recomputedClocks: number }>(`/teams/${encodeURIComponent(teamId)}/calendar`, toCalendarSpec(draft)));
    if (next) {
      view.set(next);
      setDraft(toCalendarDraft(next.effective.calendar));
      setSaved(`Saved. ${next.recomputedClocks} open case clock${next.recomputedClocks === 1 ? '' : 's'} recomputed.`);
    }
  };
  const onReset = async () => {
    if (!window.confirm("Drop this team's own calendar? Its clocks will count in the policy's calendar again.")) return;
    setSaved(null);
    const next = await submit.run(() => request<CalendarView & { recomputedClocks: number }>('DELETE', `/teams/${encodeURIComponent(teamId)}/calendar`));
    if (next) {
      view.set(next);
      setDraft(toCalendarDraft(next.effective.calendar));
      setSaved(`Back on the policy's calendar. ${next.recomputedClocks} open case clock${next.recomputedClocks === 1 ? '' : 's'} recomputed.`);
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
        {v.calendar ? <button type="button" className="button" disabled={submit.busy} onClick={() => void onReset()}>Use the policy's calendar</button> : null}
      </div>
    </form>
  );
}
