import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../../../api/client';
import type { Rma, RmaEvent } from '../../../api/returns-types';
import { useSession } from '../../../app/session';
import { Field, FormError } from '../../../components/fields';
import { formatMinor } from '../../../lib/money';
import { useSubmit, type Submit } from '../../../lib/use-submit';

// The moves the RMA's state allows (src/domain/returns/rma.ts), each for those who work returns. A
// move the person may not make here is shown with why, rather than left to fail: the four-eyes rule
// over the threshold (R004-08) and a lead's case-by-case call on dissatisfaction (R004-04).

const PATH: Record<RmaEvent, string> = {
  approve: 'approve', deny: 'deny', cancel: 'cancel', send_label: 'label-sent', ship: 'in-transit',
  receive: 'receive', inspect: 'inspect', refund: 'refund', credit: 'credit',
};

/** Why this person cannot approve, or null when they can. */
export function approvalBlock(rma: Rma, me: { id: string; canApproveMoney: boolean }): string | null {
  if (!rma.approvalRequired) return null;
  const why = rma.approvalReasons.map((r) => `${r.text} (${r.rule})`).join('; ') || `over the approval threshold (R004-08)`;
  if (!me.canApproveMoney) {
    return `You cannot approve this return: it needs a supervisor's approval (${why}). A lead or above, or back office, other than the person who requested it approves it.`;
  }
  if (rma.requestedBy === me.id) {
    return `Four eyes (R004-08): you requested this return, so another supervisor must approve it — ${why}.`;
  }
  return null;
}

function ActionForm({ title, submit, onSubmit, children, button, tone, blocked, after }: {
  title: string; submit: Submit; onSubmit(): Promise<void>; children?: ReactNode; button: string; tone?: 'primary' | 'danger-outline'; blocked?: string | null;
  /** A second button beside the first (store credit beside the refund). */
  after?: ReactNode;
}) {
  const id = useId();
  const handle = (e: FormEvent) => {
    e.preventDefault();
    if (!blocked) void onSubmit();
  };
  return (
    <form className="rma-action" aria-label={title} onSubmit={handle}>
      {children}
      {blocked ? <p id={`${id}-why`} className="notice blocked-note" role="note">{blocked}</p> : null}
      <FormError error={submit.error} fields={['reason', 'trackingNumber', 'carrier', 'outcome', 'amount', 'note']} />
      <div className="button-row">
        <button type="submit" className={`button ${tone ?? ''}`} disabled={submit.busy || Boolean(blocked)} aria-describedby={blocked ? `${id}-why` : undefined}>{button}</button>
        {after}
      </div>
    </form>
  );
}

