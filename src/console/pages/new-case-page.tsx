import { useEffect, useState, type FormEvent } from 'react';
import { CATEGORIES, CHANNELS, FULFILLMENT_STATES, STOREFRONTS } from '../../domain/policy/vocabulary.js';
import { api } from '../api/client';
import type { CaseDetail } from '../api/types';
import { navigate } from '../app/router';
import { deskCurrency, useSession } from '../app/session';
import { Field, FormError } from '../components/fields';
import { humanize } from '../lib/format';
import { useSubmit } from '../lib/use-submit';

interface Draft {
  category: string;
  subject: string;
  channel: string;
  storefront: string;
  customerId: string;
  customerName: string;
  customerEmail: string;
  orderNumber: string;
  orderTotal: string;
  orderCurrency: string;
  fulfillment: string;
  message: string;
}

const EMPTY: Draft = {
  category: '', subject: '', channel: 'email', storefront: 'web', customerId: '', customerName: '', customerEmail: '',
  orderNumber: '', orderTotal: '', orderCurrency: '', fulfillment: '', message: '',
};

const sortedCategories = [...CATEGORIES].sort((a, b) => humanize(a).localeCompare(humanize(b)));

/** Only what was filled in is sent: a missing fact is unknown to the policy, never an error. */
function toBody(d: Draft): Record<string, unknown> {
  const body: Record<string, unknown> = { category: d.category };
  if (d.subject.trim()) body.subject = d.subject.trim();
  if (d.channel) body.channel = d.channel;
  if (d.storefront) body.storefront = d.storefront;
  if (d.customerId.trim()) {
    body.customer = {
      id: d.customerId.trim(),
      ...(d.customerName.trim() ? { name: d.customerName.trim() } : {}),
      ...(d.customerEmail.trim() ? { email: d.customerEmail.trim() } : {}),
    };
  }
  if (d.orderNumber.trim()) {
    body.order = {
      number: d.orderNumber.trim(),
      ...(d.orderTotal.trim() ? { total: d.orderTotal.trim(), currency: d.orderCurrency.trim().toUpperCase() } : {}),
      ...(d.fulfillment ? { fulfillment: d.fulfillment } : {}),
    };
  }
  if (d.message.trim()) body.timeline = [{ type: 'message', from: 'customer', text: d.message.trim() }];
  return body;
}

export function NewCasePage() {
  const session = useSession();
  const [d, setD] = useState<Draft>(() => ({ ...EMPTY, orderCurrency: deskCurrency(session) }));
  const submit = useSubmit();
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setD((prev) => ({ ...prev, [k]: e.target.value }));

  useEffect(() => {
    document.title = 'New case · Ladder';
  }, []);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const created = await submit.run(() => api.post<CaseDetail>('/cases', toBody(d)));
    if (created) navigate(`/cases/${created.id}`, { state: { opened: true } });
  };

  const err = submit.error;
  return (
    <section className="page new-case-page" aria-labelledby="new-case-title">
      <h1 id="new-case-title">New case</h1>
      <p className="muted">Ladder classifies, routes and times the case from these facts as soon as you open it.</p>
      <form onSubmit={onSubmit} className="form-grid" noValidate>
        <fieldset>
          <legend>The issue</legend>
          <Field label="Category" name="category" error={err} render={(a) => (
            <select {...a} value={d.category} onChange={set('category')} required>
              <option value="">Choose a category…</option>
              {sortedCategories.map((c) => <option key={c} value={c}>{humanize(c)}</option>)}
            </select>
          )} />
          <Field label="Subject" name="subject" error={err} render={(a) => <input {...a} value={d.subject} onChange={set('subject')} maxLength={300} />} />
          <div className="field-pair">
            <Field label="Channel" name="channel" error={err} render={(a) => (
              <select {...a} value={d.channel} onChange={set('channel')}>
                <option value="">Unknown</option>
                {CHANNELS.map((c) => <option key={c} value={c}>{humanize(c)}</option>)}
              </select>
            )} />
            <Field label="Storefront" name="storefront" error={err} render={(a) => (
              <select {...a} value={d.storefront} onChange={set('storefront')}>
                <option value="">Unknown</option>
                {STOREFRONTS.map((s) => <option key={s} value={s}>{humanize(s)}</option>)}
              </select>
            )} />
          </div>
          <Field label="First customer message" name="timeline" error={err} hint="Ladder reads it for signals: legal threats, chargebacks, review threats…" render={(a) => (
            <textarea {...a} rows={6} value={d.message} onChange={set('message')} />
          )} />
        </fieldset>
        <fieldset>
          <legend>Customer</legend>
          <Field label="Customer id" name="customer.id" error={err} hint="Your store's customer id; links this case to earlier ones." render={(a) => <input {...a} value={d.customerId} onChange={set('customerId')} />} />
          <Field label="Name" name="customer.name" error={err} render={(a) => <input {...a} value={d.customerName} onChange={set('customerName')} autoComplete="off" />} />
          <Field label="Email" name="customer.email" error={err} render={(a) => <input {...a} type="email" value={d.customerEmail} onChange={set('customerEmail')} autoComplete="off" />} />
        </fieldset>
        <fieldset>
          <legend>Order</legend>
          <Field label="Order number" name="order.number" error={err} hint="e.g. ORD-20261101-0042" render={(a) => <input {...a} value={d.orderNumber} onChange={set('orderNumber')} />} />
          <div className="field-pair">
            <Field label="Total" name="order.total" error={err} hint="Decimal, e.g. 129.00" render={(a) => <input {...a} inputMode="decimal" value={d.orderTotal} onChange={set('orderTotal')} />} />
            <Field label="Currency" name="order.currency" error={err} render={(a) => <input {...a} value={d.orderCurrency} onChange={set('orderCurrency')} maxLength={3} className="short" />} />
          </div>
          <Field label="Fulfillment" name="order.fulfillment" error={err} render={(a) => (
            <select {...a} value={d.fulfillment} onChange={set('fulfillment')}>
              <option value="">Unknown</option>
              {FULFILLMENT_STATES.map((f) => <option key={f} value={f}>{humanize(f)}</option>)}
            </select>
          )} />
        </fieldset>
        <div className="form-footer">
          <FormError error={err} fields={['category', 'subject', 'channel', 'storefront', 'timeline', 'customer', 'order']} />
          <button type="submit" className="button primary" disabled={submit.busy}>{submit.busy ? 'Opening…' : 'Open case'}</button>
        </div>
      </form>
    </section>
  );
}
