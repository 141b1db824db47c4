import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { CaseSummary } from '../../api/types';
import { Link } from '../../app/router';
import { useDirectory, useSession, userLabel } from '../../app/session';
import { LevelBadge, PriorityBadge, StatusPill } from '../../components/badges';
import { ErrorNote, Field, FormError } from '../../components/fields';
import { formatDateTime, humanize } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { useSubmit } from '../../lib/use-submit';

// The shift desk (R001-01, R001-12): the escalations log for a date, what this shift hands to the
// next, the sign-off by the outgoing lead and the acknowledgement by the incoming one.

interface LogRow {
  at: string; caseId: number; from: string | null; to: string | null; reason: string | null;
  orderNumber: string | null; customerName: string | null; category: string; subject: string | null;
  promisedResolution: string | null; status: string;
}
interface EscalationsLog { from: string; to: string; timeZone: string; rows: LogRow[] }
interface Snapshot {
  periodStart: string; periodEnd: string;
  openEscalations: CaseSummary[]; promisesDue: CaseSummary[]; breached: CaseSummary[]; waitingOnSupplierOrInternal: CaseSummary[];
}
interface Handoff {
  id: string; shift: string; note: string | null; signedOffById: string; signedOffAt: string;
  acknowledgedById: string | null; acknowledgedAt: string | null; snapshot: Snapshot;
}

function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
}

