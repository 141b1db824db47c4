import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { FinanceEntry } from '../../api/finance-types';
import { Link } from '../../app/router';
import { useDirectory, useSession, userLabel } from '../../app/session';
import { ErrorNote, fieldErrorFor } from '../../components/fields';
import { formatDateTime, humanize } from '../../lib/format';
import { formatMinor } from '../../lib/money';
import { useResource } from '../../lib/use-resource';
import { useSubmit } from '../../lib/use-submit';

const STATES = [
  { value: '', label: 'All' },
  { value: 'pending_approval', label: 'Waiting for approval' },
  { value: 'approved', label: 'Approved, not performed' },
  { value: 'performed', label: 'Performed' },
  { value: 'rejected', label: 'Rejected' },
];

interface EntryPage { items: FinanceEntry[]; nextCursor: string | null }

/** Entries on the form, newest first, with the moves the reader may make (R004-08 four eyes). */
export function FinanceEntries({ generation, onChanged }: { generation: number; onChanged(): void }) {
  const [state, setState] = useState('');
  const list = useResource(`finance-entries:${state}:${generation}`, () => api.get<EntryPage>('/finance/entries', { state }));
  const [more, setMore] = useState<FinanceEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const loadMore = useSubmit();
  useEffect(() => {
    setMore([]);
    setCursor(list.data?.nextCursor ?? null);
  }, [list.data]);
  const onMore = async () => {
    const page = await loadMore.run(() => api.get<EntryPage>('/finance/entries', { state, cursor }));
    if (page) {
      setMore((m) => [...m, ...page.items]);
      setCursor(page.nextCursor);
    }
  };
  const items = [...(list.data?.items ?? []), ...more];
  return (
    <section className="panel" aria-labelledby="finance-entries-h">
      <div className="page-head">
        <h2 id="finance-entries-h">Refunds and reshipments</h2>
        <label className="inline-label">Show{' '}
          <select value={state} onChange={(e) => setState(e.target.value)}>
            {STATES.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </select>
        </label>
      </div>
      <ErrorNote error={list.error ?? loadMore.error} />
      {list.data && items.length === 0 ? <p className="muted">Nothing here.</p> : null}
      <ul className="plain-list entry-list">
        {items.map((e) => <EntryRow key={`${e.id}:${e.updatedAt}`} entry={e} onMoved={onChanged} />)}
      </ul>
      {cursor ? <button type="button" className="button load-more" disabled={loadMore.busy} onClick={() => void onMore()}>Load more</button> : null}
    </section>
  );
}

function EntryRow({ entry, onMoved }: { entry: FinanceEntry; onMoved(): void }) {
  const session = useSession();
  const dir = useDirectory();
  const [e, setE] = useState(entry);
  const [reference, setReference] = useState('');
  const move = useSubmit();
  const mine = e.requestedBy === session.user.id;
  const act = async (to: string) => {
    const next = await move.run(() => api.post<FinanceEntry>(`/finance/entries/${e.id}/transitions`, { to, ...(to === 'performed' && reference.trim() ? { reference: reference.trim() } : {}) }));
    if (next) {
      setE(next);
      onMoved();
    }
  };
  const canManage = session.can('returns.manage');
  const who = (id: string | null) => (id ? userLabel(dir, session.user, id) : '—');
  return (
    <li className="entry-card" aria-label={`F-${e.id}`}>
      <div className="entry-link entry-static">
        <span className="entry-title">
          F-{e.id} · {humanize(e.kind)} <strong>{formatMinor(e.amountMinor, e.currency)}</strong> · {humanize(e.method)}
        </span>
        <span className="pill" data-testid="finance-state">{humanize(e.state)}</span>
        <span className="small entry-line">
          {e.reason}
          {e.caseId ? <> · <Link to={`/cases/${e.caseId}`}>case #{e.caseId}</Link></> : null}
          {e.orderNumber ? ` · order ${e.orderNumber}` : ''}
          {e.reference ? ` · ref ${e.reference}` : ''}
        </span>
        <span className="small muted entry-line">
          Recorded by {who(e.requestedBy)} {formatDateTime(e.createdAt)}
          {e.approvedBy ? ` · approved by ${who(e.approvedBy)} ${formatDateTime(e.approvedAt)}` : ''}
          {e.performedBy ? ` · performed by ${who(e.performedBy)} ${formatDateTime(e.performedAt)}` : ''}
        </span>
      </div>
      {canManage && (e.state === 'pending_approval' || e.state === 'approved') ? (
        <div className="entry-link entry-static entry-actions">
          {e.state === 'pending_approval' ? (
            session.can('refunds.approve') && !mine ? (
              <div className="button-row">
                <button type="button" className="button primary small" disabled={move.busy} onClick={() => void act('approved')}>Approve</button>
                <button type="button" className="button small danger-outline" disabled={move.busy} onClick={() => void act('rejected')}>Reject</button>
              </div>
            ) : (
              <p className="small approval-note" role="note">
                {mine ? 'You recorded it: another supervisor must approve it (four eyes, R004-08).' : 'Waiting for a supervisor’s approval (R004-08).'}
              </p>
            )
          ) : (
            <div className="button-row">
              <label className="inline-label">Reference <input value={reference} onChange={(ev) => setReference(ev.target.value)} aria-invalid={Boolean(fieldErrorFor(move.error, 'reference'))} /></label>
              <button type="button" className="button small" disabled={move.busy} onClick={() => void act('performed')}>Mark performed</button>
            </div>
          )}
          {move.error ? <p className="form-error small" role="alert">{move.error.message}</p> : null}
        </div>
      ) : null}
    </li>
  );
}
