import { Link } from '../../app/router';
import type { DeskDay, Drill } from './dashboard-types';

// Cases opened and escalations per UTC day as grouped bars, drawn as plain SVG (no chart library:
// the first load stays small). The chart is a picture for sighted users; the table below it holds
// the same numbers, each with its cases, for everyone else (issue 8 item 7).

const HEIGHT = 160;
const PAD_TOP = 14;
const PAD_BOTTOM = 22;
const PAD_LEFT = 28;

export function DayChart({ days }: { days: DeskDay[] }) {
  const width = Math.max(320, days.length * 26 + PAD_LEFT);
  const slot = (width - PAD_LEFT) / Math.max(days.length, 1);
  const bar = Math.max(3, Math.min(12, slot / 2 - 2));
  const max = Math.max(1, ...days.map((d) => Math.max(d.opened.count, d.escalations.count)));
  const plot = HEIGHT - PAD_TOP - PAD_BOTTOM;
  const y = (n: number) => PAD_TOP + plot - (n / max) * plot;
  const labelEvery = days.length > 14 ? 7 : 1;
  const totalOpened = days.reduce((s, d) => s + d.opened.count, 0);
  const totalEscalations = days.reduce((s, d) => s + d.escalations.count, 0);
  return (
    <figure className="day-chart">
      <svg viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-label={`Bar chart: ${totalOpened} cases opened and ${totalEscalations} escalations over ${days.length} days; the table below has each day.`} preserveAspectRatio="xMinYMin meet">
        <line x1={PAD_LEFT} x2={width} y1={y(0)} y2={y(0)} className="axis" />
        <text x={PAD_LEFT - 4} y={y(max) + 4} textAnchor="end" className="tick">{max}</text>
        <text x={PAD_LEFT - 4} y={y(0) + 4} textAnchor="end" className="tick">0</text>
        {days.map((d, i) => {
          const x = PAD_LEFT + i * slot + slot / 2;
          return (
            <g key={d.date}>
              <rect x={x - bar - 1} y={y(d.opened.count)} width={bar} height={y(0) - y(d.opened.count)} className="bar-opened">
                <title>{`${d.date}: ${d.opened.count} opened`}</title>
              </rect>
              <rect x={x + 1} y={y(d.escalations.count)} width={bar} height={y(0) - y(d.escalations.count)} className="bar-escalations">
                <title>{`${d.date}: ${d.escalations.count} escalations`}</title>
              </rect>
              {i % labelEvery === 0 ? <text x={x} y={HEIGHT - 6} textAnchor="middle" className="tick">{d.date.slice(5)}</text> : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="small">
        <span className="legend-swatch bar-opened-swatch" aria-hidden="true" /> Cases opened{' '}
        <span className="legend-swatch bar-escalations-swatch" aria-hidden="true" /> Escalations · days in UTC
      </figcaption>
    </figure>
  );
}

/** A number's cases behind a disclosure: each a link to its case page (R001-14 drill-down). */
function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'metric';
}

/** The cases behind one number as CSV, from the drill the report already carries (no extra request). */
export function drillCsvHref(drill: Drill, label: string): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  const lines = ['metric,case_id,case_url', ...drill.caseIds.map((id) => [label, id, `${origin}/cases/${id}`].map(quote).join(','))];
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`${lines.join('\r\n')}\r\n`)}`;
}

export function CaseLinks({ drill, label }: { drill: Drill; label: string }) {
  if (drill.count === 0) return null;
  return (
    <details className="drill">
      <summary>Show cases<span className="visually-hidden"> for {label}</span></summary>
      <ul className="drill-list">
        {drill.caseIds.map((id) => <li key={id}><Link to={`/cases/${id}`}>#{id}</Link></li>)}
      </ul>
      {drill.truncated ? <p className="small muted">The first {drill.caseIds.length} of {drill.count} cases.</p> : null}
      <a className="small" href={drillCsvHref(drill, label)} download={`${slug(label)}-cases.csv`}>
        Export these cases (CSV)<span className="visually-hidden"> for {label}</span>
      </a>
    </details>
  );
}

export function DayTable({ days }: { days: DeskDay[] }) {
  return (
    <details className="chart-table">
      <summary>Per-day numbers as a table</summary>
      <div className="table-wrap">
        <table className="data-table">
          <caption className="visually-hidden">Cases opened and escalations per day (UTC)</caption>
          <thead><tr><th scope="col">Day</th><th scope="col">Cases opened</th><th scope="col">Escalations</th></tr></thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.date}>
                <th scope="row">{d.date}</th>
                <td>{d.opened.count} <CaseLinks drill={d.opened} label={`cases opened on ${d.date}`} /></td>
                <td>{d.escalations.count} <CaseLinks drill={d.escalations} label={`escalations on ${d.date}`} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
