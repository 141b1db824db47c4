import { useMemo, useRef, useState, type FormEvent } from 'react';
import { CASE_STATUSES, canTransition, isReopen, type CaseStatus } from '../../../domain/cases/case-status.js';
import { api } from '../../api/client';
import type { CaseDetail } from '../../api/types';
import { useDirectory, useSession } from '../../app/session';
import { Field, FormError } from '../../components/fields';
import { humanize, localInputToIso } from '../../lib/format';
import { useSubmit } from '../../lib/use-submit';
import type { ActionProps } from './case-actions';

/** Only the moves the status machine allows from here (src/domain/cases/case-status.ts). */
export function StatusForm({ c, onUpdated }: ActionProps) {
  const session = useSession();
  const from = c.status as CaseStatus;
  const options = useMemo(() => CASE_STATUSES.filter((s) => {
    if (!canTransition(from, s)) return false;
    // The supplier hands tasks back; it never closes the customer's case or waits on the customer.
    return session.user.role !== 'supplier' || (s !== 'closed' && s !== 'pending_customer');
  }), [from, session.user.role]);
  const [to, setTo] = useState<string>(options[0] ?? '');
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  const target = options.includes(to as CaseStatus) ? to : (options[0] ?? '');
  const reopen = target !== '' && isReopen(from, target as CaseStatus);

  if (options.length === 0) return <p className="muted small">No status change is possible from {humanize(c.status)}.</p>;
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const view = await submit.run(() => api.post<CaseDetail>(`/cases/${c.id}/status`, { status: target, ...(reason.trim() ? { reason: reason.trim() } : {}) }));
    if (view) {
      setReason('');
      onUpdated(view);
    }
  };
  return (
    <form onSubmit={onSubmit}>
      <Field label={`Move from ${humanize(c.status)} to`} name="status" error={submit.error} render={(a) => (
        <select {...a} value={target} onChange={(e) => setTo(e.target.value)}>
          {options.map((s) => <option key={s} value={s}>{s === 'open' && isReopen(from, s) ? 'Open (reopen)' : humanize(s)}</option>)}
        </select>
      )} />
      <Field label={reopen ? 'Reason (required to reopen)' : 'Reason (optional)'} name="reason" error={submit.error} render={(a) => (
        <input {...a} value={reason} onChange={(e) => setReason(e.target.value)} required={reopen} />
      )} />
      <FormError error={submit.error} fields={['status', 'reason']} />
      <button type="submit" className="button primary" disabled={submit.busy || (reopen && !reason.trim())}>Change status</button>
    </form>
  );
}

export function AssignForm({ c, onUpdated }: ActionProps) {
  const session = useSession();
  const dir = useDirectory();
  const people = useMemo(() => [...dir.users.values()].filter((u) => !u.disabled).sort((a, b) => a.name.localeCompare(b.name)), [dir.users]);
  const teams = useMemo(() => [...dir.teams.values()].sort((a, b) => a.name.localeCompare(b.name)), [dir.teams]);
  const [userId, setUserId] = useState(c.assigneeId ?? '');
  const [teamId, setTeamId] = useState(c.teamId ?? '');
  const submit = useSubmit();

  const assign = async (body: { assigneeId?: string | null; teamId?: string | null }) => {
    const view = await submit.run(() => api.post<CaseDetail>(`/cases/${c.id}/assign`, body));
    if (view) {
      setUserId(view.assigneeId ?? '');
      setTeamId(view.teamId ?? '');
      onUpdated(view);
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body: { assigneeId?: string | null; teamId?: string | null } = {};
    if (userId !== (c.assigneeId ?? '')) body.assigneeId = userId || null;
    if (teamId !== (c.teamId ?? '')) body.teamId = teamId || null;
    if (Object.keys(body).length === 0) return;
    void assign(body);
  };
  return (
    <form onSubmit={onSubmit}>
      <div className="button-row">
        <button type="button" className="button" disabled={submit.busy || c.assigneeId === session.user.id} onClick={() => void assign({ assigneeId: session.user.id })}>
          Assign to me
        </button>
        {c.assigneeId ? <button type="button" className="button-quiet" disabled={submit.busy} onClick={() => void assign({ assigneeId: null })}>Unassign</button> : null}
      </div>
      {people.length > 0 ? (
        <Field label="Person" name="assigneeId" error={submit.error} render={(a) => (
          <select {...a} value={userId} onChange={(e) => setUserId(e.target.value)}>
            <option value="">Nobody</option>
            {people.map((u) => <option key={u.id} value={u.id}>{u.name} — {humanize(u.role)}</option>)}
          </select>
        )} />
      ) : null}
      {teams.length > 0 ? (
        <Field label="Team" name="teamId" error={submit.error} render={(a) => (
          <select {...a} value={teamId} onChange={(e) => setTeamId(e.target.value)}>
            <option value="">No team</option>
            {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
        )} />
      ) : null}
      <FormError error={submit.error} fields={['assigneeId', 'teamId']} />
      {people.length > 0 || teams.length > 0 ? <button type="submit" className="button primary" disabled={submit.busy}>Save assignment</button> : null}
    </form>
  );
}

/** What was promised to the customer and by when (R001-16). */
export function PromiseForm({ c, onUpdated }: ActionProps) {
  const [text, setText] = useState(c.promisedResolution ?? '');
  const [by, setBy] = useState('');
  const submit = useSubmit();
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const iso = localInputToIso(by);
    const view = await submit.run(() => api.post<CaseDetail>(`/cases/${c.id}/promise`, { promisedResolution: text, promisedBy: iso ?? by }));
    if (view) onUpdated(view);
  };
  return (
    <form onSubmit={onSubmit}>
      <Field label="Promised resolution" name="promisedResolution" error={submit.error} render={(a) => (
        <input {...a} value={text} onChange={(e) => setText(e.target.value)} placeholder="Replacement ships today" required />
      )} />
      <Field label="By (your local time)" name="promisedBy" error={submit.error} render={(a) => (
        <input {...a} type="datetime-local" value={by} onChange={(e) => setBy(e.target.value)} required />
      )} />
      <FormError error={submit.error} fields={['promisedResolution', 'promisedBy']} />
      <button type="submit" className="button primary" disabled={submit.busy || !text.trim() || !by}>Save promise</button>
    </form>
  );
}

export function AttachForm({ c, onAttached }: ActionProps & { onAttached(): void }) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState('');
  const [picked, setPicked] = useState(false);
  const submit = useSubmit();
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return;
    const form = new FormData();
    // Fields before the file: the server reads the file as the stream's first file part.
    if (note.trim()) form.append('note', note.trim());
    form.append('file', file, file.name);
    const done = await submit.run(() => api.post<unknown>(`/cases/${c.id}/attachments`, form));
    if (done) {
      setNote('');
      setPicked(false);
      if (fileRef.current) fileRef.current.value = '';
      onAttached();
    }
  };
  return (
    <form onSubmit={onSubmit}>
      <Field label="File (photo, screenshot, PDF, text)" name="file" error={submit.error} render={(a) => (
        <input {...a} ref={fileRef} type="file" accept="image/*,application/pdf,text/plain,text/csv" onChange={(e) => setPicked(Boolean(e.target.files?.length))} />
      )} />
      <Field label="Note (optional)" name="note" error={submit.error} render={(a) => (
        <input {...a} value={note} onChange={(e) => setNote(e.target.value)} />
      )} />
      <FormError error={submit.error} fields={['file', 'note']} />
      <button type="submit" className="button primary" disabled={submit.busy || !picked}>Upload</button>
    </form>
  );
}
