import { useEffect, useState } from 'react';
import { api, withQuery } from '../../api/client';
import { Link } from '../../app/router';
import { ErrorNote } from '../../components/fields';
import { formatDateTime } from '../../lib/format';
import { useResource } from '../../lib/use-resource';

// The compliance review (R000-10, R000-12, R002-08): per person and team, replies and how many were
// canned macros pasted unedited, internal notes and attachments; escalations without the internal
// note they must carry; cases whose decision asked for photo evidence that never came. CSV export.
// Wire format of src/services/reports/compliance-report.ts.

interface Counts {
  replies: number;
  macroReplies: number;
  uneditedMacroReplies: number;
  notes: number;
  attachments: number;
}

interface ComplianceReport {
  from: string;
  to: string;
  cases: number;
  escalations: { cases: number; withNote: number; missingNote: string[] };
  evidence: { required: number; attached: number; missing: string[] };
  byPerson: (Counts & { userId: string | null; name: string; team: string | null })[];
  byTeam: (Counts & { team: string })[];
}

const DAY_MS = 86_400_000;

/** The period as the API takes it: from the start of the first day to the end of the last (UTC). */
function periodQuery(fromDay: string, toDay: string): { from?: string; to?: string } {
  return {
    ...(fromDay ? { from: `${fromDay}T00:00:00.000Z` } : {}),
    ...(toDay ? { to: new Date(Date.parse(`${toDay}T00:00:00.000Z`) + DAY_MS).toISOString() } : {}),
  };
}

function CaseList({ ids, label }: { ids: string[]; label: string }) {
  if (ids.length === 0) return <span className="muted">none</span>;
  return (
    <ul className="drill-list" aria-label={label}>
      {ids.map((id) => <li key={id}><Link to={`/cases/${id}`}>#{id}</Link></li>)}
    </ul>
  );
}

function CountsTable({ caption, rows }: { caption: string; rows: { key: string; head: string; sub?: string | null; c: Counts }[] }) {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{caption === 'By team' ? 'Team' : 'Person'}</th>
            <th scope="col" className="num">Replies</th>
            <th scope="col" className="num">Macro replies</th>
            <th scope="col" className="num">Unedited macro replies</th>
            <th scope="col" className="num">Internal notes</th>
            <th scope="col" className="num">Attachments</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.head}{r.sub ? <span className="muted small"> · {r.sub}</span> : null}</th>
              <td className="num">{r.c.replies}</td>
              <td className="num">{r.c.macroReplies}</td>
              <td className={`num${r.c.uneditedMacroReplies > 0 ? ' text-danger' : ''}`}>{r.c.uneditedMacroReplies}</td>
              <td className="num">{r.c.notes}</td>
              <td className="num">{r.c.attachments}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function ComplianceReportPage() {
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const query = periodQuery(fromDay, toDay);
  const report = useResource(`compliance:${query.from ?? ''}:${query.to ?? ''}`, () => api.get<ComplianceReport>('/reports/compliance', query));
  const r = report.data;

  useEffect(() => {
    document.title = 'Compliance report · Ladder';
  }, []);

  return (
    <section className="page compliance-page" aria-labelledby="compliance-h">
      <div className="page-head">
        <h1 id="compliance-h">Compliance report</h1>
        <div className="filters">
          <label className="inline-label">From <input type="date" value={fromDay} onChange={(e) => setFromDay(e.target.value)} /></label>
          <label className="inline-label">To <input type="date" value={toDay} onChange={(e) => setToDay(e.target.value)} /></label>
          <a className="button" href={withQuery('/api/v1/reports/compliance', { format: 'csv', ...query })} download>Download CSV</a>
        </div>
      </div>
      <ErrorNote error={report.error} title="Could not load the report." />
      {report.loading && !r ? <p className="loading">Loading the report…</p> : null}
      {r ? (
        <>
          <p className="small muted">
            Cases opened {formatDateTime(r.from)} – {formatDateTime(r.to)}{!fromDay && !toDay ? ' (the last 7 days)' : ''}: {r.cases}.
          </p>
          <div className="tiles">
            <section className="tile" aria-label="Escalations with an internal note">
              <h2 className="tile-label">Escalations with a note</h2>
              <p className="tile-value">{r.escalations.withNote} / {r.escalations.cases}</p>
              <p className="small muted tile-hint">Every escalation carries an internal note (R002-08)</p>
            </section>
            <section className="tile" aria-label="Photo evidence attached">
              <h2 className="tile-label">Photo evidence attached</h2>
              <p className="tile-value">{r.evidence.attached} / {r.evidence.required}</p>
              <p className="small muted tile-hint">Proof of broken, missing or wrong items (R000-11, R000-12)</p>
            </section>
            <section className="tile" aria-label="Unedited macro replies">
              <h2 className="tile-label">Unedited macro replies</h2>
              <p className="tile-value">{r.byPerson.reduce((n, p) => n + p.uneditedMacroReplies, 0)}</p>
              <p className="small muted tile-hint">Canned replies not fitted to the customer (R000-10)</p>
            </section>
          </div>
          <section className="panel" aria-labelledby="gaps-h">
            <h2 id="gaps-h">Compliance failures to follow up</h2>
            <dl className="kv">
              <dt>Escalated without an internal note</dt>
              <dd><CaseList ids={r.escalations.missingNote} label="Escalated cases without a note" /></dd>
              <dt>Photo evidence missing</dt>
              <dd><CaseList ids={r.evidence.missing} label="Cases missing photo evidence" /></dd>
            </dl>
          </section>
          <section className="panel" aria-labelledby="people-h">
            <h2 id="people-h">By person</h2>
            {r.byPerson.length === 0 ? <p className="muted small">Nobody worked a case opened in this period.</p> : (
              <CountsTable caption="By person" rows={r.byPerson.map((p) => ({ key: p.userId ?? 'system', head: p.name, sub: p.team, c: p }))} />
            )}
          </section>
          <section className="panel" aria-labelledby="teams-h">
            <h2 id="teams-h">By team</h2>
            {r.byTeam.length === 0 ? <p className="muted small">No team activity in this period.</p> : (
              <CountsTable caption="By team" rows={r.byTeam.map((t) => ({ key: t.team, head: t.team, c: t }))} />
            )}
          </section>
        </>
      ) : null}
    </section>
  );
}
