import type { Store } from '../../store/database.js';
import { csvExport, onePage } from '../../integrations/csv/csv-stream.js';
import { listCases, type ListCasesInput } from '../cases/list-cases.js';
import { listLogQueueView } from '../logs/list-log-queue.js';
import { listCustomers } from '../customers/list-customers.js';
import { listOrders } from '../orders/list-orders.js';
import { listUsers } from '../users/list-users.js';
import { listRmas, type ListRmasInput } from '../returns/list-rmas.js';
import { listAudit } from '../audit/list-audit-events.js';
import { exposureOf } from '../../domain/logs/log-exposure.js';
import { LOG_TYPES, logTypeOf } from '../../domain/logs/log-registry.js';
import type { Actor } from '../actor.js';

// Every list view exports to CSV (issue 7 item 4) through the very service that answers it in
// JSON, page after page with the JSON's filters and sort: what a role may see of a row (the
// supplier's log fields, the restricted log) is decided there once, for both formats. Paging
// parameters of the request are ignored: an export is every matching row.

export interface CsvExport {
  columns: string[];
  lines: AsyncIterable<string>;
}

const EXPORT_PAGE = 500;
type Query = Record<string, unknown>;
const withoutPaging = ({ cursor: _c, limit: _l, format: _f, ...rest }: Query) => rest;

/** The case summary's columns, so an export with no matches still has its header. */
export const CASE_EXPORT_COLUMNS = [
  'id', 'subject', 'category', 'status', 'priority', 'level', 'escalated', 'channel', 'storefront', 'customerId', 'orderId',
  'assigneeId', 'teamId', 'partnerTeamId', 'due.firstResponse', 'due.nextResponse', 'due.resolution', 'promisedResolution', 'promisedBy',
  'createdAt', 'updatedAt', 'resolvedAt',
] as const;

export function exportCases(store: Store, actor: Actor, query: Query): Promise<CsvExport> {
  const filters = withoutPaging(query) as ListCasesInput;
  return csvExport(async (cursor) => listCases(store, actor, { ...filters, limit: EXPORT_PAGE, ...(cursor ? { cursor } : {}) }), CASE_EXPORT_COLUMNS);
}

/**
 * A log queue's columns: the head, the case facts the role sees, and one column per field the
 * role is shown of the queried types — a supplier's export has no column for what is hidden from it.
 */
export function logExportColumns(actor: Actor, type: unknown): string[] {
  const types = typeof type === 'string' && type !== '' ? [logTypeOf(type)] : LOG_TYPES;
  const fields = [...new Set(types.flatMap((t) => exposureOf(t, actor.role).fields))];
  const caseFacts = actor.role === 'supplier' ? ['case.status', 'case.priority'] : ['case.status', 'case.priority', 'case.category'];
  return [
    'caseId', 'type', 'typeLabel', 'state', 'stateLabel', 'waitingOn', 'terminal', 'sku', 'dueAt', 'overdue', 'openedAt', 'openedById',
    'stateChangedAt', 'closedAt', 'updatedAt', ...caseFacts, 'orderNumber', ...fields.map((f) => `fields.${f}`),
  ];
}

export function exportLogQueue(store: Store, actor: Actor, query: Query): Promise<CsvExport> {
  const filters = withoutPaging(query);
  const columns = logExportColumns(actor, filters.type);
  return csvExport(async (cursor) => {
    const page = await listLogQueueView(store, actor, { ...filters, limit: '200', ...(cursor ? { cursor } : {}) });
    // A structured field value (an address) stays one cell.
    const items = page.items.map((item) => ({
      ...item,
      fields: Object.fromEntries(Object.entries(item.fields as Record<string, unknown>).map(([k, v]) => [k, v !== null && typeof v === 'object' && !Array.isArray(v) ? JSON.stringify(v) : v])),
    }));
    return { items, nextCursor: page.nextCursor };
  }, columns);
}

export function exportCustomers(store: Store, actor: Actor, query: Query): Promise<CsvExport> {
  const filters = withoutPaging(query) as { q?: string };
  return csvExport(async (cursor) => listCustomers(store, actor, { ...filters, limit: EXPORT_PAGE, ...(cursor ? { cursor } : {}) }));
}

export function exportOrders(store: Store, actor: Actor, query: Query): Promise<CsvExport> {
  const filters = withoutPaging(query) as { q?: string };
  return csvExport(async (cursor) => listOrders(store, actor, { ...filters, limit: EXPORT_PAGE, ...(cursor ? { cursor } : {}) }));
}

export function exportRmas(store: Store, actor: Actor, query: Query): Promise<CsvExport> {
  const filters = withoutPaging(query) as ListRmasInput;
  return csvExport(async (cursor) => listRmas(store, actor, { ...filters, limit: EXPORT_PAGE, ...(cursor ? { cursor } : {}) } as ListRmasInput));
}

export function exportAudit(store: Store, actor: Actor, query: Query): Promise<CsvExport> {
  const filters = withoutPaging(query) as { entityType?: string; entityId?: string };
  return csvExport(async (cursor) => listAudit(store, actor, { ...filters, limit: EXPORT_PAGE, ...(cursor ? { cursor } : {}) }));
}

export function exportUsers(store: Store, actor: Actor, query: Query): Promise<CsvExport> {
  return csvExport(async () => onePage(await listUsers(store, actor, withoutPaging(query) as { role?: string })));
}
