import { lazy, Suspense, useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { CaseDetail } from '../../api/types';
import { historyState, Link } from '../../app/router';
import { useSession } from '../../app/session';
import { ErrorNote } from '../../components/fields';
import { humanize } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { CaseHeader } from './case-header';
import { DecisionPanel } from './decision-panel';
import { CustomerPanel, OrderPanel } from './customer-panel';
import { Timeline } from './timeline';
import { Composer } from './composer';
import { CaseActions } from './case-actions';
import { CaseReturns } from './returns/case-returns';
import { CaseIncidents, RedFlagBanner } from './case-incidents';

// The case's log entry and its template form (issue 8 item 1) load as their own chunk.
const CaseLogPanel = lazy(() => import('../logs/case-log-panel'));

export function CasePage({ caseId }: { caseId: string }) {
  const session = useSession();
  const resource = useResource<CaseDetail>(`case:${caseId}`, () => api.get<CaseDetail>(`/cases/${encodeURIComponent(caseId)}`));
  const [justOpened] = useState(() => historyState<{ opened?: boolean }>()?.opened === true);
  const c = resource.data;
  // What Ladder decided at opening, kept while later actions change the case.
  const [opening, setOpening] = useState<{ priority: string; level: string; escalated: boolean } | null>(null);
  if (justOpened && c && !opening) setOpening({ priority: c.priority, level: c.level, escalated: c.escalated });

  useEffect(() => {
    document.title = c ? `#${c.id} ${c.subject ?? humanize(c.category)} · Ladder` : 'Case · Ladder';
  }, [c]);

  if (resource.error) {
    return (
      <section className="page">
        <h1>Case #{caseId}</h1>
        <ErrorNote error={resource.error} title={resource.error.status === 404 ? 'No such case, or you may not see it.' : 'Could not load the case.'} />
        <p><Link to="/">Back to the queues</Link></p>
      </section>
    );
  }
  if (!c) return <p className="loading" aria-live="polite">Loading case #{caseId}…</p>;

  const onUpdated = resource.set;
  return (
    <article className="page case-page" aria-labelledby="case-title">
      <CaseHeader c={c} />
      <RedFlagBanner c={c} />
      {opening ? (
        <p className="notice success" role="status">
          Case opened. Ladder decided <strong>{opening.priority}</strong> at <strong>{opening.level}</strong>
          {opening.escalated ? ', escalated' : ''} — the reasons are in the decision panel.
        </p>
      ) : null}
      <div className="case-grid">
        <div className="case-main">
          {session.can('cases.reply') || session.can('cases.note') ? <Composer c={c} onUpdated={onUpdated} /> : null}
          {session.can('logs.read') ? (
            <Suspense fallback={<p className="loading small">Loading the log entry…</p>}>
              <CaseLogPanel caseId={c.id} category={c.category} caseUpdatedAt={c.updatedAt} onCaseChanged={resource.reload} />
            </Suspense>
          ) : null}
          <CaseReturns c={c} onCaseChanged={resource.reload} />
          <Timeline c={c} />
        </div>
        <aside className="case-side" aria-label="Decision, customer and actions">
          <DecisionPanel c={c} />
          {session.can('incidents.read') ? <CaseIncidents c={c} onCaseChanged={resource.reload} /> : null}
          <CaseActions c={c} onUpdated={onUpdated} onReload={resource.reload} />
          <CustomerPanel c={c} />
          <OrderPanel c={c} />
        </aside>
      </div>
    </article>
  );
}
