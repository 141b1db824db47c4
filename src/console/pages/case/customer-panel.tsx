import { useId } from 'react';
import { api } from '../../api/client';
import type { CaseDetail, CustomerProfile } from '../../api/types';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { Chip, StatusPill } from '../../components/badges';
import { ErrorNote } from '../../components/fields';
import { formatDate, humanize } from '../../lib/format';
import { useResource } from '../../lib/use-resource';

/** The customer, linked accounts and every earlier case of them all (R003-03: research first). */
export function CustomerPanel({ c }: { c: CaseDetail }) {
  const session = useSession();
  const id = useId();
  const externalId = c.customer?.externalId ?? null;
  const key = externalId && session.can('customers.read') ? `customer:${externalId}:${c.updatedAt}` : null;
  const profile = useResource<CustomerProfile>(key, () => api.get<CustomerProfile>(`/customers/${encodeURIComponent(externalId!)}`));
  if (!c.customer) return null;
  const p = profile.data;
  const earlier = p ? p.cases.filter((x) => x.id !== c.id) : [];
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Customer</h2>
      <p className="customer-name">
        {c.customer.name ?? 'Unnamed customer'} {c.customer.vip ? <Chip tone="danger">VIP</Chip> : null}
      </p>
      <dl className="kv">
        {c.customer.externalId ? <><dt>Customer id</dt><dd>{c.customer.externalId}</dd></> : null}
        {c.customer.email ? <><dt>Email</dt><dd>{c.customer.email}</dd></> : null}
        {c.customer.phone ? <><dt>Phone</dt><dd>{c.customer.phone}</dd></> : null}
      </dl>
      <ErrorNote error={profile.error} title="Could not load the customer's history." />
      {p && p.linkedAccounts.length > 0 ? (
        <>
          <h3>Linked accounts</h3>
          <ul className="plain">
            {p.linkedAccounts.map((a) => <li key={a.id}>{a.externalId}{a.name ? ` — ${a.name}` : ''}{a.email ? ` (${a.email})` : ''}</li>)}
          </ul>
        </>
      ) : null}
      {p ? (
        <>
          <h3>Earlier cases ({earlier.length})</h3>
          {earlier.length === 0 ? <p className="muted small">None on this customer or linked accounts.</p> : (
            <ul className="plain earlier-cases">
              {earlier.slice(0, 20).map((x) => (
                <li key={x.id}>
                  <Link to={`/cases/${x.id}`}>#{x.id} {humanize(x.category)}</Link>{' '}
                  <StatusPill status={x.status} /> <span className="muted small">{formatDate(x.createdAt)}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : profile.loading ? <p className="muted small">Loading history…</p> : null}
    </section>
  );
}

export function OrderPanel({ c }: { c: CaseDetail }) {
  const id = useId();
  const o = c.order;
  if (!o) return null;
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Order {o.number}</h2>
      <dl className="kv">
        {o.total ? <><dt>Total</dt><dd>{o.total} {o.currency}</dd></> : null}
        {o.fulfillment ? <><dt>Fulfillment</dt><dd>{humanize(o.fulfillment)}</dd></> : null}
        {o.destination ? <><dt>Destination</dt><dd>{humanize(o.destination)}</dd></> : null}
        {o.placedAt ? <><dt>Placed</dt><dd>{formatDate(o.placedAt)}</dd></> : null}
        {o.shippedAt ? <><dt>Shipped</dt><dd>{formatDate(o.shippedAt)}</dd></> : null}
        {o.deliveredAt ? <><dt>Delivered</dt><dd>{formatDate(o.deliveredAt)}</dd></> : null}
        {o.neededBy ? <><dt>Needed by</dt><dd>{formatDate(o.neededBy)}</dd></> : null}
        {o.failedDeliveries ? <><dt>Failed deliveries</dt><dd>{o.failedDeliveries}</dd></> : null}
      </dl>
    </section>
  );
}
