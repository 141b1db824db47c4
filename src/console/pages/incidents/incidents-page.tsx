import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { INCIDENT_STATUSES, parseCaseIdList, sharedLabel, type Incident } from '../../api/incident-types';
import { Link, navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { StatusPill } from '../../components/badges';
import { ErrorNote, Field, FormError } from '../../components/fields';
import { formatDateTime, humanize } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { useSubmit } from '../../lib/use-submit';
import { IncidentSuggestions } from './incident-suggestions';

// Incident reports (R000-07, R001-15, R003-04): new or trending issues watched across the cases
// they touch. Live ones (open, monitoring) by default; the suggestions sit on top for a lead.

const FILTERS = [{ value: '', label: 'Live (open and monitoring)' }, ...INCIDENT_STATUSES.map((s) => ({ value: s, label: humanize(s) })), { value: 'all', label: 'All' }];

interface IncidentPage { items: Incident[]; nextCursor: string | null }

export default function IncidentsPage() {
  const session = useSession();
  const [status, setStatus] = useState('');
  const [more, setMore] = useState<Incident[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const list = useResource(`incidents:${status}`, () => api.get<IncidentPage>('/incidents', { status }));
  const loadMore = useSubmit();

  useEffect(() => {
    document.title = 'Incidents · Ladder';
  }, []);
  useEffect(() => {
    setMore([]);
    setCursor(list.data?.nextCursor ?? null);
  }, [list.data]);

  const onMore = async () => {
    const page = await loadMore.run(() => api.get<IncidentPage>('/incidents', { status, cursor }));
    if (page) {
      setMore((m) => [...m, ...page.items]);
      setCursor(page.nextCursor);
    }
  };
  const items = [...(list.data?.items ?? []), ...more];

  return (
    <section className="page incidents-page" aria-labelledby="incidents-h">
      <div className="page-head">
        <h1 id="incidents-h">Incidents</h1>
        <div className="filters">
          <label className="inline-label">Status{' '}
            <select value={status} onChange={(e) => setStatus(e.target.value)}>
              {FILTERS.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}
            </select>
          </label>
        </div>
      </div>
      <IncidentSuggestions onApplied={list.reload} />
      <section className="panel" aria-labelledby="incident-list-h">
        <h2 id="incident-list-h">{FILTERS.find((f) => f.value === status)?.label ?? 'Incidents'}</h2>
        <ErrorNote error={list.error ?? loadMore.error} />
        {list.loading && !list.data ? <p className="loading">Loading incidents…</p> : null}
        {list.data && items.length === 0 ? <p className="muted">No incidents here.</p> : null}
        {items.length > 0 ? (
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr><th scope="col">Incident</th><th scope="col">Status</th><th scope="col">Shared</th><th scope="col">Cases</th><th scope="col">Opened</th><th scope="col">Updated</th></tr>
              </thead>
              <tbody>
                {items.map((i) => (
                  <tr key={i.id}>
                    <td><Link to={`/incidents/${i.id}`}>#{i.id} {i.title}</Link>{i.source === 'suggested' ? <span className="muted small"> · suggested</span> : null}</td>
                    <td><StatusPill status={i.status} /></td>
                    <td>{sharedLabel(i.dimension, i.key, humanize) || <span className="muted">—</span>}</td>
                    <td className="num">{i.caseCount}</td>
                    <td className="nowrap">{formatDateTime(i.openedAt)}</td>
                    <td className="nowrap">{formatDateTime(i.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {cursor ? <button type="button" className="button load-more" disabled={loadMore.busy} onClick={() => void onMore()}>Load more</button> : null}
      </section>
      {session.can('incidents.write') ? <OpenIncidentForm /> : null}
    </section>
  );
}

/** R000-07: anyone working cases logs a new or trending issue with the cases seen so far. */
function OpenIncidentForm() {
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [caseIds, setCaseIds] = useState('');
  const submit = useSubmit();
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const ids = parseCaseIdList(caseIds);
    const created = await submit.run(() => api.post<Incident>('/incidents', { title, ...(summary.trim() ? { summary } : {}), ...(ids.length ? { caseIds: ids } : {}) }));
    if (created) navigate(`/incidents/${created.id}`);
  };
  return (
    <section className="panel" aria-labelledby="open-incident-h">
      <h2 id="open-incident-h">Report an incident</h2>
      <form className="inline-form" aria-label="Report an incident" onSubmit={onSubmit} noValidate>
        <Field label="Title" name="title" error={submit.error} hint="What goes wrong, e.g. “Clasp missing inside the ring box”" render={(a) => <input {...a} value={title} onChange={(e) => setTitle(e.target.value)} />} />
        <Field label="Summary (optional)" name="summary" error={submit.error} render={(a) => <textarea {...a} rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />} />
        <Field label="Cases (optional)" name="caseIds" error={submit.error} hint="Case numbers, separated by commas or spaces" render={(a) => <input {...a} value={caseIds} onChange={(e) => setCaseIds(e.target.value)} />} />
        <FormError error={submit.error} fields={['title', 'summary', 'caseIds']} />
        <div className="form-actions"><button type="submit" className="button primary" disabled={submit.busy}>Report incident</button></div>
      </form>
    </section>
  );
}
