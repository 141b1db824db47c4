import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../api/client';
import type { CaseSummary, Page } from '../../api/types';
import type { QueueDef } from '../../app/queues';
import { navigate } from '../../app/router';
import { useDirectory, useSession, userLabel } from '../../app/session';
import { ErrorNote } from '../../components/fields';
import { QueueFilters, type Filters } from './queue-filters';
import { QueueTable } from './queue-table';
import { SaveViewForm } from './save-view-form';
import type { SavedView } from '../../lib/saved-views';

// Keyset pages (the server's cursor), fetched as the reader scrolls towards the end.
const PAGE_SIZE = 200;
const EMPTY_FILTERS: Filters = { status: '', priority: '', category: '', q: '', sort: 'created' };

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
}

export function QueuePage({ queue, view }: { queue: QueueDef; view?: SavedView }) {
  const session = useSession();
  const directory = useDirectory();
  const [filters, setFilters] = useState<Filters>(() => (view ? { ...EMPTY_FILTERS, ...view.filters } : EMPTY_FILTERS));
  const [items, setItems] = useState<CaseSummary[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [active, setActive] = useState(0);
  const [focusToken, setFocusToken] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);
  const request = useRef(0);
  const fixedCategory = queue.query.category !== undefined;

  useEffect(() => {
    document.title = `${view ? view.name : queue.label} · Ladder`;
  }, [queue.label, view]);

  const inFlight = useRef(false);
  const load = useCallback(async (cursor: string | null) => {
    const ticket = ++request.current;
    inFlight.current = true;
    setLoading(true);
    setError(null);
    try {
      const page = await api.get<Page<CaseSummary>>('/cases', {
        ...queue.query,
        status: filters.status || undefined,
        priority: filters.priority || undefined,
        // A queue that fixes the category (the restricted log) is never widened by the filter.
        ...(fixedCategory ? {} : { category: filters.category.trim() || undefined }),
        q: filters.q.trim() || undefined,
        sort: filters.sort,
        limit: PAGE_SIZE,
        cursor: cursor ?? undefined,
      });
      if (ticket !== request.current) return;
      setItems((prev) => (cursor ? [...prev, ...page.items] : page.items));
      setNextCursor(page.nextCursor);
      if (!cursor) setActive(0);
    } catch (err) {
      if (ticket === request.current) setError(err instanceof ApiError ? err : new ApiError(0, 'client_error', String(err)));
    } finally {
      if (ticket === request.current) {
        inFlight.current = false;
        setLoading(false);
      }
    }
  }, [queue, filters, fixedCategory]);

  useEffect(() => {
    void load(null);
  }, [load]);

  // Keyboard: j/k or arrows move, Enter opens, / jumps to search (issue 8).
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const activeRef = useRef(active);
  activeRef.current = active;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.metaKey || e.ctrlKey || e.altKey) return;
      if (isTyping(e.target)) {
        // Escape leaves the field for the table; a search field would otherwise also clear itself.
        if (e.key === 'Escape') {
          e.preventDefault();
          (e.target as HTMLElement).blur();
        }
        return;
      }
      const count = itemsRef.current.length;
      const move = (delta: number) => {
        e.preventDefault();
        if (count === 0) return;
        setActive(Math.max(0, Math.min(count - 1, activeRef.current + delta)));
        setFocusToken((t) => t + 1);
      };
      if (e.key === '/') {
        e.preventDefault();
        searchRef.current?.focus();
      } else if (e.key === 'j' || e.key === 'ArrowDown') move(1);
      else if (e.key === 'k' || e.key === 'ArrowUp') move(-1);
      else if (e.key === 'Enter' && !(e.target instanceof HTMLAnchorElement) && !(e.target instanceof HTMLButtonElement)) {
        const item = itemsRef.current[activeRef.current];
        if (item) {
          e.preventDefault();
          navigate(`/cases/${item.id}`);
        }
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const cursorRef = useRef(nextCursor);
  cursorRef.current = nextCursor;
  const errorRef = useRef(error);
  errorRef.current = error;
  const loadNext = useCallback(() => {
    // One page at a time, and not again after a failure until the reader asks (Load more).
    if (inFlight.current || !cursorRef.current || errorRef.current) return;
    void load(cursorRef.current);
  }, [load]);

  const assigneeOf = useCallback((c: CaseSummary) => userLabel(directory, session.user, c.assigneeId), [directory, session.user]);

  return (
    <section className="page queue-page" aria-labelledby="queue-title">
      <div className="page-head">
        <h1 id="queue-title">{view ? view.name : queue.label}</h1>
        <p className="muted small" aria-live="polite">
          {loading && items.length === 0 ? 'Loading…' : `${items.length}${nextCursor ? '+' : ''} case${items.length === 1 ? '' : 's'}`}
          <span className="kbd-hint"> · <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> open · <kbd>/</kbd> search</span>
        </p>
      </div>
      {queue.description ? <p className="notice restricted-note">{queue.description}</p> : null}
      <QueueFilters value={filters} onChange={setFilters} searchRef={searchRef} showCategory={!fixedCategory} />
      <SaveViewForm queueKey={queue.key} filters={filters} view={view} />
      <ErrorNote error={error} title="Could not load the queue." />
      {!loading && !error && items.length === 0 ? (
        <p className="empty">No cases here{filters.q || filters.status || filters.priority || filters.category ? ' with these filters' : ''}.</p>
      ) : null}
      {items.length > 0 ? (
        <QueueTable items={items} active={active} focusToken={focusToken} assigneeOf={assigneeOf} onPick={setActive} onNearEnd={loadNext} />
      ) : null}
      {nextCursor ? (
        <div className="load-more">
          <button type="button" className="button" disabled={loading} onClick={() => void load(nextCursor)}>
            {loading ? 'Loading…' : 'Load more'}
          </button>
        </div>
      ) : null}
    </section>
  );
}
