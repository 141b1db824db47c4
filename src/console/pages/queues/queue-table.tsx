import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type UIEvent } from 'react';
import type { CaseSummary } from '../../api/types';
import { LevelBadge, PriorityBadge, StatusPill } from '../../components/badges';
import { DueCountdown } from '../../components/due-countdown';
import { formatDate, humanize } from '../../lib/format';
import { Link, navigate } from '../../app/router';

/** Above this many rows only the visible window (plus a margin) is in the DOM (issue 8: 10,000 cases). */
export const WINDOW_THRESHOLD = 120;
const OVERSCAN = 15;
const ROW_HEIGHT_GUESS = 44;
/** The next page is fetched while this many rows are still below the visible ones. */
const PREFETCH_ROWS = 60;

// `localStorage['ladder.queueWindowing'] = 'off'` renders every row: the naive baseline that
// bench/console-scroll.bench.ts measures the windowed table against in the same run.
const windowingOff = (() => {
  try {
    return window.localStorage.getItem('ladder.queueWindowing') === 'off';
  } catch {
    return false;
  }
})();

interface RowProps {
  item: CaseSummary;
  index: number;
  selected: boolean;
  assignee: string;
  onPick(index: number): void;
}

// Memoized: moving the selection re-renders the two rows whose `selected` changed, not the table.
const QueueRow = memo(function QueueRow({ item, index, selected, assignee, onPick }: RowProps) {
  const open = item.status !== 'resolved' && item.status !== 'closed';
  return (
    <tr
      data-index={index}
      aria-rowindex={index + 2}
      className={selected ? 'row selected' : 'row'}
      onClick={(e) => {
        onPick(index);
        if (!(e.target as HTMLElement).closest('a')) navigate(`/cases/${item.id}`);
      }}
    >
      <td data-label="Priority"><PriorityBadge priority={item.priority} /></td>
      <td data-label="Level"><LevelBadge level={item.level} escalated={item.escalated} /></td>
      <td data-label="Status"><StatusPill status={item.status} /></td>
      <td data-label="Category" className="cell-category">{humanize(item.category)}</td>
      <td data-label="Subject" className="cell-subject">
        <Link to={`/cases/${item.id}`} tabIndex={selected ? 0 : -1} onFocus={() => onPick(index)}>
          <span className="case-id">#{item.id}</span> {item.subject ?? humanize(item.category)}
        </Link>
      </td>
      <td data-label="Due">
        {open ? <DueCountdown at={item.due.resolution} label="Resolution due" /> : <span className="muted">{humanize(item.status)} {formatDate(item.resolvedAt)}</span>}
      </td>
      <td data-label="Assignee" className="cell-assignee">{assignee}</td>
    </tr>
  );
});

export interface QueueTableProps {
  items: CaseSummary[];
  active: number;
  /** Bumped when the keyboard moved the selection: the selected row takes focus. */
  focusToken: number;
  assigneeOf(item: CaseSummary): string;
  onPick(index: number): void;
  /** Called when the rows below the visible ones run low: the next page (keyset cursor) is due. */
  onNearEnd?(): void;
}

export function QueueTable({ items, active, focusToken, assigneeOf, onPick, onNearEnd }: QueueTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const windowed = items.length > WINDOW_THRESHOLD && !windowingOff;
  const [rowHeight, setRowHeight] = useState(ROW_HEIGHT_GUESS);
  const [range, setRange] = useState({ start: 0, end: Math.min(items.length, 60) });

  // The scroll path reads only scrollTop and clientHeight: the row height is measured once per
  // layout change (first windowed render, resize), so scrolling forces no extra layout.
  const rowHeightRef = useRef(rowHeight);
  rowHeightRef.current = rowHeight;
  const updateRange = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const rh = rowHeightRef.current;
    const start = Math.max(0, Math.floor(el.scrollTop / rh) - OVERSCAN);
    const end = Math.min(items.length, Math.ceil((el.scrollTop + el.clientHeight) / rh) + OVERSCAN);
    setRange((r) => (r.start === start && r.end === end ? r : { start, end }));
  }, [items.length]);
  const measure = useCallback(() => {
    const h = scroller.current?.querySelector<HTMLTableRowElement>('tbody tr.row')?.getBoundingClientRect().height;
    const rh = h && h > 10 ? h : ROW_HEIGHT_GUESS;
    if (Math.abs(rh - rowHeightRef.current) > 0.5) {
      rowHeightRef.current = rh;
      setRowHeight(rh);
    }
    updateRange();
  }, [updateRange]);

  useLayoutEffect(() => {
    if (windowed) measure();
  }, [windowed, measure]);

  useEffect(() => {
    if (!windowed) return;
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [windowed, measure]);

  // Keyboard selection: scroll the row into the window if needed, then focus its link once it is
  // rendered (a windowed row may need one more render after the scroll).
  const pendingFocus = useRef(false);
  useLayoutEffect(() => {
    if (focusToken === 0) return;
    pendingFocus.current = true;
    const el = scroller.current;
    if (!el) return;
    if (windowed) {
      const head = el.querySelector('thead')?.getBoundingClientRect().height ?? 0;
      const top = active * rowHeight;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + rowHeight > el.scrollTop + el.clientHeight - head) el.scrollTop = top + rowHeight - el.clientHeight + head;
      updateRange();
    }
  }, [focusToken]); // only a keyboard move scrolls; `active` changes with it
  useEffect(() => {
    if (!pendingFocus.current) return;
    const link = scroller.current?.querySelector<HTMLAnchorElement>(`tr[data-index="${active}"] a`);
    if (!link) return;
    pendingFocus.current = false;
    link.focus({ preventScroll: windowed });
    if (!windowed) link.closest('tr')?.scrollIntoView({ block: 'nearest' });
  }, [focusToken, range]);

  const nearEnd = useRef(onNearEnd);
  nearEnd.current = onNearEnd;
  const checkNearEnd = useCallback(() => {
    const el = scroller.current;
    if (!el || !nearEnd.current) return;
    const below = el.scrollHeight - (el.scrollTop + el.clientHeight);
    if (below < PREFETCH_ROWS * rowHeight) nearEnd.current();
  }, [rowHeight]);
  // A page that arrived while the reader was already at the bottom asks for the next one at once.
  useEffect(() => {
    checkNearEnd();
  }, [items.length, checkNearEnd]);

  const onScroll = (_e: UIEvent) => {
    if (windowed) updateRange();
    checkNearEnd();
  };
  const start = windowed ? range.start : 0;
  const end = windowed ? range.end : items.length;
  const rows = [];
  for (let i = start; i < end; i++) {
    const item = items[i]!;
    rows.push(<QueueRow key={item.id} item={item} index={i} selected={i === active} assignee={assigneeOf(item)} onPick={onPick} />);
  }

  return (
    <div className={windowed ? 'queue-scroll windowed' : 'queue-scroll'} ref={scroller} onScroll={onScroll}>
      <table className="queue-table" aria-rowcount={items.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">Priority</th>
            <th scope="col">Level</th>
            <th scope="col">Status</th>
            <th scope="col">Category</th>
            <th scope="col">Subject</th>
            <th scope="col">Due</th>
            <th scope="col">Assignee</th>
          </tr>
        </thead>
        <tbody>
          {start > 0 ? <tr aria-hidden="true" className="spacer" style={{ height: start * rowHeight }} /> : null}
          {rows}
          {end < items.length ? <tr aria-hidden="true" className="spacer" style={{ height: (items.length - end) * rowHeight }} /> : null}
        </tbody>
      </table>
    </div>
  );
}