function CaseList({ title, items, empty }: { title: string; items: CaseSummary[]; empty: string }) {
  return (
    <section className="panel" aria-label={title}>
      <h3>{title} <span className="muted">({items.length})</span></h3>
      {items.length === 0 ? <p className="muted small">{empty}</p> : (
        <ul className="plain-list">
          {items.map((c) => (
            <li key={c.id}>
              <Link to={`/cases/${c.id}`}>#{c.id} {c.subject ?? humanize(c.category)}</Link>{' '}
              <PriorityBadge priority={c.priority} /> <LevelBadge level={c.level} escalated={c.escalated} /> <StatusPill status={c.status} />
              {c.promisedBy ? <span className="small muted"> · promised by {formatDateTime(c.promisedBy)}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ShiftPage() {
  const session = useSession();
  const dir = useDirectory();
  const [date, setDate] = useState<string | null>(null);
  const log = useResource(`escalations-log:${date ?? 'today'}`, () => api.get<EscalationsLog>('/escalations-log', date ? { date } : {}));
  const preview = useResource('handoff-preview', () => api.get<Snapshot>('/handoffs/preview'));
  const handoffs = useResource('handoffs', () => api.get<{ items: Handoff[] }>('/handoffs'));
  const [draft, setDraft] = useState({ shift: '', note: '' });
  const sign = useSubmit();
  const ack = useSubmit();
  const canSign = session.can('handoffs.sign');

  useEffect(() => {
    document.title = 'Shift · Ladder';
  }, []);

  const onSign = async (e: FormEvent) => {
    e.preventDefault();
    const done = await sign.run(() => api.post<Handoff>('/handoffs', { ...(draft.shift.trim() ? { shift: draft.shift.trim() } : {}), ...(draft.note.trim() ? { note: draft.note.trim() } : {}) }));
    if (done) {
      setDraft({ shift: '', note: '' });
      handoffs.reload();
      preview.reload();
    }
  };
  const onAck = async (id: string) => {
    if (await ack.run(() => api.post<Handoff>(`/handoffs/${id}/acknowledge`))) handoffs.reload();
  };

  const shownDate = date ?? (log.data ? todayIn(log.data.timeZone) : '');
  return (
    <section className="page shift-page" aria-labelledby="shift-h">
      <h1 id="shift-h">Shift</h1>

      <section className="panel" aria-labelledby="log-h">
        <div className="panel-head">
          <h2 id="log-h">Escalations log</h2>
          <label className="inline-label">Date{' '}
            <input type="date" value={shownDate} onChange={(e) => setDate(e.target.value || null)} />
          </label>
          <a className="button" href={`/api/v1/escalations-log?format=csv${date ? `&date=${date}` : ''}`} download>Export CSV</a>
        </div>
        <ErrorNote error={log.error} />
        {log.data ? <p className="small muted">{log.data.rows.length} escalations, {formatDateTime(log.data.from)} – {formatDateTime(log.data.to)} ({log.data.timeZone})</p> : null}
        <div className="table-wrap">
          <table className="data-table">
            <thead><tr><th scope="col">Time</th><th scope="col">Case</th><th scope="col">Order</th><th scope="col">Customer</th><th scope="col">Issue</th><th scope="col">Level</th><th scope="col">Reason</th><th scope="col">Promised</th><th scope="col">Status</th></tr></thead>
            <tbody>
              {(log.data?.rows ?? []).map((r) => (
                <tr key={`${r.caseId}-${r.at}`}>
                  <td>{formatDateTime(r.at)}</td>
                  <td><Link to={`/cases/${r.caseId}`}>#{r.caseId}</Link></td>
                  <td>{r.orderNumber ?? '—'}</td>
                  <td>{r.customerName ?? '—'}</td>
                  <td>{r.subject ?? humanize(r.category)}</td>
                  <td>{r.from ?? '?'} → {r.to ?? '?'}</td>
                  <td className="small">{r.reason}</td>
                  <td className="small">{r.promisedResolution ?? '—'}</td>
                  <td><StatusPill status={r.status} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <h2>Hand over to the next shift</h2>
      <ErrorNote error={preview.error} />
      {preview.data ? (
        <>
          <p className="small muted">Since {formatDateTime(preview.data.periodStart)}</p>
          <div className="shift-grid">
            <CaseList title="Open escalations" items={preview.data.openEscalations} empty="No open escalations." />
            <CaseList title="Promises falling due" items={preview.data.promisesDue} empty="No promises due in the next 12 hours." />
            <CaseList title="Past their resolution time" items={preview.data.breached} empty="Nothing breached." />
            <CaseList title="Waiting on the supplier or back office" items={preview.data.waitingOnSupplierOrInternal} empty="Nothing waiting." />
          </div>
        </>
      ) : null}
      {canSign ? (
        <section className="panel" aria-labelledby="sign-h">
          <h3 id="sign-h">Sign off this shift</h3>
          <form onSubmit={onSign} noValidate>
            <Field label="Shift" name="shift" error={sign.error} hint="For example: morning, evening" render={(a) => <input {...a} value={draft.shift} onChange={(e) => setDraft((d) => ({ ...d, shift: e.target.value }))} />} />
            <Field label="Note for the incoming lead" name="note" error={sign.error} render={(a) => <textarea {...a} rows={3} value={draft.note} onChange={(e) => setDraft((d) => ({ ...d, note: e.target.value }))} />} />
            <FormError error={sign.error} fields={['shift', 'note']} />
            <div className="form-actions"><button type="submit" className="button primary" disabled={sign.busy}>Sign off handoff</button></div>
          </form>
        </section>
      ) : null}

      <section className="panel" aria-labelledby="handoffs-h">
        <h2 id="handoffs-h">Recent handoffs</h2>
        <ErrorNote error={handoffs.error ?? ack.error} />
        {(handoffs.data?.items ?? []).length === 0 ? <p className="muted small">No handoffs yet.</p> : (
          <ul className="plain-list">
            {(handoffs.data?.items ?? []).map((h) => (
              <li key={h.id}>
                <strong>{humanize(h.shift)}</strong> signed off by {userLabel(dir, session.user, h.signedOffById)} at {formatDateTime(h.signedOffAt)}
                {' · '}{h.snapshot.openEscalations.length} open escalations, {h.snapshot.promisesDue.length} promises due, {h.snapshot.breached.length} breached
                {h.note ? <blockquote className="small">{h.note}</blockquote> : null}
                {h.acknowledgedAt
                  ? <span className="small muted"> · acknowledged by {userLabel(dir, session.user, h.acknowledgedById)} at {formatDateTime(h.acknowledgedAt)}</span>
                  : canSign && h.signedOffById !== session.user.id
                    ? <button type="button" className="button" onClick={() => void onAck(h.id)} disabled={ack.busy}>Acknowledge</button>
                    : <span className="small muted"> · waiting for the incoming lead</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
