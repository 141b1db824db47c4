import { sql, type Expression, type Selectable, type SqlBool } from 'kysely';
import type { Executor } from '../database.js';
import type { CaseLogsTable } from '../schema.js';

export interface CaseLogRecord {
  id: number;
  caseId: number;
  type: string;
  state: string;
  sku: string | null;
  supplierTeamId: number | null;
  fields: Record<string, unknown>;
  dueAt: string | null;
  openedById: number | null;
  openedAt: string;
  stateChangedAt: string;
  closedAt: string | null;
  updatedAt: string;
}

const num = (v: number | null) => (v === null ? null : Number(v));

function toLog(row: Selectable<CaseLogsTable>): CaseLogRecord {
  return {
    id: Number(row.id),
    caseId: Number(row.case_id),
    type: row.type,
    state: row.state,
    sku: row.sku,
    supplierTeamId: num(row.supplier_team_id),
    fields: JSON.parse(row.fields_json) as Record<string, unknown>,
    dueAt: row.due_at,
    openedById: num(row.opened_by_id),
    openedAt: row.opened_at,
    stateChangedAt: row.state_changed_at,
    closedAt: row.closed_at,
    updatedAt: row.updated_at,
  };
}

export type NewCaseLog = Omit<CaseLogRecord, 'id'>;
export type CaseLogPatch = Partial<Pick<CaseLogRecord, 'state' | 'sku' | 'supplierTeamId' | 'fields' | 'dueAt' | 'stateChangedAt' | 'closedAt' | 'updatedAt'>>;

