import type { LogTypeDescription } from '../api/log-types';

export interface LogQueueDef {
  key: string;
  label: string;
  /** The GET /api/v1/logs filters that define the queue. */
  query: Record<string, string>;
  /** The template when the queue holds one type (its states become a filter). */
  type?: string;
}

/** What the supplier lands on: the entries whose move is its own (issue 5 item 2, issue 8 item 2). */
export const SUPPLIER_HOME: LogQueueDef = { key: 'waiting', label: 'Waiting on me', query: { waitingOn: 'supplier' } };

/**
 * One queue per log type the role may see (GET /logs/types, already trimmed to the role), due
 * first. The supplier also gets the queue of its own moves and one with finished entries.
 */
export function logQueuesFor(role: string, types: LogTypeDescription[]): LogQueueDef[] {
  const perType = types.map((t) => ({ key: t.key, label: t.label, query: { type: t.key }, type: t.key }));
  if (role !== 'supplier') return perType;
  return [SUPPLIER_HOME, ...perType, { key: 'done', label: 'Including finished', query: { includeClosed: 'true' } }];
}

/** Where an entry opens: the supplier works the task page; everyone else the case. */
export function entryPath(role: string, caseId: string): string {
  return role === 'supplier' ? `/tasks/${encodeURIComponent(caseId)}` : `/cases/${encodeURIComponent(caseId)}`;
}
