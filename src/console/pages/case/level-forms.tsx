import { useState, type FormEvent } from 'react';
import { LEVELS, PRIORITIES, SIGNALS } from '../../../domain/policy/vocabulary.js';
import { api } from '../../api/client';
import type { CaseDetail } from '../../api/types';
import { Field, FormError } from '../../components/fields';
import { humanize } from '../../lib/format';
import { useSubmit } from '../../lib/use-submit';
import type { ActionProps } from './case-actions';

const rank = (level: string) => Number(level.slice(1));

/** Escalate with a reason; the server keeps the reason as the escalation's internal note (R002-08). */
export function EscalateForm({ c, onUpdated }: ActionProps) {
  const higher = LEVELS.filter((l) => rank(l) > rank(c.level));
  const [picked, setTo] = useState<string>(higher[0] ?? '');
  const to = higher.includes(picked as (typeof higher)[number]) ? picked : (higher[0] ?? '');
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const view = await submit.run(() => api.post<CaseDetail>(`/cases/${c.id}/escalate`, { to, reason }));
    if (view) {
      setReason('');
      onUpdated(view);
    }
  };
  return (
    <form onSubmit={onSubmit}>
      <Field label="Escalate to" name="to" error={submit.error} render={(a) => (
        <select {...a} value={to} onChange={(e) => setTo(e.target.value)}>
          {higher.map((l) => <option key={l} value={l}>{l}</option>)}
        </select>
      )} />
      <Field label="Reason (becomes the internal note)" name="reason" error={submit.error} hint="An overview of the events, for whoever picks it up." render={(a) => (
        <textarea {...a} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} required />
      )} />
      <FormError error={submit.error} fields={['to', 'reason']} />
      <button type="submit" className="button danger" disabled={submit.busy || !reason.trim()}>Escalate</button>
    </form>
  );
}

export function DeescalateForm({ c, onUpdated }: ActionProps) {
  const lower = LEVELS.filter((l) => rank(l) < rank(c.level));
  const [picked, setTo] = useState<string>(lower[lower.length - 1] ?? '');
  const to = lower.includes(picked as (typeof lower)[number]) ? picked : (lower[lower.length - 1] ?? '');
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const view = await submit.run(() => api.post<CaseDetail>(`/cases/${c.id}/deescalate`, { to, reason }));
    if (view) {
      setReason('');
      onUpdated(view);
    }
  };
  return (
    <form onSubmit={onSubmit}>
      <Field label="De-escalate to" name="to" error={submit.error} render={(a) => (
        <select {...a} value={to} onChange={(e) => setTo(e.target.value)}>
          {lower.map((l) => <option key={l} value={l}>{l}</option>)}
        </select>
      )} />
      <Field label="Reason" name="reason" error={submit.error} render={(a) => (
        <textarea {...a} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} required />
      )} />
      <FormError error={submit.error} fields={['to', 'reason']} />
      <button type="submit" className="button" disabled={submit.busy || !reason.trim()}>De-escalate</button>
    </form>
  );
}

/** A signal the text does not show (uncooperative twice, a rejected solution…); the case is re-decided. */
export function SignalForm({ c, onUpdated }: ActionProps) {
  const [signal, setSignal] = useState<string>(SIGNALS[0]);
  const [note, setNote] = useState('');
  const submit = useSubmit();
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const view = await submit.run(() => api.post<CaseDetail>(`/cases/${c.id}/signals`, { signal, ...(note.trim() ? { note: note.trim() } : {}) }));
    if (view) {
      setNote('');
      onUpdated(view);
    }
  };
  return (
    <form onSubmit={onSubmit}>
      <Field label="Signal" name="signal" error={submit.error} render={(a) => (
        <select {...a} value={signal} onChange={(e) => setSignal(e.target.value)}>
          {SIGNALS.map((s) => <option key={s} value={s}>{humanize(s)}</option>)}
        </select>
      )} />
      <Field label="Note (optional)" name="note" error={submit.error} render={(a) => (
        <input {...a} value={note} onChange={(e) => setNote(e.target.value)} />
      )} />
      <FormError error={submit.error} fields={['signal', 'note']} />
      <button type="submit" className="button primary" disabled={submit.busy}>Record signal</button>
    </form>
  );
}

export function PriorityForm({ c, onUpdated }: ActionProps) {
  const [priority, setPriority] = useState(c.priority);
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const view = await submit.run(() => api.post<CaseDetail>(`/cases/${c.id}/priority`, { priority, reason }));
    if (view) {
      setReason('');
      onUpdated(view);
    }
  };
  return (
    <form onSubmit={onSubmit}>
      <Field label="Priority" name="priority" error={submit.error} render={(a) => (
        <select {...a} value={priority} onChange={(e) => setPriority(e.target.value)}>
          {PRIORITIES.map((p) => <option key={p} value={p}>{p}</option>)}
        </select>
      )} />
      <Field label="Reason" name="reason" error={submit.error} render={(a) => (
        <input {...a} value={reason} onChange={(e) => setReason(e.target.value)} required />
      )} />
      <FormError error={submit.error} fields={['priority', 'reason']} />
      <button type="submit" className="button primary" disabled={submit.busy || !reason.trim() || priority === c.priority}>Set priority</button>
    </form>
  );
}
