import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { FinanceEntry } from '../../api/finance-types';
import { deskCurrency, useSession } from '../../app/session';
import { Field, FormError } from '../../components/fields';
import { humanize } from '../../lib/format';
import { useSubmit } from '../../lib/use-submit';
import { REFUND_METHODS, RESHIPMENT_METHODS } from '../../../domain/finance/finance-entry.js';

const FIELDS = ['kind', 'amount', 'currency', 'method', 'reason', 'caseId', 'orderNumber', 'note'];

/**
 * The refunds/reshipments form (R000-09): amount as a decimal in its currency, method and reason.
 * A refund over the approval threshold waits for a supervisor who is not the person recording it
 * (R004-08, four eyes); the server decides, the console says so after saving.
 */
export function FinanceEntryForm({ onRecorded }: { onRecorded(e: FinanceEntry): void }) {
  const [kind, setKind] = useState<'refund' | 'reshipment'>('refund');
  const [amount, setAmount] = useState('');
  const session = useSession();
  const [currency, setCurrency] = useState(() => deskCurrency(session));
  const [method, setMethod] = useState<string>(REFUND_METHODS[0]);
  const [reason, setReason] = useState('');
  const [caseId, setCaseId] = useState('');
  const [orderNumber, setOrderNumber] = useState('');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<FinanceEntry | null>(null);
  const submit = useSubmit();
  const methods = kind === 'refund' ? REFUND_METHODS : RESHIPMENT_METHODS;

  const onKind = (k: 'refund' | 'reshipment') => {
    setKind(k);
    setMethod((k === 'refund' ? REFUND_METHODS : RESHIPMENT_METHODS)[0]!);
  };
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const entry = await submit.run(() => api.post<FinanceEntry>('/finance/entries', {
      kind, amount: amount.trim(), currency: currency.trim().toUpperCase(), method, reason,
      ...(caseId.trim() ? { caseId: caseId.trim().replace(/^#/, '') } : {}),
      ...(orderNumber.trim() ? { orderNumber: orderNumber.trim() } : {}),
      ...(note.trim() ? { note } : {}),
    }));
    if (entry) {
      setSaved(entry);
      setAmount('');
      setReason('');
      setCaseId('');
      setOrderNumber('');
      setNote('');
      onRecorded(entry);
    }
  };

  return (
    <section className="panel" aria-labelledby="finance-form-h">
      <h2 id="finance-form-h">Record a refund or reshipment</h2>
      {saved ? (
        <p className={`notice ${saved.state === 'pending_approval' ? 'warning' : 'success'}`} role="status">
          Recorded F-{saved.id}: {humanize(saved.kind)} of {saved.amount} {saved.currency}.{' '}
          {saved.state === 'pending_approval' ? 'It is over the approval threshold: a supervisor other than you must approve it (R004-08).' : 'Approved as recorded.'}
        </p>
      ) : null}
      <form className="form-grid" aria-label="Record a refund or reshipment" onSubmit={onSubmit} noValidate>
        <fieldset className="segmented">
          <legend className="visually-hidden">Kind</legend>
          {(['refund', 'reshipment'] as const).map((k) => (
            <label key={k} className={kind === k ? 'on' : undefined}>
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => onKind(k)} />{humanize(k)}
            </label>
          ))}
        </fieldset>
        <Field label="Amount" name="amount" error={submit.error} hint="In the currency, e.g. 129.00" render={(a) => <input {...a} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />} />
        <Field label="Currency" name="currency" error={submit.error} hint={`ISO 4217; the desk works in ${deskCurrency(session)}`} render={(a) => <input {...a} maxLength={3} value={currency} onChange={(e) => setCurrency(e.target.value)} />} />
        <Field label="Method" name="method" error={submit.error} render={(a) => (
          <select {...a} value={method} onChange={(e) => setMethod(e.target.value)}>
            {methods.map((m) => <option key={m} value={m}>{humanize(m)}</option>)}
          </select>
        )} />
        <Field label="Reason" name="reason" error={submit.error} hint="Why (R000-09), e.g. “out of stock after payment”" render={(a) => <input {...a} value={reason} onChange={(e) => setReason(e.target.value)} />} />
        <Field label="Case (optional)" name="caseId" error={submit.error} render={(a) => <input {...a} inputMode="numeric" value={caseId} onChange={(e) => setCaseId(e.target.value)} />} />
        <Field label="Order number (optional)" name="orderNumber" error={submit.error} render={(a) => <input {...a} value={orderNumber} onChange={(e) => setOrderNumber(e.target.value)} />} />
        <Field label="Note (optional)" name="note" error={submit.error} render={(a) => <input {...a} value={note} onChange={(e) => setNote(e.target.value)} />} />
        <div className="form-footer">
          <FormError error={submit.error} fields={FIELDS} />
          <button type="submit" className="button primary" disabled={submit.busy}>Record {kind}</button>
        </div>
      </form>
    </section>
  );
}