export function RmaActions({ rma, onChanged }: { rma: Rma; onChanged(rma: Rma): void }) {
  const session = useSession();
  const submit = useSubmit();
  const [note, setNote] = useState('');
  const [denyReason, setDenyReason] = useState('');
  const [cancelReason, setCancelReason] = useState('');
  const [tracking, setTracking] = useState('');
  const [carrier, setCarrier] = useState('');
  const [outcome, setOutcome] = useState('resellable');
  const [amount, setAmount] = useState('');
  if (!session.can('returns.manage') || rma.allowedEvents.length === 0) return null;

  const move = async (event: RmaEvent, body: Record<string, unknown> = {}) => {
    const next = await submit.run(() => api.post<Rma>(`/rmas/${encodeURIComponent(rma.number)}/${PATH[event]}`, body));
    if (next) {
      setNote(''); setDenyReason(''); setCancelReason(''); setTracking(''); setCarrier(''); setAmount('');
      onChanged(next);
    }
  };
  const me = { id: session.user.id, canApproveMoney: session.can('refunds.approve') };
  const quoted = formatMinor(rma.refundTotal, rma.currency);
  const noteField = (label: string) => (
    <Field label={label} name="note" error={submit.error} render={(a) => <input {...a} value={note} onChange={(e) => setNote(e.target.value)} />} />
  );
  const payoutFields = (
    <>
      <Field label={`Amount (default: the quoted ${quoted})`} name="amount" error={submit.error} render={(a) => (
        <input {...a} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
      )} />
      {noteField('Note (required when the amount differs)')}
    </>
  );
  const payoutBody = () => ({ ...(amount.trim() ? { amount: amount.trim() } : {}), ...(note.trim() ? { note: note.trim() } : {}) });

  const forms: ReactNode[] = [];
  const closing: ReactNode[] = [];
  for (const event of rma.allowedEvents) {
    if (event === 'approve') {
      forms.push(
        <ActionForm key={event} title="Approve the return" submit={submit} button="Approve" tone="primary" blocked={approvalBlock(rma, me)}
          onSubmit={() => move('approve', note.trim() ? { note: note.trim() } : {})}>
          {!rma.eligible ? noteField('Why the exception (required, R004-08)') : null}
        </ActionForm>,
      );
    } else if (event === 'deny' || event === 'cancel') {
      const deny = event === 'deny';
      const leadCall = deny && rma.resolution === 'lead_review' && !me.canApproveMoney ? 'Dissatisfaction is decided case by case by a lead (R004-04).' : null;
      const value = deny ? denyReason : cancelReason;
      const setValue = deny ? setDenyReason : setCancelReason;
      // Saying no is the rarer move: folded, so the next step in the life of the return leads.
      closing.push(
        <ActionForm key={event} title={deny ? 'Deny the return' : 'Cancel the return'} submit={submit} button={deny ? 'Deny' : 'Cancel return'} tone="danger-outline" blocked={leadCall}
          onSubmit={() => move(event, { reason: value.trim() })}>
          <Field label={deny ? 'Reason the customer is given' : 'Why it is cancelled'} name="reason" error={submit.error} render={(a) => (
            <input {...a} value={value} onChange={(e) => setValue(e.target.value)} required />
          )} />
        </ActionForm>,
      );
    } else if (event === 'send_label') {
      forms.push(
        <ActionForm key={event} title="Mark the label sent" submit={submit} button="Label sent" tone="primary"
          onSubmit={() => move('send_label', { ...(tracking.trim() ? { trackingNumber: tracking.trim() } : {}), ...(carrier.trim() ? { carrier: carrier.trim() } : {}) })}>
          <div className="field-pair">
            <Field label="Tracking number" name="trackingNumber" error={submit.error} render={(a) => <input {...a} value={tracking} onChange={(e) => setTracking(e.target.value)} />} />
            <Field label="Carrier" name="carrier" error={submit.error} render={(a) => <input {...a} value={carrier} onChange={(e) => setCarrier(e.target.value)} />} />
          </div>
        </ActionForm>,
      );
    } else if (event === 'ship') {
      forms.push(
        <ActionForm key={event} title="Mark in transit" submit={submit} button="In transit" onSubmit={() => move('ship', tracking.trim() ? { trackingNumber: tracking.trim() } : {})}>
          <Field label="Tracking number (if new)" name="trackingNumber" error={submit.error} render={(a) => <input {...a} value={tracking} onChange={(e) => setTracking(e.target.value)} />} />
        </ActionForm>,
      );
    } else if (event === 'receive') {
      forms.push(<ActionForm key={event} title="Mark received" submit={submit} button="Received" tone="primary" onSubmit={() => move('receive')} />);
    } else if (event === 'inspect') {
      forms.push(
        <ActionForm key={event} title="Record the inspection" submit={submit} button="Inspected" tone="primary"
          onSubmit={() => move('inspect', { outcome, ...(note.trim() ? { note: note.trim() } : {}) })}>
          <Field label="Outcome (R001-08)" name="outcome" error={submit.error} render={(a) => (
            <select {...a} value={outcome} onChange={(e) => setOutcome(e.target.value)}>
              <option value="resellable">Resellable — back to stock</option>
              <option value="damaged">Damaged — returns area</option>
            </select>
          )} />
          {noteField('Note (optional)')}
        </ActionForm>,
      );
    } else if (event === 'refund' || (event === 'credit' && !rma.allowedEvents.includes('refund'))) {
      const alsoCredit = event === 'refund' && rma.allowedEvents.includes('credit');
      forms.push(
        <ActionForm key={event} title="Pay out" submit={submit} button={event === 'refund' ? 'Refund to original payment' : 'Pay as store credit'} tone="primary"
          onSubmit={() => move(event, payoutBody())}
          after={alsoCredit ? <button type="button" className="button" disabled={submit.busy} onClick={() => void move('credit', payoutBody())}>Pay as store credit instead</button> : null}>
          {payoutFields}
        </ActionForm>,
      );
    }
  }
  return (
    <div className="rma-actions">
      {forms}
      {closing.length > 0 ? (
        <details className="rma-closing">
          <summary>{rma.allowedEvents.includes('deny') ? 'Deny or cancel' : 'Cancel'}</summary>
          {closing}
        </details>
      ) : null}
    </div>
  );
}
