import { api, withQuery } from '../../api/client';
import { ErrorNote } from '../../components/fields';
import { useResource } from '../../lib/use-resource';
import type { CsatLine, CsatStats } from './dashboard-types';

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);

function CsatTable({ caption, head, lines }: { caption: string; head: string; lines: CsatLine[] }) {
  return (
    <div className="table-wrap">
      <table className="data-table tracker-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead><tr><th scope="col">{head}</th><th scope="col" className="num">Ratings</th><th scope="col" className="num">4–5 of 5</th><th scope="col" className="num">CSAT</th><th scope="col" className="num">Average</th></tr></thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.id ?? `none:${l.name}`}>
              <th scope="row">{l.name}</th>
              <td className="num">{l.responses}</td>
              <td className="num">{l.satisfied}</td>
              <td className="num">{pct(l.csat)}</td>
              <td className="num">{l.averageScore === null ? '—' : `${l.averageScore} / ${l.scale}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Survey ratings per team and agent for the dashboard's period (R004-09, R004-11); supervisors only. */
export function CsatReport({ query }: { query: { from?: string; to?: string } }) {
  const stats = useResource(`csat:${query.from ?? ''}:${query.to ?? ''}`, () => api.get<CsatStats>('/reports/csat', query));
  const s = stats.data;
  return (
    <section className="panel" aria-labelledby="csat-h">
      <div className="page-head">
        <h2 id="csat-h">CSAT by team and agent</h2>
        <a className="button" href={withQuery('/api/v1/reports/csat', { format: 'csv', ...query })} download>Export CSAT CSV</a>
      </div>
      <ErrorNote error={stats.error} />
      {s ? (
        <>
          <p className="small muted">
            {s.overall.responses} ratings · CSAT {pct(s.overall.csat)} · average {s.overall.averageScore ?? '—'} / {s.overall.scale} ·
            target above {s.target.averageScore}{s.target.met === null ? '' : s.target.met ? ' (met)' : ' (not met)'}. A rating counts for whoever resolved the case.
          </p>
          {s.overall.responses === 0 ? <p className="muted">No survey ratings in this period.</p> : (
            <div className="shift-grid">
              <CsatTable caption="CSAT by team" head="Team" lines={s.byTeam} />
              <CsatTable caption="CSAT by agent" head="Agent" lines={s.byAgent} />
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}