export async function insertCaseLog(db: Executor, input: NewCaseLog): Promise<CaseLogRecord> {
  const row = await db
    .insertInto('case_logs')
    .values({
      case_id: input.caseId, type: input.type, state: input.state, sku: input.sku, supplier_team_id: input.supplierTeamId,
      fields_json: JSON.stringify(input.fields), due_at: input.dueAt, opened_by_id: input.openedById, opened_at: input.openedAt,
      state_changed_at: input.stateChangedAt, closed_at: input.closedAt, updated_at: input.updatedAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toLog(row);
}

export async function findCaseLogByCaseId(db: Executor, caseId: number): Promise<CaseLogRecord | undefined> {
  const row = await db.selectFrom('case_logs').selectAll().where('case_id', '=', caseId).executeTakeFirst();
  return row && toLog(row);
}

export async function updateCaseLog(db: Executor, id: number, patch: CaseLogPatch): Promise<CaseLogRecord> {
  const set: Record<string, unknown> = {};
  if (patch.state !== undefined) set.state = patch.state;
  if (patch.sku !== undefined) set.sku = patch.sku;
  if (patch.supplierTeamId !== undefined) set.supplier_team_id = patch.supplierTeamId;
  if (patch.fields !== undefined) set.fields_json = JSON.stringify(patch.fields);
  if (patch.dueAt !== undefined) set.due_at = patch.dueAt;
  if (patch.stateChangedAt !== undefined) set.state_changed_at = patch.stateChangedAt;
  if (patch.closedAt !== undefined) set.closed_at = patch.closedAt;
  if (patch.updatedAt !== undefined) set.updated_at = patch.updatedAt;
  const row = await db.updateTable('case_logs').set(set as never).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  return toLog(row);
}

// --- Same-SKU links (R001-06: "affecting other orders?") ---

export interface SkuPeer {
  logId: number;
  type: string;
  caseId: number;
  orderId: number;
}

/**
 * Open entries carrying this SKU on other cases whose order has not left the building yet
 * (unknown fulfillment counts as open: better one link too many than a customer nobody warned).
 */
export async function findOpenSkuPeers(db: Executor, sku: string, excludeLogId: number): Promise<SkuPeer[]> {
  const rows = await db
    .selectFrom('case_logs as l')
    .innerJoin('cases as c', 'c.id', 'l.case_id')
    .innerJoin('orders as o', 'o.id', 'c.order_id')
    .select(['l.id as log_id', 'l.type', 'l.case_id', 'o.id as order_id'])
    .where('l.sku', '=', sku)
    .where('l.closed_at', 'is', null)
    .where('l.id', '!=', excludeLogId)
    .where((eb) => eb.or([eb('o.fulfillment', 'is', null), eb('o.fulfillment', 'not in', ['shipped', 'delivered', 'returned_to_sender'])]))
    .orderBy('l.id')
    .execute();
  return rows.map((r) => ({ logId: Number(r.log_id), type: r.type, caseId: Number(r.case_id), orderId: Number(r.order_id) }));
}

/** Open entries of a type carrying this SKU (the out-of-stock entries a new order joins). */
export async function findOpenLogsOfTypeBySku(db: Executor, type: string, sku: string, excludeLogId: number): Promise<{ logId: number; caseId: number }[]> {
  const rows = await db
    .selectFrom('case_logs')
    .select(['id', 'case_id'])
    .where('type', '=', type)
    .where('sku', '=', sku)
    .where('closed_at', 'is', null)
    .where('id', '!=', excludeLogId)
    .execute();
  return rows.map((r) => ({ logId: Number(r.id), caseId: Number(r.case_id) }));
}

export async function insertLogLinks(
  db: Executor,
  links: { logId: number; orderId: number; linkedLogId: number | null; reason: 'same_sku' | 'named'; at: string }[],
): Promise<number> {
  if (links.length === 0) return 0;
  const result = await db
    .insertInto('case_log_links')
    .values(links.map((l) => ({ log_id: l.logId, order_id: l.orderId, linked_log_id: l.linkedLogId, reason: l.reason, created_at: l.at })))
    .onConflict((oc) => oc.columns(['log_id', 'order_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export interface LogLinkRecord {
  orderId: number;
  orderNumber: string;
  fulfillment: string | null;
  linkedLogId: number | null;
  linkedCaseId: number | null;
  linkedState: string | null;
  reason: string;
  createdAt: string;
}

export async function listLogLinks(db: Executor, logId: number): Promise<LogLinkRecord[]> {
  const rows = await db
    .selectFrom('case_log_links as k')
    .innerJoin('orders as o', 'o.id', 'k.order_id')
    .leftJoin('case_logs as p', 'p.id', 'k.linked_log_id')
    .select(['k.order_id', 'o.number', 'o.fulfillment', 'k.linked_log_id', 'p.case_id', 'p.state', 'k.reason', 'k.created_at'])
    .where('k.log_id', '=', logId)
    .orderBy('k.created_at')
    .orderBy('k.order_id')
    .execute();
  return rows.map((r) => ({
    orderId: Number(r.order_id), orderNumber: r.number, fulfillment: r.fulfillment, linkedLogId: num(r.linked_log_id),
    linkedCaseId: num(r.case_id), linkedState: r.state, reason: r.reason, createdAt: r.created_at,
  }));
}

// --- Queues ---

export interface LogQueueFilter {
  /** (type, state) pairs the caller may see or asked for; each list is ORed, the lists ANDed. */
  pairSets: { type: string; states: readonly string[] }[][];
  excludeCategories: string[];
  /** The supplier's scope: its team's entries, or cases it owns, supports or was handed. */
  supplierScope: { teamId: number | null; userId: number } | null;
  openOnly: boolean;
  sku?: string;
}

export interface LogQueueRow extends CaseLogRecord {
  caseStatus: string;
  casePriority: string;
  caseCategory: string;
  orderNumber: string | null;
}

const FAR_FUTURE = '9999-12-31T00:00:00.000Z';

/** Due first (the overdue on top), then the oldest; keyset cursor [dueKey, id]. */
export async function listLogQueue(db: Executor, filter: LogQueueFilter, page: { after?: [string, number]; limit: number }): Promise<{ items: LogQueueRow[]; next: [string, number] | null }> {
  const dueKey = sql<string>`coalesce(l.due_at, ${FAR_FUTURE})`;
  let q = db
    .selectFrom('case_logs as l')
    .innerJoin('cases as c', 'c.id', 'l.case_id')
    .leftJoin('orders as o', 'o.id', 'c.order_id')
    .selectAll('l')
    .select(['c.status as case_status', 'c.priority as case_priority', 'c.category as case_category', 'o.number as order_number'])
    .select(dueKey.as('due_key'));
  for (const set of filter.pairSets) {
    q = q.where((eb) => {
      const ors: Expression<SqlBool>[] = set.filter((p) => p.states.length > 0).map((p) => eb.and([eb('l.type', '=', p.type), eb('l.state', 'in', [...p.states])]));
      return ors.length === 0 ? sql<SqlBool>`1 = 0` : eb.or(ors);
    });
  }
  if (filter.excludeCategories.length > 0) q = q.where('c.category', 'not in', filter.excludeCategories);
  if (filter.openOnly) q = q.where('l.closed_at', 'is', null);
  if (filter.sku) q = q.where('l.sku', '=', filter.sku);
  const scope = filter.supplierScope;
  if (scope) {
    q = q.where((eb) => {
      // An entry handed to a supplier team belongs to that team alone; one handed to none is seen
      // on the cases the supplier works (log-visibility.ts says the same for one entry).
      const onCase: Expression<SqlBool>[] = [eb('c.assignee_id', '=', scope.userId)];
      if (scope.teamId !== null) onCase.push(eb('c.team_id', '=', scope.teamId), eb('c.partner_team_id', '=', scope.teamId));
      const unassigned = eb.and([eb('l.supplier_team_id', 'is', null), eb.or(onCase)]);
      return scope.teamId === null ? unassigned : eb.or([eb('l.supplier_team_id', '=', scope.teamId), unassigned]);
    });
  }
  if (page.after) {
    const [key, id] = page.after;
    q = q.where((eb) => eb.or([eb(dueKey, '>', key), eb.and([eb(dueKey, '=', key), eb('l.id', '>', id)])]));
  }
  const rows = await q.orderBy(dueKey, 'asc').orderBy('l.id', 'asc').limit(page.limit + 1).execute();
  const items = rows.slice(0, page.limit).map((r) => ({
    ...toLog(r as unknown as Selectable<CaseLogsTable>),
    caseStatus: r.case_status, casePriority: r.case_priority, caseCategory: r.case_category, orderNumber: r.order_number,
  }));
  const last = rows.length > page.limit ? rows[page.limit - 1] : undefined;
  return { items, next: last ? [String(last.due_key), Number(last.id)] : null };
}

// --- Inventory discrepancies (R001-06) ---

export interface SkuLogRow {
  logId: number;
  caseId: number;
  state: string;
  sku: string;
  fields: Record<string, unknown>;
  openedAt: string;
  closedAt: string | null;
  orderId: number | null;
}

export async function listLogsWithSku(db: Executor, filter: { type: string; from?: string; to?: string; excludeCategories: string[] }): Promise<SkuLogRow[]> {
  let q = db
    .selectFrom('case_logs as l')
    .innerJoin('cases as c', 'c.id', 'l.case_id')
    .select(['l.id', 'l.case_id', 'l.state', 'l.sku', 'l.fields_json', 'l.opened_at', 'l.closed_at', 'c.order_id'])
    .where('l.type', '=', filter.type)
    .where('l.sku', 'is not', null);
  if (filter.from) q = q.where('l.opened_at', '>=', filter.from);
  if (filter.to) q = q.where('l.opened_at', '<', filter.to);
  if (filter.excludeCategories.length > 0) q = q.where('c.category', 'not in', filter.excludeCategories);
  const rows = await q.orderBy('l.opened_at').orderBy('l.id').execute();
  return rows.map((r) => ({
    logId: Number(r.id), caseId: Number(r.case_id), state: r.state, sku: r.sku as string,
    fields: JSON.parse(r.fields_json) as Record<string, unknown>, openedAt: r.opened_at, closedAt: r.closed_at, orderId: num(r.order_id),
  }));
}

export async function listLinkedOrderIds(db: Executor, logIds: number[]): Promise<{ logId: number; orderId: number }[]> {
  if (logIds.length === 0) return [];
  const rows = await db.selectFrom('case_log_links').select(['log_id', 'order_id']).where('log_id', 'in', logIds).execute();
  return rows.map((r) => ({ logId: Number(r.log_id), orderId: Number(r.order_id) }));
}
