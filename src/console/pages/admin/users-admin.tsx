import { useState, type FormEvent } from 'react';
import { ROLES } from '../../../domain/access/roles.js';
import { api } from '../../api/client';
import type { User } from '../../api/types';
import { teamLabel, useDirectory, useSession } from '../../app/session';
import { ErrorNote, Field, FormError } from '../../components/fields';
import { formatDate, humanize } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { useSubmit } from '../../lib/use-submit';

const EMPTY = { email: '', name: '', role: 'agent', teamId: '', password: '' };

export function UsersAdmin() {
  const session = useSession();
  const dir = useDirectory();
  const list = useResource('users', () => api.get<{ items: User[] }>('/users', { includeDisabled: true }));
  const [draft, setDraft] = useState(EMPTY);
  const [created, setCreated] = useState<User | null>(null);
  const create = useSubmit();
  const toggle = useSubmit();
  const teams = [...dir.teams.values()].sort((a, b) => a.name.localeCompare(b.name));

  const refresh = () => {
    list.reload();
    dir.reload();
  };
  const onCreate = async (e: FormEvent) => {
    e.preventDefault();
    const user = await create.run(() => api.post<User>('/users', {
      email: draft.email.trim(),
      role: draft.role,
      ...(draft.name.trim() ? { name: draft.name.trim() } : {}),
      ...(draft.password ? { password: draft.password } : {}),
      ...(draft.teamId ? { teamId: draft.teamId } : {}),
    }));
    if (user) {
      setCreated(user);
      setDraft(EMPTY);
      refresh();
    }
  };
  const change = async (u: User, patch: { role?: string; teamId?: string | null }) => {
    if (await toggle.run(() => api.patch<User>(`/users/${u.id}`, patch))) refresh();
  };
  const setDisabled = async (u: User, disabled: boolean) => {
    if (disabled && !window.confirm(`Disable ${u.email}? They are signed out and can no longer sign in.`)) return;
    if (await toggle.run(() => api.patch<User>(`/users/${u.id}`, { disabled }))) refresh();
  };
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));

  return (
    <div className="admin-section">
      <section className="panel" aria-labelledby="users-h">
        <h2 id="users-h">People</h2>
        <ErrorNote error={list.error ?? toggle.error} />
        <div className="table-wrap">
          <table className="data-table">
            <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Team</th><th scope="col">Since</th><th scope="col">Access</th></tr></thead>
            <tbody>
              {(list.data?.items ?? []).map((u) => (
                <tr key={u.id} className={u.disabled ? 'disabled-row' : undefined}>
                  <td>{u.name}</td>
                  <td>{u.email}</td>
                  {/* Role and team change in place (issue 8 item 3); the server audits and checks each change. */}
                  <td>
                    {u.id === session.user.id ? humanize(u.role) : (
                      <select aria-label={`Role of ${u.email}`} value={u.role} disabled={toggle.busy} onChange={(e) => void change(u, { role: e.target.value })}>
                        {ROLES.map((r) => <option key={r} value={r}>{humanize(r)}</option>)}
                      </select>
                    )}
                  </td>
                  <td>
                    {u.id === session.user.id ? teamLabel(dir, u.teamId) : (
                      <select aria-label={`Team of ${u.email}`} value={u.teamId ?? ''} disabled={toggle.busy} onChange={(e) => void change(u, { teamId: e.target.value || null })}>
                        <option value="">No team</option>
                        {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
                      </select>
                    )}
                  </td>
                  <td className="nowrap">{formatDate(u.createdAt)}</td>
                  <td>
                    {u.id === session.user.id ? <span className="muted">You</span> : (
                      <button type="button" className={u.disabled ? 'button small' : 'button small danger-outline'} disabled={toggle.busy}
                        onClick={() => void setDisabled(u, !u.disabled)} aria-label={`${u.disabled ? 'Enable' : 'Disable'} ${u.email}`}>
                        {u.disabled ? 'Enable' : 'Disable'}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="panel" aria-labelledby="add-user-h">
        <h2 id="add-user-h">Add a person</h2>
        {created ? <p className="notice success" role="status">Added {created.email} as {humanize(created.role)}.</p> : null}
        <form onSubmit={onCreate} className="inline-form" noValidate>
          <Field label="Email" name="email" error={create.error} render={(a) => <input {...a} type="email" value={draft.email} onChange={set('email')} required autoComplete="off" />} />
          <Field label="Name" name="name" error={create.error} render={(a) => <input {...a} value={draft.name} onChange={set('name')} autoComplete="off" />} />
          <Field label="Role" name="role" error={create.error} render={(a) => (
            <select {...a} value={draft.role} onChange={set('role')}>
              {ROLES.map((r) => <option key={r} value={r}>{humanize(r)}</option>)}
            </select>
          )} />
          <Field label="Team" name="teamId" error={create.error} render={(a) => (
            <select {...a} value={draft.teamId} onChange={set('teamId')}>
              <option value="">No team</option>
              {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
            </select>
          )} />
          <Field label="Password" name="password" error={create.error} hint="At least 12 characters; leave empty to set it later with the CLI." render={(a) => (
            <input {...a} type="password" value={draft.password} onChange={set('password')} autoComplete="new-password" />
          )} />
          <FormError error={create.error} fields={['email', 'name', 'role', 'teamId', 'password']} />
          <div className="form-actions">
            <button type="submit" className="button primary" disabled={create.busy || !draft.email.trim()}>Add person</button>
          </div>
        </form>
      </section>
    </div>
  );
}
