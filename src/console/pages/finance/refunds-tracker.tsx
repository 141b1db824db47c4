import { useState } from 'react';
import { api, withQuery } from '../../api/client';
import type { RefundsTracker, TrackerCell } from '../../api/finance-types';
import { ErrorNote } from '../../components/fields';
import { formatDateTime, humanize } from '../../lib/format';
import { formatMinor } from '../../lib/money';
import { useResource } from '../../lib/use-resource';

const MONTH = new Intl.DateTimeFormat(undefined, { month: 'long', timeZone: 'UTC' });

function Cell({ cell, currency }: { cell: TrackerCell; currency: string }) {
  if (cell.count === 0) return <td className="num muted">—</td>;
  return <td className="num">{formatMinor(cell.amountMinor, currency)} <span className="muted small">({cell.count})</span></td>;
}

/** R000-09: the year's refunds per month and currency with totals; large refunds listed on their own. */
export function RefundsTrackerPanel({ generation }: { generation: number }) {
  const thisYear = new Date().getUTCFullYear();
  const [year, setYear] = useState(thisYear);
  const tracker = useResource(`refunds-tracker:${year}:${generation}`, () => api.get<RefundsTracker>('/reports/refunds-tracker', { year }));
  const t = tracker.data;
  const thresholds = t ? Object.entries(t.largeOver).map(([c, v]) => `${v} ${c}`).join(', ') : '';
  return (
    <section className="panel" aria-labelledby="tracker-h">
      <div className="page-head">
        <h2 id="tracker-h">Refunds tracker {year}</h2>
        <div className="filters">
          <label className="inline-label">Year{' '}
            <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
              {[thisYear, thisYear - 1, thisYear - 2].map((y) => <option key={y} value={y}>{y}</option>)}
            </select>
          </label>
          <a className="button" href={withQuery('/api/v1/reports/refunds-tracker', { year, format: 'csv' })} download>Export CSV</a>
        </div>
      </div>
      <ErrorNote error={tracker.error} />
      {t && t.months.length === 0 ? <p className="muted">Nothing went out in {year} yet. Only performed refunds and reshipments count.</p> : null}
      {t && t.months.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table tracker-table">
            <caption className="visually-hidden">Refunds, store credit and reshipments per month</caption>
            <thead>
              <tr><th scope="col">Month</th><th scope="col">Currency</th><th scope="col" className="num">Refunds</th><th scope="col" className="num">Store credit</th><th scope="col" className="num">Reshipments</th><th scope="col" className="num">Large refunds</th></tr>
            </thead>
            <tbody>
              {t.months.map((m) => (
                <tr key={`${m.month}|${m.currency}`}>
                  <th scope="row">{MONTH.format(new Date(`${m.month}-01T00:00:00Z`))}</th>
                  <td>{m.currency}</td>
                  <Cell cell={m.refund} currency={m.currency} /><Cell cell={m.store_credit} currency={m.currency} /><Cell cell={m.reshipment} currency={m.currency} /><Cell cell={m.large} currency={m.currency} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              {t.totals.map((m) => (
                <tr key={m.currency} data-testid="tracker-total">
                  <th scope="row">Total {t.year}</th>
                  <td>{m.currency}</td>
                  <Cell cell={m.refund} currency={m.currency} /><Cell cell={m.store_credit} currency={m.currency} /><Cell cell={m.reshipment} currency={m.currency} /><Cell cell={m.large} currency={m.currency} />
                </tr>
              ))}
            </tfoot>
          </table>
        </div>
      ) : null}
      {t && t.large.length > 0 ? (
        <section aria-labelledby="large-h">
          <h3 id="large-h">Large refunds</h3>
          <p className="small muted">Over {thresholds}: listed one by one (R000-09, R004-08).</p>
          <div className="table-wrap">
            <table className="data-table tracker-table">
              <thead><tr><th scope="col">Reference</th><th scope="col">When</th><th scope="col">Kind</th><th scope="col" className="num">Amount</th><th scope="col">Method</th><th scope="col">Reason</th><th scope="col">Order</th></tr></thead>
              <tbody>
                {t.large.map((i) => (
                  <tr key={i.reference}>
                    <td>{i.reference}</td>
                    <td className="nowrap">{formatDateTime(i.at)}</td>
                    <td>{humanize(i.kind)}</td>
                    <td className="num">{formatMinor(i.amountMinor, i.currency)}</td>
                    <td>{humanize(i.method)}</td>
                    <td>{i.reason ?? '—'}</td>
                    <td>{i.orderNumber ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </section>
  );
}
