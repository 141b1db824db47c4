import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../api/client';
import type { LogQueueItem, LogTypeDescription } from '../../api/log-types';
import type { Page } from '../../api/types';
import { entryPath, type LogQueueDef } from '../../app/log-queues';
import { Link, navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { PriorityBadge } from '../../components/badges';
import { DueCountdown } from '../../components/due-countdown';
import { ErrorNote } from '../../components/fields';
import { humanize } from '../../lib/format';
import { useListKeys } from '../../lib/use-list-keys';

// A queue of log entries (issue 8 item 1; GET /api/v1/logs): one per log type, due first. Rows are
// cards so the same list works at a desk and on the supplier's phone (issue 8 item 2).

const PAGE_SIZE = 50;

export default function LogQueuePage({ queue, types }: { queue: LogQueueDef; types: LogTypeDescription[] }) {
  const session = useSession();
  const type = queue.type ? types.find((t) => t.key === queue.type) : undefined;
  const [state, setState] = useState('');
  const [sku, setSku] = useState('');
  const [items, setItems] = useState<LogQueueItem[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [active, setActive] = useState(0);
  const ticket = useRef(0);
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    document.title = `${queue.label} · Ladder`;
  }, [queue.label]);

  const load = useCallback(async (cursor: string | null) => {
    const mine = ++ticket.current;
    setLoading(true);
    setError(null);
    try {
      const page = await api.get<Page<LogQueueItem>>('/logs', { ...queue.query, state: state || undefined, sku: sku.trim() || undefined, limit: PAGE_SIZE, cursor: cursor ?? undefined });
      if (mine !== ticket.current) return;
      setItems((prev) => (cursor ? [...prev, ...page.items] : page.items));
      setNext(page.nextCursor);
      if (!cursor) setActive(0);
    } catch (err) {
      if (mine === ticket.current) setError(err instanceof ApiError ? err : new ApiError(0, 'client_error', String(err)));
    } finally {
      if (mine === ticket.current) setLoading(false);
    }
  }, [queue, state, sku]);

  useEffect(() => {
    void load(null);
  }, [load]);

  const open = (i: number) => {
    const item = items[i];
    if (item) navigate(entryPath(session.user.role, item.caseId));
  };
  const moveTo = (i: number) => {
    setActive(i);
    listRef.current?.querySelectorAll<HTMLAnchorElement>('a.entry-link')[i]?.focus();
  };
  useListKeys(items.length, active, moveTo, open);

  const typeLabel = (key: string) => types.find((t) => t.key === key)?.label ?? humanize(key);
  return (
    <section className="page log-queue-page" aria-labelledby="log-queue-h">
      <div className="page-head">
        <h1 id="log-queue-h">{queue.label}</h1>
        <p className="muted small" aria-live="polite">
          {loading && items.length === 0 ? 'Loading…' : `${items.length}${next ? '+' : ''} entr${items.length === 1 ? 'y' : 'ies'}, due first`}
          <span className="kbd-hint"> · <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> open</span>
        </p>
      </div>
      <div className="filters">
        {type ? (
          <label className="field">
            <span>State</span>
            <select value={state} onChange={(e) => setState(e.target.value)}>
              <option value="">Any open state</option>
              {type.states.filter((s) => !s.terminal).map((s) => <option key={s.key} value={s.key}>{s.label}</option>)}
            </select>
          </label>
        ) : null}
        <label className="field">
          <span>SKU</span>
          <input value={sku} onChange={(e) => setSku(e.target.value)} autoCapitalize="off" placeholder="e.g. RING-GOLD-7" />
        </label>
      </div>
      <ErrorNote error={error} title="Could not load the queue." />
      {!loading && !error && items.length === 0 ? <p className="empty">Nothing here{state || sku ? ' with these filters' : ''}.</p> : null}
      <ol className="entry-list" ref={listRef}>
        {items.map((item, i) => (
          <li key={item.caseId} className={i === active ? 'entry-card selected' : 'entry-card'}>
            <Link to={entryPath(session.user.role, item.caseId)} className="entry-link" tabIndex={i === active ? 0 : -1} onFocus={() => setActive(i)}>
              <span className="entry-title">
                {item.orderNumber ? <span className="mono">{item.orderNumber}</span> : <span className="case-id">Case #{item.caseId}</span>}
                {queue.type ? null : <span className="muted"> · {typeLabel(item.type)}</span>}
              </span>
              <span className="entry-meta">
                <span className="pill">{item.stateLabel}</span>
                {item.sku ? <span className="mono small">SKU {item.sku}</span> : null}
                <PriorityBadge priority={item.case.priority} />
                {item.dueAt && !item.terminal ? <DueCountdown at={item.dueAt} label="Due" /> : null}
              </span>
            </Link>
          </li>
        ))}
      </ol>
      {next ? (
        <div className="load-more">
          <button type="button" className="button" disabled={loading} onClick={() => void load(next)}>{loading ? 'Loading…' : 'Load more'}</button>
        </div>
      ) : null}
    </section>
  );
}
