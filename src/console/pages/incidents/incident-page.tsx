import { useEffect, useState, type FormEvent } from 'react';
import { api, request } from '../../api/client';
import { INCIDENT_MOVES, parseCaseIdList, sharedLabel, type AppliedSuggestion, type Incident } from '../../api/incident-types';
import { historyState, Link } from '../../app/router';
import { useDirectory, useSession, userLabel } from '../../app/session';
import { LevelBadge, PriorityBadge, StatusPill } from '../../components/badges';
import { ErrorNote, Field, FormError } from '../../components/fields';
import { formatDateTime, humanize } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { useSubmit } from '../../lib/use-submit';

/** One incident: its cases (those you may see, R000-08), linking and unlinking, and its status moves (R003-04). */
export default function IncidentPage({ incidentId }: { incidentId: string }) {
  const session = useSession();
  const dir = useDirectory();
  const resource = useResource(`incident:${incidentId}`, () => api.get<Incident>(`/incidents/${encodeURIComponent(incidentId)}`));
  const [applied] = useState(() => historyState<{ applied?: AppliedSuggestion }>()?.applied ?? null);
  const unlink = useSubmit();
  const i = resource.data;

  useEffect(() => {
    document.title = i ? `Incident #${i.id} · Ladder` : 'Incident · Ladder';
  }, [i]);

  if (resource.error) {
    return (
      <section className="page">
        <h1>Incident #{incidentId}</h1>
        <ErrorNote error={resource.error} title={resource.error.status === 404 ? 'No such incident.' : 'Could not load the incident.'} />
        <p><Link to="/incidents">Back to incidents</Link></p>
      </section>
    );
  }
  if (!i) return <p className="loading" aria-live="polite">Loading incident #{incidentId}…</p>;

  const live = i.status !== 'resolved';
  const onUnlink = async (caseId: string) => {
    const next = await unlink.run(() => request<Incident>('DELETE', `/incidents/${i.id}/cases/${encodeURIComponent(caseId)}`));
    if (next) resource.set(next);
  };
  const shared = sharedLabel(i.dimension, i.key, humanize);
  return (
    <article className="page incident-page" aria-labelledby="incident-h">
      <p className="small"><Link to="/incidents">← Incidents</Link></p>
      <div className="case-title-row">
        <h1 id="incident-h"><span className="case-id">#{i.id}</span> {i.title}</h1>
        <StatusPill status={i.status} />
      </div>
      {applied ? (
        <p className="notice success" role="status">
          {applied.created ? 'Incident opened from the suggestion' : 'Cases added to the live incident'}: {applied.linked.length} linked
          {applied.flagged.length ? `, ${applied.flagged.length} red-flagged “multiple complaints about the same issue” (R001-15)` : ''}
          {applied.escalated?.length ? `; ${applied.escalated.length} escalated up a level` : ''}.
        </p>
      ) : null}
      <dl className="facts-row">
        <div><dt>Source</dt><dd>{i.source === 'suggested' ? 'Suggested by Ladder' : 'Reported by a person'}</dd></div>
        {shared ? <div><dt>Shared</dt><dd>{shared}</dd></div> : null}
        <div><dt>Opened</dt><dd>{formatDateTime(i.openedAt)}{i.openedById ? ` by ${userLabel(dir, session.user, i.openedById)}` : ''}</dd></div>
        <div><dt>Status since</dt><dd>{formatDateTime(i.statusChangedAt)}</dd></div>
        <div><dt>Cases</dt><dd>{i.caseCount}</dd></div>
      </dl>
      {i.summary ? <p className="entry-body">{i.summary}</p> : null}
      {session.can('incidents.manage') && live ? <MoveIncident incident={i} onMoved={resource.set} /> : null}

      <section className="panel" aria-labelledby="incident-cases-h">
        <h2 id="incident-cases-h">Linked cases</h2>
        <ErrorNote error={unlink.error} />
        {(i.cases ?? []).length === 0 ? <p className="muted">No cases linked yet.</p> : (
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr><th scope="col">Case</th><th scope="col">Category</th><th scope="col">Priority</th><th scope="col">Status</th><th scope="col">Linked</th><th scope="col">Red flag</th>{session.can('incidents.write') && live ? <th scope="col"><span className="visually-hidden">Unlink</span></th> : null}</tr>
              </thead>
              <tbody>
                {(i.cases ?? []).map((c) => (
                  <tr key={c.id}>
                    <td><Link to={`/cases/${c.id}`}>#{c.id} {c.subject ?? humanize(c.category)}</Link></td>
                    <td>{humanize(c.category)}</td>
                    <td><PriorityBadge priority={c.priority} /> <LevelBadge level={c.level} /></td>
                    <td><StatusPill status={c.status} /></td>
                    <td className="nowrap">{formatDateTime(c.linkedAt)} <span className="muted small">{c.reason === 'suggested' ? 'by suggestion' : 'by hand'}</span></td>
                    <td>{c.flagged ? <span className="chip chip-danger">Multiple complaints</span> : <span className="muted">—</span>}</td>
                    {session.can('incidents.write') && live ? (
                      <td><button type="button" className="button small danger-outline" disabled={unlink.busy} onClick={() => void onUnlink(c.id)} aria-label={`Unlink case #${c.id}`}>Unlink</button></td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="small muted">Cases you may not see (chargebacks, fraud) are left out (R000-08).</p>
        {session.can('incidents.write') && live ? <LinkCases incident={i} onLinked={resource.set} /> : null}
      </section>
    </article>
  );
}

function LinkCases({ incident, onLinked }: { incident: Incident; onLinked(i: Incident): void }) {
  const [text, setText] = useState('');
  const submit = useSubmit();
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const next = await submit.run(() => api.post<Incident>(`/incidents/${incident.id}/cases`, { caseIds: parseCaseIdList(text) }));
    if (next) {
      onLinked(next);
      setText('');
    }
  };
  return (
    <form className="inline-form" aria-label="Link cases" onSubmit={onSubmit} noValidate>
      <Field label="Case numbers to link" name="caseIds" error={submit.error} hint="Case numbers, separated by commas or spaces" render={(a) => <input {...a} value={text} onChange={(e) => setText(e.target.value)} />} />
      <FormError error={submit.error} fields={['caseIds']} />
      <div className="form-actions"><button type="submit" className="button" disabled={submit.busy}>Link</button></div>
    </form>
  );
}

function MoveIncident({ incident, onMoved }: { incident: Incident; onMoved(i: Incident): void }) {
  const [note, setNote] = useState('');
  const submit = useSubmit();
  const move = async (to: string) => {
    const next = await submit.run(() => api.post<Incident>(`/incidents/${incident.id}/transitions`, { to, ...(note.trim() ? { note } : {}) }));
    if (next) {
      onMoved(next);
      setNote('');
    }
  };
  return (
    <section className="panel" aria-labelledby="move-incident-h">
      <h2 id="move-incident-h">Move the incident</h2>
      <Field label="Note (optional)" name="note" error={submit.error} render={(a) => <input {...a} value={note} onChange={(e) => setNote(e.target.value)} />} />
      <FormError error={submit.error} fields={['note']} />
      <div className="button-row">
        {(INCIDENT_MOVES[incident.status] ?? []).map((m) => (
          <button key={m.to} type="button" className="button" disabled={submit.busy} onClick={() => void move(m.to)}>{m.label}</button>
        ))}
      </div>
    </section>
  );
}
