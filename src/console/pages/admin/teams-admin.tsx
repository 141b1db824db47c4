import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { Team } from '../../api/types';
import { useDirectory } from '../../app/session';
import { ErrorNote, Field, FormError } from '../../components/fields';
import { humanize } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { useSubmit } from '../../lib/use-submit';
import { TeamCalendarAdmin } from './team-calendar-admin';

// The server's list (src/services/teams/team-view.ts TEAM_KINDS); that module also carries store
// types, so the console keeps its own copy and the server still validates every value.
const TEAM_KINDS = ['support', 'back_office', 'supplier', 'compliance', 'escalations', 'store', 'finance'] as const;
const EMPTY = { key: '', name: '', kind: 'support' };

export function TeamsAdmin() {
  const dir = useDirectory();
  const list = useResource('teams', () => api.get<{ items: Team[] }>('/teams'));
  const [draft, setDraft] = useState(EMPTY);
  const create = useSubmit();
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));

  const onCreate = async (e: FormEvent) => {
    e.preventDefault();
    const team = await create.run(() => api.post<Team>('/teams', { key: draft.key.trim(), name: draft.name.trim(), kind: draft.kind }));
    if (team) {
      setDraft(EMPTY);
      list.reload();
      dir.reload();
    }
  };

  return (
    <div className="admin-section">
      <section className="panel" aria-labelledby="teams-h">
        <h2 id="teams-h">Teams</h2>
        <ErrorNote error={list.error} />
        <div className="table-wrap">
          <table className="data-table">
            <thead><tr><th scope="col">Name</th><th scope="col">Key</th><th scope="col">Kind</th><th scope="col">People</th></tr></thead>
            <tbody>
              {(list.data?.items ?? []).map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td><code>{t.key}</code></td>
                  <td>{humanize(t.kind)}</td>
                  <td>{[...dir.users.values()].filter((u) => u.teamId === t.id && !u.disabled).length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="panel" aria-labelledby="add-team-h">
        <h2 id="add-team-h">Add a team</h2>
        <p className="small muted">The policy routes cases to teams by key (for example <code>second_line_web</code>).</p>
        <form onSubmit={onCreate} className="inline-form" noValidate>
          <Field label="Key" name="key" error={create.error} hint="Lowercase letters, digits, - or _" render={(a) => <input {...a} value={draft.key} onChange={set('key')} required />} />
          <Field label="Name" name="name" error={create.error} render={(a) => <input {...a} value={draft.name} onChange={set('name')} required />} />
          <Field label="Kind" name="kind" error={create.error} render={(a) => (
            <select {...a} value={draft.kind} onChange={set('kind')}>
              {TEAM_KINDS.map((k) => <option key={k} value={k}>{humanize(k)}</option>)}
            </select>
          )} />
          <FormError error={create.error} fields={['key', 'name', 'kind']} />
          <div className="form-actions">
            <button type="submit" className="button primary" disabled={create.busy || !draft.key.trim() || !draft.name.trim()}>Add team</button>
          </div>
        </form>
      </section>
      {list.data ? <TeamCalendarAdmin teams={list.data.items} /> : null}
    </div>
  );
}
