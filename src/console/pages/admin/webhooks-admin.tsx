import { useRef, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ErrorNote, Field, FormError } from '../../components/fields';
import { useResource } from '../../lib/use-resource';
import { useSubmit } from '../../lib/use-submit';
import { WEBHOOK_EVENTS } from '../../../domain/webhooks/webhook-events.js';
import { WebhookDeliveries } from './webhook-deliveries';
import type { WebhookEndpointView as WebhookEndpoint } from '../../../services/notifications/webhook-endpoints.js';

interface TestResult { ok: boolean; status: number | null; error: string | null }

/** Outgoing webhooks (issue 7 item 5): endpoints, their one-time secret, a test ping and the delivery log. */
export function WebhooksAdmin() {
  const list = useResource('webhooks', () => api.get<{ items: WebhookEndpoint[] }>('/webhooks'));
  const [created, setCreated] = useState<(WebhookEndpoint & { secret: string }) | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [tested, setTested] = useState<Record<string, TestResult>>({});
  const [deleted, setDeleted] = useState<string | null>(null);
  const action = useSubmit();

  const toggle = async (w: WebhookEndpoint) => {
    if (await action.run(() => api.patch<WebhookEndpoint>(`/webhooks/${w.id}`, { active: !w.active }))) list.reload();
  };
  const rotate = async (w: WebhookEndpoint) => {
    if (!window.confirm(`Make a new signing secret for ${w.url}? The receiver must switch to it: the old one stops working at once.`)) return;
    const next = await action.run(() => api.patch<WebhookEndpoint & { secret: string }>(`/webhooks/${w.id}`, { rotateSecret: true }));
    if (next) {
      setCreated(next);
      list.reload();
    }
  };
  const remove = async (w: WebhookEndpoint) => {
    if (!window.confirm(`Delete the endpoint ${w.url}? Pending deliveries stop; disable it instead to keep its delivery log readable.`)) return;
    if ((await action.run(async () => { await api.del(`/webhooks/${w.id}`); return true; }))) {
      if (open === w.id) setOpen(null);
      setDeleted(w.url);
      list.reload();
    }
  };
  const test = async (w: WebhookEndpoint) => {
    const r = await action.run(() => api.post<TestResult>(`/webhooks/${w.id}/test`));
    if (r) setTested((t) => ({ ...t, [w.id]: r }));
  };

  return (
    <div className="admin-section">
      <section className="panel" aria-labelledby="webhooks-h">
        <h2 id="webhooks-h">Webhook endpoints</h2>
        <ErrorNote error={list.error ?? action.error} />
        {deleted ? <p className="notice success small" role="status">Deleted the endpoint {deleted}.</p> : null}
        {list.data && list.data.items.length === 0 ? <p className="muted">No endpoints yet.</p> : null}
        {(list.data?.items ?? []).length > 0 ? (
          <div className="table-wrap">
            <table className="data-table">
              <thead><tr><th scope="col">URL</th><th scope="col">Events</th><th scope="col">State</th><th scope="col">Actions</th></tr></thead>
              <tbody>
                {list.data!.items.map((w) => {
                  const r = tested[w.id];
                  return (
                    <tr key={w.id} className={w.active ? undefined : 'disabled-row'}>
                      <td><code>{w.url}</code>{w.description ? <div className="small muted">{w.description}</div> : null}{w.includeRestricted ? <div className="small">Includes chargeback and fraud cases (R000-08)</div> : null}</td>
                      <td className="small">{w.events.includes('*') ? 'All events' : w.events.join(', ')}</td>
                      <td>{w.active ? 'Enabled' : 'Disabled'}</td>
                      <td>
                        <div className="button-row">
                          <button type="button" className="button small" disabled={action.busy} onClick={() => void toggle(w)}>{w.active ? 'Disable' : 'Enable'}</button>
                          <button type="button" className="button small" disabled={action.busy} onClick={() => void test(w)}>Send test</button>
                          <button type="button" className="button small" disabled={action.busy} onClick={() => void rotate(w)}>New secret</button>
                          <button type="button" className="button small danger" disabled={action.busy} aria-label={`Delete ${w.url}`} onClick={() => void remove(w)}>Delete</button>
                          <button type="button" className="button small" aria-expanded={open === w.id} onClick={() => setOpen(open === w.id ? null : w.id)}>Deliveries</button>
                        </div>
                        {r ? <p className={`small ${r.ok ? '' : 'text-danger'}`} role="status">{r.ok ? `Test delivered (HTTP ${r.status}).` : `Test failed${r.status ? ` (HTTP ${r.status})` : ''}: ${r.error}`}</p> : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <AddWebhook created={created} onCreated={(w) => { setCreated(w); list.reload(); }} />
      {open ? <WebhookDeliveries key={`${open}:${JSON.stringify(tested[open] ?? null)}`} endpoint={list.data?.items.find((w) => w.id === open) ?? null} endpointId={open} /> : null}
    </div>
  );
}

function AddWebhook({ created, onCreated }: { created: (WebhookEndpoint & { secret: string }) | null; onCreated(w: WebhookEndpoint & { secret: string }): void }) {
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [all, setAll] = useState(true);
  const [events, setEvents] = useState<string[]>([]);
  const [includeRestricted, setIncludeRestricted] = useState(false);
  const [copied, setCopied] = useState(false);
  const secretRef = useRef<HTMLInputElement>(null);
  const submit = useSubmit();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const w = await submit.run(() => api.post<WebhookEndpoint & { secret: string }>('/webhooks', {
      url: url.trim(), events: all ? ['*'] : events, includeRestricted, ...(description.trim() ? { description: description.trim() } : {}),
    }));
    if (w) {
      setCopied(false);
      setUrl('');
      setDescription('');
      onCreated(w);
      requestAnimationFrame(() => secretRef.current?.select());
    }
  };
  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopied(true);
    } catch {
      secretRef.current?.select();
    }
  };
  return (
    <section className="panel" aria-labelledby="add-webhook-h">
      <h2 id="add-webhook-h">Add an endpoint</h2>
      {created ? (
        <div className="secret-once" role="status">
          <p><strong>Signing secret for {created.url}. You won’t see this again:</strong> copy it now into the receiver.</p>
          <div className="token-row">
            <label htmlFor="webhook-secret" className="visually-hidden">Signing secret</label>
            <input id="webhook-secret" ref={secretRef} readOnly value={created.secret} className="mono" onFocus={(e) => e.target.select()} />
            <button type="button" className="button" onClick={() => void copy()}>{copied ? 'Copied' : 'Copy'}</button>
          </div>
        </div>
      ) : null}
      <form className="inline-form" aria-label="Add a webhook endpoint" onSubmit={onSubmit} noValidate>
        <Field label="URL" name="url" error={submit.error} hint="https://… where Ladder POSTs signed events" render={(a) => <input {...a} type="url" value={url} onChange={(e) => setUrl(e.target.value)} />} />
        <Field label="Description (optional)" name="description" error={submit.error} render={(a) => <input {...a} value={description} onChange={(e) => setDescription(e.target.value)} />} />
        <fieldset className="field" aria-describedby={undefined}>
          <legend className="field-label">Events</legend>
          <label className="check"><input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> All events</label>
          {!all ? (
            <div className="check-row">
              {WEBHOOK_EVENTS.map((ev) => (
                <label key={ev}><input type="checkbox" checked={events.includes(ev)} onChange={(e) => setEvents((xs) => (e.target.checked ? [...xs, ev] : xs.filter((x) => x !== ev)))} /> {ev}</label>
              ))}
            </div>
          ) : null}
          {submit.error?.field?.startsWith('events') ? <small className="field-error" role="alert">{submit.error.message}</small> : null}
        </fieldset>
        <label className="check"><input type="checkbox" checked={includeRestricted} onChange={(e) => setIncludeRestricted(e.target.checked)} /> Also send chargeback and fraud cases (R000-08)</label>
        <FormError error={submit.error} fields={['url', 'description', 'events']} />
        <div className="form-actions"><button type="submit" className="button primary" disabled={submit.busy}>Add endpoint</button></div>
      </form>
    </section>
  );
}
