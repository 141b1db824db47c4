import { useEffect, useId, useState, type RefObject } from 'react';
import { CASE_STATUSES } from '../../../domain/cases/case-status.js';
import { CATEGORIES, PRIORITIES } from '../../../domain/policy/vocabulary.js';
import { humanize } from '../../lib/format';

export interface Filters {
  status: string;
  priority: string;
  category: string;
  q: string;
  sort: 'created' | 'updated' | 'due' | 'priority';
}

const SORTS: { value: Filters['sort']; label: string }[] = [
  { value: 'created', label: 'Newest first' },
  { value: 'updated', label: 'Recently updated' },
  { value: 'due', label: 'Due soonest' },
  { value: 'priority', label: 'Priority' },
];

const TYPING_DELAY_MS = 300;

/** Text filters wait for a pause in typing so each keystroke does not query the server. */
export function QueueFilters({ value, onChange, searchRef, showCategory = true }: {
  value: Filters; onChange(f: Filters): void; searchRef: RefObject<HTMLInputElement | null>; showCategory?: boolean;
}) {
  const id = useId();
  const [q, setQ] = useState(value.q);
  const [category, setCategory] = useState(value.category);

  useEffect(() => {
    if (q === value.q && category === value.category) return;
    const t = setTimeout(() => onChange({ ...value, q, category }), TYPING_DELAY_MS);
    return () => clearTimeout(t);
  }, [q, category, value, onChange]);

  return (
    <form className="filters" role="search" aria-label="Filter the queue" onSubmit={(e) => {
      e.preventDefault();
      onChange({ ...value, q, category });
    }}>
      <div className="field grow">
        <label htmlFor={`${id}-q`}>Search</label>
        <input id={`${id}-q`} ref={searchRef} type="search" placeholder="Subject, order, customer…  ( / )" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select id={`${id}-status`} value={value.status} onChange={(e) => onChange({ ...value, status: e.target.value })}>
          <option value="">Any status</option>
          {CASE_STATUSES.map((s) => <option key={s} value={s}>{humanize(s)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-priority`}>Priority</label>
        <select id={`${id}-priority`} value={value.priority} onChange={(e) => onChange({ ...value, priority: e.target.value })}>
          <option value="">Any priority</option>
          {PRIORITIES.map((p) => <option key={p} value={p}>{p}</option>)}
        </select>
      </div>
      {showCategory ? <div className="field">
        <label htmlFor={`${id}-category`}>Category</label>
        <input id={`${id}-category`} list={`${id}-categories`} placeholder="Any category" value={category} onChange={(e) => setCategory(e.target.value)} />
        <datalist id={`${id}-categories`}>
          {CATEGORIES.map((c) => <option key={c} value={c}>{humanize(c)}</option>)}
        </datalist>
      </div> : null}
      <div className="field">
        <label htmlFor={`${id}-sort`}>Sort</label>
        <select id={`${id}-sort`} value={value.sort} onChange={(e) => onChange({ ...value, sort: e.target.value as Filters['sort'] })}>
          {SORTS.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
        </select>
      </div>
    </form>
  );
}
