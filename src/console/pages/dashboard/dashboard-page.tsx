import { useEffect, useState, type ReactNode } from 'react';
import { api, withQuery } from '../../api/client';
import { ErrorNote } from '../../components/fields';
import { formatDateTime, humanize } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { CaseLinks, DayChart, DayTable } from './day-chart';
import type { DeskMetrics, Drill } from './dashboard-types';

// The desk dashboard (R001-14 metrics; R004-11 quality targets): what the desk handled in a period,
// each number with the cases behind it and the whole as a CSV export.

const DAY_MS = 86_400_000;

function hoursText(h: number | null): string {
  if (h === null) return '—';
  return h === 0 ? '< 0.1 h' : `${h} h`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function percentText(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}

/** The period as the API takes it: from the start of the first day to the end of the last (UTC). */
function periodQuery(fromDay: string, toDay: string): { from?: string; to?: string } {
  return {
    ...(fromDay ? { from: `${fromDay}T00:00:00.000Z` } : {}),
    ...(toDay ? { to: new Date(Date.parse(`${toDay}T00:00:00.000Z`) + DAY_MS).toISOString() } : {}),
  };
}

function Tile({ label, value, hint, drill, wordy, children }: { label: string; value: string; hint?: string; drill?: Drill; wordy?: boolean; children?: ReactNode }) {
  return (
    <section className="tile" aria-label={label}>
      <h2 className="tile-label">{label}</h2>
      <p className={wordy ? 'tile-value tile-value-words' : 'tile-value'}>{value}</p>
      {hint ? <p className="small muted tile-hint">{hint}</p> : null}
      {children}
      {drill ? <CaseLinks drill={drill} label={label} /> : null}
    </section>
  );
}

/** R004-11: CSAT above 4.5/5. Shown as a number once the desk metrics carry one (surveys). */
function CsatTile({ csat }: { csat: DeskMetrics['csat'] }) {
  if (typeof csat.value !== 'number') return <Tile label="CSAT" value="Not collected" wordy hint={csat.note} />;
  const scale = csat.scale ?? 5;
  const responses = typeof csat.responses === 'number' ? csat.responses : csat.responses?.count;
  const hint = [
    responses !== undefined ? plural(responses, 'response') : null,
    `target above ${csat.target ?? 4.5}`,
  ].filter(Boolean).join(' · ');
  const drill = typeof csat.responses === 'object' ? csat.responses : undefined;
  return <Tile label="CSAT" value={`${Math.round(csat.value * 100) / 100} / ${scale}`} hint={hint} {...(drill ? { drill } : {})} />;
}

function CountWithCases({ drill, label }: { drill: Drill; label: string }) {
  return <>{drill.count} <CaseLinks drill={drill} label={label} /></>;
}

export default function DashboardPage() {
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const query = periodQuery(fromDay, toDay);
  const metrics = useResource(`desk-metrics:${query.from ?? ''}:${query.to ?? ''}`, () => api.get<DeskMetrics>('/reports/desk', query));
  const m = metrics.data;

  useEffect(() => {
    document.title = 'Dashboard · Ladder';
  }, []);

  const csvHref = withQuery('/api/v1/reports/desk', { format: 'csv', ...query });
  return (
    <section className="page dashboard-page" aria-labelledby="dashboard-h">
      <div className="page-head">
        <h1 id="dashboard-h">Dashboard</h1>
        <div className="filters">
          <label className="inline-label">From <input type="date" value={fromDay} onChange={(e) => setFromDay(e.target.value)} /></label>
          <label className="inline-label">To <input type="date" value={toDay} onChange={(e) => setToDay(e.target.value)} /></label>
          <a className="button" href={csvHref} download>Export CSV</a>
        </div>
      </div>
      <ErrorNote error={metrics.error} />
      {metrics.loading && !m ? <p className="loading">Loading the dashboard…</p> : null}
      {m ? (
        <>
          <p className="small muted">
            {formatDateTime(m.from)} – {formatDateTime(m.to)}{!fromDay && !toDay ? ' (the last 30 days)' : ''}. Days are UTC days.
          </p>
          <div className="tiles">
            <Tile label="Cases opened" value={String(m.totals.opened.count)} drill={m.totals.opened} />
            <Tile label="Escalations" value={String(m.totals.escalations.count)} hint={plural(m.totals.escalatedCases, 'case')} drill={m.totals.escalations} />
            <Tile label="Average resolution" value={hoursText(m.resolution.averageHours)} hint={`median ${hoursText(m.resolution.medianHours)} · ${m.resolution.cases.count} resolved`} drill={m.resolution.cases} />
            <Tile label="Repeat customers" value={String(m.repeat.customers)} hint={`${plural(m.repeat.customerCases.count, 'case')} · ${plural(m.repeat.laterOffenses.count, 'later offense')}`} drill={m.repeat.customerCases} />
            <Tile label="SLA attainment" value={percentText(m.sla.attainment)} hint={`${m.sla.met.count} of ${m.sla.measured.count} resolved on time`} drill={m.sla.measured} />
            <Tile label="First-contact resolution" value={percentText(m.firstContact.rate)} hint={`${m.firstContact.firstContact.count} of ${m.firstContact.resolved.count} · target above 80%`} drill={m.firstContact.firstContact} />
            <CsatTile csat={m.csat} />
          </div>

          <section className="panel" aria-labelledby="per-day-h">
            <h2 id="per-day-h">Cases opened and escalations per day</h2>
            <DayChart days={m.days} />
            <DayTable days={m.days} />
          </section>

          <div className="shift-grid">
            <section className="panel" aria-labelledby="sla-h">
              <h2 id="sla-h">SLA attainment</h2>
              <dl className="kv">
                <dt>Resolved on time</dt><dd><CountWithCases drill={m.sla.met} label="resolved on time" /></dd>
                <dt>Resolved late</dt><dd><CountWithCases drill={m.sla.missed} label="resolved late" /></dd>
                <dt>Open past due</dt><dd><CountWithCases drill={m.sla.openPastDue} label="open past due" /></dd>
              </dl>
              <p className="small muted">{m.definitions.sla}</p>
            </section>
            <section className="panel" aria-labelledby="fcr-h">
              <h2 id="fcr-h">First-contact resolution and repeats</h2>
              <dl className="kv">
                <dt>Resolved at first contact</dt><dd><CountWithCases drill={m.firstContact.firstContact} label="resolved at first contact" /></dd>
                <dt>Resolved</dt><dd><CountWithCases drill={m.firstContact.resolved} label="resolved" /></dd>
                <dt>Later offenses</dt><dd><CountWithCases drill={m.repeat.laterOffenses} label="later offenses" /></dd>
              </dl>
              <p className="small muted">{m.definitions.firstContact} {m.definitions.repeat}</p>
            </section>
          </div>

          <section className="panel" aria-labelledby="by-category-h">
            <h2 id="by-category-h">By category</h2>
            {m.byCategory.length === 0 ? <p className="muted small">No cases in this period.</p> : (
              <div className="table-wrap">
                <table className="data-table">
                  <thead>
                    <tr><th scope="col">Category</th><th scope="col">Opened</th><th scope="col">Escalations</th><th scope="col">Resolved</th><th scope="col">Average resolution</th><th scope="col">Median resolution</th></tr>
                  </thead>
                  <tbody>
                    {m.byCategory.map((c) => (
                      <tr key={c.category}>
                        <th scope="row">{humanize(c.category)}</th>
                        <td><CountWithCases drill={c.opened} label={`${humanize(c.category)} opened`} /></td>
                        <td><CountWithCases drill={c.escalations} label={`${humanize(c.category)} escalations`} /></td>
                        <td><CountWithCases drill={c.resolution.cases} label={`${humanize(c.category)} resolved`} /></td>
                        <td>{hoursText(c.resolution.averageHours)}</td>
                        <td>{hoursText(c.resolution.medianHours)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      ) : null}
    </section>
  );
}
