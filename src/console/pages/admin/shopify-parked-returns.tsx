import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorNote } from '../../components/fields';
import { formatDateTime } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import type { ParkedShopifyReturnView as Parked } from '../../../services/integrations/list-parked-shopify-returns.js';

type State = Parked['state'];
interface Page { counts: Record<State, number>; items: Parked[]; nextCursor: string | null }

const STATE_LABEL: Record<State, string> = { waiting: 'Waiting', expired: 'Expired', applied: 'Applied' };

/**
 * Shopify returns that arrived before their order (admins and back office): those still waiting,
 * those that expired because the order never came (SHOPIFY_PARKED_RETURN_EXPIRY_HOURS) — to be
 * followed up in Shopify — and those applied when it did.
 */
export function ShopifyParkedReturns() {
  const [state, setState] = useState<State | ''>('');
  const list = useResource(`shopify-parked-returns:${state}`, () => api.get<Page>('/integrations/shopify/parked-returns', { limit: 100, ...(state ? { state } : {}) }));
  const counts = list.data?.counts;
  return (
    <div className="admin-section">
      <section className="panel span-all" aria-labelledby="parked-returns-h">
        <h2 id="parked-returns-h">Shopify returns waiting for their order</h2>
        <p className="small muted">A return webhook that arrives before its order waits here; the order&apos;s webhook applies it. If the order does not arrive in time the return expires and is never applied: look the order up in Shopify.</p>
        <div className="filters">
          <label className="inline-label">Show{' '}
            <select value={state} onChange={(e) => setState(e.target.value as State | '')}>
              <option value="">All{counts ? ` (${counts.waiting + counts.expired + counts.applied})` : ''}</option>
              {(['waiting', 'expired', 'applied'] as const).map((s) => <option key={s} value={s}>{STATE_LABEL[s]}{counts ? ` (${counts[s]})` : ''}</option>)}
            </select>
          </label>
        </div>
        <ErrorNote error={list.error} />
        {list.data && list.data.items.length === 0 ? <p className="muted">None.</p> : null}
        {(list.data?.items ?? []).length > 0 ? (
          <div className="table-wrap">
            <table className="data-table">
              <thead><tr><th scope="col">State</th><th scope="col">Topic</th><th scope="col">Waits for</th><th scope="col">Parked</th><th scope="col">Expires / expired / applied</th><th scope="col">Delivery</th></tr></thead>
              <tbody>
                {list.data!.items.map((p) => (
                  <tr key={p.id}>
                    <td data-testid="parked-state">{STATE_LABEL[p.state]}</td>
                    <td><code>{p.topic}</code></td>
                    <td>{p.shopifyOrderId !== null ? <>Shopify order <code>{p.shopifyOrderId}</code></> : <>return <code>{p.returnId}</code></>}</td>
                    <td className="nowrap">{formatDateTime(p.parkedAt)}</td>
                    <td className="nowrap">{formatDateTime(p.state === 'waiting' ? p.expiresAt : p.state === 'expired' ? p.expiredAt : p.appliedAt)}</td>
                    <td className="small"><code>{p.deliveryId}</code></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {list.data?.nextCursor ? <p className="small muted">Showing the newest 100; <code>ladder shopify parked-returns</code> pages through the rest.</p> : null}
      </section>
    </div>
  );
}
