import { lazy, Suspense, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { humanize } from '../lib/format';
import { QueuePage } from '../pages/queues/queue-page';
import { CasePage } from '../pages/case/case-page';
import { NewCasePage } from '../pages/new-case-page';
import { ShiftPage } from '../pages/shift/shift-page';
import { Link, matchPath, navigate, usePath } from './router';
import { queuesFor, RESTRICTED_QUEUE } from './queues';
import { useSession } from './session';
import { logQueuesFor, SUPPLIER_HOME } from './log-queues';
import { useLogTypes } from '../lib/log-types';
import { useSavedViews } from '../lib/saved-views';

// Administration is rarely opened and never by most roles: its code loads on first visit.
const AdminPage = lazy(() => import('../pages/admin/admin-page'));
const DashboardPage = lazy(() => import('../pages/dashboard/dashboard-page'));
const ComplianceReportPage = lazy(() => import('../pages/compliance/compliance-report-page'));
// Log queues and the supplier's task page (issue 8 items 1–2) load on first visit too.
const LogQueuePage = lazy(() => import('../pages/logs/log-queue-page'));
const LogTaskPage = lazy(() => import('../pages/logs/log-task-page'));
// Incidents and the refunds/reshipments tracker (R000-07, R000-09) load on first visit.
const IncidentsPage = lazy(() => import('../pages/incidents/incidents-page'));
const IncidentPage = lazy(() => import('../pages/incidents/incident-page'));
const FinancePage = lazy(() => import('../pages/finance/finance-page'));

export function Shell() {
  const session = useSession();
  const path = usePath();
  const queues = useMemo(() => queuesFor(session), [session]);
  const isSupplier = session.user.role === 'supplier';
  const views = useSavedViews(session.user.id);
  const logTypes = useLogTypes(session.user, session.can('logs.read'));
  const logQueues = useMemo(() => logQueuesFor(session.user.role, logTypes.data ?? []), [session.user.role, logTypes.data]);
  // The supplier lands on the entries whose move is its own (issue 8 item 2).
  const firstQueue = isSupplier && session.can('logs.read') ? `/logs/${SUPPLIER_HOME.key}` : `/queues/${queues[0]!.key}`;
  const showAdmin = session.can('users.manage') || session.can('teams.manage') || session.can('policy.manage') || session.can('macros.manage') || session.can('integrations.read');

  useEffect(() => {
    if (path === '/' || path === '/queues' || path === '/signin') navigate(firstQueue, { replace: true });
  }, [path, firstQueue]);

  // Each navigation to a Logs queue asks for the templates again: the role may have changed since.
  const refreshLogTypes = logTypes.refresh;
  const canReadLogs = session.can('logs.read');
  const seenPath = useRef(path);
  useEffect(() => {
    if (seenPath.current === path) return;
    seenPath.current = path;
    if (canReadLogs && path.startsWith('/logs/')) refreshLogTypes();
  }, [path, canReadLogs, refreshLogTypes]);

  // After a client-side page change, focus starts at the new page (as after a full load), so
  // screen readers announce it and Tab continues from its top.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [path]);

  let page: ReactNode;
  let params: Record<string, string> | null;
  if ((params = matchPath('/queues/:key', path))) {
    const queue = queues.find((q) => q.key === params!.key);
    page = queue ? <QueuePage key={queue.key} queue={queue} /> : <NotFound />;
  } else if ((params = matchPath('/views/:id', path))) {
    const view = views.find((v) => v.id === params!.id);
    const queue = view ? queues.find((q) => q.key === view.queueKey) : undefined;
    page = view && queue ? <QueuePage key={`view:${view.id}`} queue={queue} view={view} /> : <NotFound />;
  } else if ((params = matchPath('/logs/:key', path))) {
    const queue = logQueues.find((q) => q.key === params!.key) ?? (isSupplier && params.key === SUPPLIER_HOME.key ? SUPPLIER_HOME : undefined);
    page = queue ? (
      <Suspense fallback={<p className="loading">Loading the queue…</p>}>
        <LogQueuePage key={queue.key} queue={queue} types={logTypes.data ?? []} />
      </Suspense>
    ) : logTypes.loading ? <p className="loading">Loading…</p> : <NotFound />;
  } else if ((params = matchPath('/tasks/:id', path))) {
    page = session.can('logs.read') ? (
      <Suspense fallback={<p className="loading">Loading the task…</p>}>
        <LogTaskPage key={params.id} caseId={params.id!} backTo={firstQueue} />
      </Suspense>
    ) : <NotFound />;
  } else if (matchPath('/cases/new', path)) {
    page = session.can('cases.create') ? <NewCasePage /> : <NotFound />;
  } else if ((params = matchPath('/cases/:id', path))) {
    page = <CasePage key={params.id} caseId={params.id!} />;
  } else if (path === '/shift') {
    page = session.can('cases.read') && session.user.role !== 'supplier' ? <ShiftPage /> : <NotFound />;
  } else if (path === '/dashboard') {
    page = session.can('cases.read') && session.user.role !== 'supplier' ? (
      <Suspense fallback={<p className="loading">Loading the dashboard…</p>}>
        <DashboardPage />
      </Suspense>
    ) : <NotFound />;
  } else if (path === '/incidents') {
    page = session.can('incidents.read') ? <Suspense fallback={<p className="loading">Loading incidents…</p>}><IncidentsPage /></Suspense> : <NotFound />;
  } else if ((params = matchPath('/incidents/:id', path))) {
    page = session.can('incidents.read') ? <Suspense fallback={<p className="loading">Loading the incident…</p>}><IncidentPage key={params.id} incidentId={params.id!} /></Suspense> : <NotFound />;
  } else if (path === '/refunds') {
    page = session.can('returns.read') ? <Suspense fallback={<p className="loading">Loading refunds…</p>}><FinancePage /></Suspense> : <NotFound />;
  } else if (path === '/compliance/chargebacks-fraud') {
    // R000-08: the server hides these cases from everyone else; the console does not offer the page.
    page = session.can('restricted.read') ? <QueuePage key={RESTRICTED_QUEUE.key} queue={RESTRICTED_QUEUE} /> : <NotFound />;
  } else if (path === '/compliance/report') {
    page = session.can('audit.read') ? (
      <Suspense fallback={<p className="loading">Loading the compliance report…</p>}>
        <ComplianceReportPage />
      </Suspense>
    ) : <NotFound />;
  } else if (path === '/admin' || (params = matchPath('/admin/:tab', path))) {
    page = (
      <Suspense fallback={<p className="loading">Loading administration…</p>}>
        <AdminPage tab={params?.tab ?? null} />
      </Suspense>
    );
  } else if (path === '/' || path === '/queues' || path === '/signin') {
    page = null;
  } else {
    page = <NotFound />;
  }

  const current = (to: string) => (path === to || path.startsWith(`${to}/`) ? 'page' : undefined);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="topbar">
        <Link to={firstQueue} className="brand" aria-label="Ladder, home">Ladder</Link>
        <div className="topbar-user">
          <span className="who">
            {session.user.name} <span className="muted">· {humanize(session.user.role)}</span>
          </span>
          <button type="button" className="button-quiet" onClick={() => void session.signOut()}>Sign out</button>
        </div>
      </header>
      <nav className="sidenav" aria-label="Queues and pages">
        {session.can('cases.create') ? (
          <Link to="/cases/new" className="button primary new-case" aria-current={current('/cases/new')}>New case</Link>
        ) : null}
        {isSupplier && logQueues.length > 0 ? <LogNav queues={logQueues} current={current} heading="My tasks" /> : null}
        <h2 className="nav-heading">{isSupplier ? 'Cases' : 'Queues'}</h2>
        <ul>
          {queues.map((q) => (
            <li key={q.key}>
              <Link to={`/queues/${q.key}`} aria-current={current(`/queues/${q.key}`)}>{q.label}</Link>
            </li>
          ))}
        </ul>
        {views.length > 0 ? (
          <>
            <h2 className="nav-heading">Saved views</h2>
            <ul>
              {views.map((v) => <li key={v.id}><Link to={`/views/${v.id}`} aria-current={current(`/views/${v.id}`)}>{v.name}</Link></li>)}
            </ul>
          </>
        ) : null}
        {!isSupplier ? (
          <>
            <h2 className="nav-heading">Desk</h2>
            <ul>
              <li><Link to="/shift" aria-current={current('/shift')}>Shift &amp; handoff</Link></li>
              <li><Link to="/dashboard" aria-current={current('/dashboard')}>Dashboard</Link></li>
              {session.can('incidents.read') ? <li><Link to="/incidents" aria-current={current('/incidents')}>Incidents</Link></li> : null}
              {session.can('returns.read') ? <li><Link to="/refunds" aria-current={current('/refunds')}>Refunds &amp; reshipments</Link></li> : null}
            </ul>
          </>
        ) : null}
        {session.can('restricted.read') || session.can('audit.read') ? (
          <>
            <h2 className="nav-heading">Compliance</h2>
            <ul>
              {session.can('restricted.read') ? <li><Link to="/compliance/chargebacks-fraud" aria-current={current('/compliance/chargebacks-fraud')}>Chargebacks &amp; fraud</Link></li> : null}
              {session.can('audit.read') ? <li><Link to="/compliance/report" aria-current={current('/compliance/report')}>Compliance report</Link></li> : null}
            </ul>
          </>
        ) : null}
        {!isSupplier && logQueues.length > 0 ? <LogNav queues={logQueues} current={current} heading="Logs" /> : null}
        {showAdmin || session.can('tokens.own') ? <h2 className="nav-heading">Settings</h2> : null}
        <ul>
          {showAdmin ? <li><Link to="/admin/users" aria-current={current('/admin')}>Admin</Link></li> : null}
          {!showAdmin && session.can('tokens.own') ? <li><Link to="/admin/tokens" aria-current={current('/admin/tokens')}>API tokens</Link></li> : null}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        {page}
      </main>
    </div>
  );
}

function LogNav({ queues, current, heading }: { queues: { key: string; label: string }[]; current(to: string): 'page' | undefined; heading: string }) {
  return (
    <>
      <h2 className="nav-heading">{heading}</h2>
      <ul>
        {queues.map((q) => (
          <li key={q.key}><Link to={`/logs/${q.key}`} aria-current={current(`/logs/${q.key}`)}>{q.label}</Link></li>
        ))}
      </ul>
    </>
  );
}

function NotFound() {
  useEffect(() => {
    document.title = 'Not found · Ladder';
  }, []);
  return (
    <section className="page">
      <h1>Not found</h1>
      <p>There is nothing here, or you may not see it.</p>
    </section>
  );
}
