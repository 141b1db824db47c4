import { useEffect, useId, useRef, useState } from 'react';
import { api } from '../../../api/client';
import type { CaseDetail, Page } from '../../../api/types';
import type { Rma, RmaSummary } from '../../../api/returns-types';
import { useSession } from '../../../app/session';
import { ErrorNote } from '../../../components/fields';
import { useResource } from '../../../lib/use-resource';
import { ReturnQuoteForm } from './return-quote-form';
import { RmaCard } from './rma-card';

async function loadRmasOfCase(caseId: string): Promise<Rma[]> {
  const page = await api.get<Page<RmaSummary>>('/rmas', { case: caseId, limit: 50 });
  return Promise.all(page.items.map((s) => api.get<Rma>(`/rmas/${encodeURIComponent(s.number)}`)));
}

/**
 * Returns on a case about an order (R004): its RMAs with their state, due times and next moves, and
 * the form that quotes a return and requests the RMA. Every RMA change is also on the case timeline,
 * so the case is reloaded after one.
 */
export function CaseReturns({ c, onCaseChanged }: { c: CaseDetail; onCaseChanged(): void }) {
  const session = useSession();
  const id = useId();
  const shown = c.order !== null && session.can('returns.read');
  const rmas = useResource(shown ? `rmas-of-case:${c.id}` : null, () => loadRmasOfCase(c.id));
  const [notice, setNotice] = useState<string | null>(null);
  const formRef = useRef<HTMLDetailsElement>(null);
  const list = rmas.data ?? [];

  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => setNotice(null), 8000);
    return () => clearTimeout(t);
  }, [notice]);

  if (!shown) return null;

  const replace = (next: Rma) => {
    rmas.set(list.some((r) => r.number === next.number) ? list.map((r) => (r.number === next.number ? next : r)) : [next, ...list]);
    onCaseChanged();
  };
  return (
    <section className="panel returns-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Returns</h2>
      {notice ? <p className="notice success" role="status">{notice}</p> : null}
      <ErrorNote error={rmas.error} title="Could not load the returns." />
      {rmas.loading && !rmas.data ? <p className="muted small">Loading returns…</p> : null}
      {rmas.data && list.length === 0 ? <p className="muted small">No return on this case yet.</p> : null}
      {list.map((rma) => <RmaCard key={rma.number} rma={rma} onChanged={replace} />)}
      <details className="return-quote" ref={formRef}>
        <summary>Quote a return{session.can('returns.manage') ? ' or request an RMA' : ''}</summary>
        <ReturnQuoteForm c={c} onRequested={(rma) => {
          if (formRef.current) formRef.current.open = false;
          setNotice(`${rma.number} requested${rma.approvalRequired ? ' — it waits for a supervisor’s approval' : ''}.`);
          replace(rma);
        }} />
      </details>
    </section>
  );
}
