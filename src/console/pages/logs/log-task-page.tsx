import { useEffect } from 'react';
import { api } from '../../api/client';
import type { LogEntry } from '../../api/log-types';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { ErrorNote } from '../../components/fields';
import { formatDateTime, humanize } from '../../lib/format';
import { useLogTypes } from '../../lib/log-types';
import { useResource } from '../../lib/use-resource';
import { LogEntryForm } from './log-entry-form';

// The supplier's task (issue 8 item 2): one log entry with only what its work needs — the server
// sends the supplier the fields, order facts and moves its template exposes (issue 5 item 2) — laid
// out for a phone. The supplier never sees the case itself.

const ORDER_LABELS: Record<string, string> = {
  number: 'Order', fulfillment: 'Fulfillment', placedAt: 'Placed', shippedAt: 'Shipped', deliveredAt: 'Delivered', destination: 'Destination', neededBy: 'Needed by',
};

function factText(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' && /At$|By$/.test(key) && /^\d{4}-\d\d-\d\dT/.test(value)) return formatDateTime(value);
  return key === 'fulfillment' && typeof value === 'string' ? humanize(value) : String(value);
}

export default function LogTaskPage({ caseId, backTo }: { caseId: string; backTo: string }) {
  const session = useSession();
  const types = useLogTypes(session.user);
  const entry = useResource<LogEntry>(`task:${caseId}`, () => api.get<LogEntry>(`/cases/${encodeURIComponent(caseId)}/log`));
  const e = entry.data;
  const type = e ? types.data?.find((t) => t.key === e.type) : undefined;

  useEffect(() => {
    document.title = e ? `${e.typeLabel} ${e.order?.number ?? `#${e.caseId}`} · Ladder` : 'Task · Ladder';
  }, [e]);

  return (
    <article className="page task-page" aria-labelledby="task-h">
      <p className="small"><Link to={backTo} className="back-link">← Back to my queue</Link></p>
      <h1 id="task-h">{e ? `${e.typeLabel}${e.order?.number ? ` · ${String(e.order.number)}` : ''}` : `Task #${caseId}`}</h1>
      <ErrorNote error={entry.error} title={entry.error?.status === 404 ? 'No such task, or it is not in your queue.' : 'Could not load the task.'} />
      <ErrorNote error={types.error} />
      {!e && !entry.error ? <p className="loading">Loading…</p> : null}
      {e?.order ? (
        <section className="panel" aria-label="Order">
          <dl className="kv">
            {Object.entries(e.order).filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => (
              <div key={k} className="kv-row"><dt>{ORDER_LABELS[k] ?? humanize(k)}</dt><dd>{factText(k, v)}</dd></div>
            ))}
          </dl>
        </section>
      ) : null}
      {e?.customer ? (
        <section className="panel" aria-label="Customer">
          <dl className="kv">
            {Object.entries(e.customer).map(([k, v]) => <div key={k} className="kv-row"><dt>{humanize(k)}</dt><dd>{factText(k, v)}</dd></div>)}
          </dl>
        </section>
      ) : null}
      {e?.affectedOrders && e.affectedOrders.length > 0 ? (
        <section className="panel" aria-labelledby="affected-h">
          <h2 id="affected-h">Other orders with this SKU</h2>
          <ul className="plain-list">
            {e.affectedOrders.map((o) => <li key={o.orderNumber}><span className="mono">{o.orderNumber}</span> <span className="small muted">{humanize(o.reason)}</span></li>)}
          </ul>
        </section>
      ) : null}
      {e && type ? (
        <section className="panel" aria-labelledby="task-form-h">
          <h2 id="task-form-h">Your task</h2>
          <LogEntryForm entry={e} type={type} onChanged={entry.set} />
        </section>
      ) : null}
    </article>
  );
}
