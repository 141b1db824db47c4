import { api } from '../../api/client';
import { Link } from '../../app/router';
import { ErrorNote } from '../../components/fields';
import { formatDateTime } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { useSubmit } from '../../lib/use-submit';
import type { WebhookEndpointView as WebhookEndpoint } from '../../../services/notifications/webhook-endpoints.js';
import type { WebhookDeliveryView as Delivery } from '../../../services/notifications/webhook-deliveries.js';

const STATE_LABEL: Record<Delivery['state'], string> = { pending: 'Queued', sent: 'Delivered', dead: 'Failed (gave up)' };

/** An endpoint's delivery log, newest first; a delivered or failed one can be sent again (same delivery id). */
export function WebhookDeliveries({ endpointId, endpoint }: { endpointId: string; endpoint: WebhookEndpoint | null }) {
  const list = useResource(`webhook-deliveries:${endpointId}`, () => api.get<{ items: Delivery[] }>(`/webhooks/${endpointId}/deliveries`, { limit: 50 }));
  const redeliver = useSubmit();
  const onRedeliver = async (d: Delivery) => {
    if (await redeliver.run(() => api.post(`/webhooks/${endpointId}/deliveries/${d.id}/redeliver`))) list.reload();
  };
  return (
    <section className="panel span-all" aria-labelledby="deliveries-h">
      <h2 id="deliveries-h">Deliveries{endpoint ? <> to <code>{endpoint.url}</code></> : null}</h2>
      <ErrorNote error={list.error ?? redeliver.error} />
      {list.data && list.data.items.length === 0 ? <p className="muted">Nothing sent yet.</p> : null}
      {(list.data?.items ?? []).length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <thead><tr><th scope="col">Event</th><th scope="col">Case</th><th scope="col">State</th><th scope="col">Attempts</th><th scope="col">Created</th><th scope="col">Sent</th><th scope="col">Last error</th><th scope="col"><span className="visually-hidden">Redeliver</span></th></tr></thead>
            <tbody>
              {list.data!.items.map((d) => (
                <tr key={d.id}>
                  <td><code>{d.event}</code></td>
                  <td>{d.caseId ? <Link to={`/cases/${d.caseId}`}>#{d.caseId}</Link> : '—'}</td>
                  <td data-testid="delivery-state">{STATE_LABEL[d.state]}{d.nextAttemptAt ? <span className="small muted"> · next {formatDateTime(d.nextAttemptAt)}</span> : null}</td>
                  <td className="num">{d.attempts}</td>
                  <td className="nowrap">{formatDateTime(d.createdAt)}</td>
                  <td className="nowrap">{formatDateTime(d.sentAt)}</td>
                  <td className="small">{d.lastError ?? '—'}</td>
                  <td>{d.state !== 'pending' ? <button type="button" className="button small" disabled={redeliver.busy} onClick={() => void onRedeliver(d)} aria-label={`Redeliver ${d.event} ${d.id}`}>Redeliver</button> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
