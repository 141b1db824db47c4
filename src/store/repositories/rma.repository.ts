import type { Selectable } from 'kysely';
import type { Executor } from '../database.js';
import type { RmasTable } from '../schema.js';

/** One RMA as stored; JSON columns are parsed by the service that owns their shape. */
export interface RmaRecord {
  id: number;
  number: string;
  orderId: number;
  orderNumber: string;
  caseId: number | null;
  state: string;
  reason: string;
  resolution: string;
  method: string | null;
  eligible: boolean;
  approvalRequired: boolean;
  itemsJson: string;
  quoteJson: string;
  orderJson: string;
  currency: string;
  refundTotalMinor: number;
  storeCreditBonusMinor: number;
  settledTotalMinor: number | null;
  requestedBy: number | null;
  approvedBy: number | null;
  deniedBy: number | null;
  decisionNote: string | null;
  trackingNumber: string | null;
  policyVersion: number | null;
  requestedAt: string;
  approvedAt: string | null;
  deniedAt: string | null;
  labelSentAt: string | null;
  inTransitAt: string | null;
  receivedAt: string | null;
  inspectedAt: string | null;
  refundedAt: string | null;
  creditedAt: string | null;
  cancelledAt: string | null;
  dueKind: string | null;
  dueAt: string | null;
  warnAt: string | null;
  dueJson: string;
  /** The next instant a warning or breach of this state is pending (issue 6 item 5). */
  alertAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type NewRma = Omit<RmaRecord, 'id'>;
export type RmaPatch = Partial<Omit<RmaRecord, 'id' | 'number' | 'orderId' | 'orderNumber' | 'createdAt'>>;

const nullableNumber = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function toRma(row: Selectable<RmasTable>): RmaRecord {
  return {
    id: Number(row.id),
    number: row.number,
    orderId: Number(row.order_id),
    orderNumber: row.order_number,
    caseId: nullableNumber(row.case_id),
    state: row.state,
    reason: row.reason,
    resolution: row.resolution,
    method: row.method,
    eligible: Number(row.eligible) === 1,
    approvalRequired: Number(row.approval_required) === 1,
    itemsJson: row.items_json,
    quoteJson: row.quote_json,
    orderJson: row.order_json,
    currency: row.currency,
    refundTotalMinor: Number(row.refund_total_minor),
    storeCreditBonusMinor: Number(row.store_credit_bonus_minor),
    settledTotalMinor: nullableNumber(row.settled_total_minor),
    requestedBy: nullableNumber(row.requested_by),
    approvedBy: nullableNumber(row.approved_by),
    deniedBy: nullableNumber(row.denied_by),
    decisionNote: row.decision_note,
    trackingNumber: row.tracking_number,
    policyVersion: nullableNumber(row.policy_version),
    requestedAt: row.requested_at,
    approvedAt: row.approved_at,
    deniedAt: row.denied_at,
    labelSentAt: row.label_sent_at,
    inTransitAt: row.in_transit_at,
    receivedAt: row.received_at,
    inspectedAt: row.inspected_at,
    refundedAt: row.refunded_at,
    creditedAt: row.credited_at,
    cancelledAt: row.cancelled_at,
    dueKind: row.due_kind,
    dueAt: row.due_at,
    warnAt: row.warn_at,
    dueJson: row.due_json,
    alertAt: row.alert_at ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const COLUMN_OF: Record<keyof RmaPatch | 'number' | 'orderId' | 'orderNumber' | 'createdAt', keyof RmasTable> = {
  number: 'number',
  orderId: 'order_id',
  orderNumber: 'order_number',
  caseId: 'case_id',
  state: 'state',
  reason: 'reason',
  resolution: 'resolution',
  method: 'method',
  eligible: 'eligible',
  approvalRequired: 'approval_required',
  itemsJson: 'items_json',
  quoteJson: 'quote_json',
  orderJson: 'order_json',
  currency: 'currency',
  refundTotalMinor: 'refund_total_minor',
  storeCreditBonusMinor: 'store_credit_bonus_minor',
  settledTotalMinor: 'settled_total_minor',
  requestedBy: 'requested_by',
  approvedBy: 'approved_by',
  deniedBy: 'denied_by',
  decisionNote: 'decision_note',
  trackingNumber: 'tracking_number',
  policyVersion: 'policy_version',
  requestedAt: 'requested_at',
  approvedAt: 'approved_at',
  deniedAt: 'denied_at',
  labelSentAt: 'label_sent_at',
  inTransitAt: 'in_transit_at',
  receivedAt: 'received_at',
  inspectedAt: 'inspected_at',
  refundedAt: 'refunded_at',
  creditedAt: 'credited_at',
  cancelledAt: 'cancelled_at',
  dueKind: 'due_kind',
  dueAt: 'due_at',
  warnAt: 'warn_at',
  dueJson: 'due_json',
  alertAt: 'alert_at',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

function columns(fields: Partial<NewRma>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const column = COLUMN_OF[key as keyof typeof COLUMN_OF];
    if (!column) continue;
    out[column] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  }
  return out;
}

export async function rmaNumberTaken(db: Executor, number: string): Promise<boolean> {
  const row = await db.selectFrom('rmas').select('id').where('number', '=', number).executeTakeFirst();
  return row !== undefined;
}

export async function insertRma(db: Executor, rma: NewRma): Promise<RmaRecord> {
  const row = await db.insertInto('rmas').values(columns(rma) as never).returningAll().executeTakeFirstOrThrow();
  return toRma(row);
}

export async function findRmaByNumber(db: Executor, number: string): Promise<RmaRecord | undefined> {
  const row = await db.selectFrom('rmas').selectAll().where('number', '=', number).executeTakeFirst();
  return row && toRma(row);
}

/** The row locked for the rest of the transaction on PostgreSQL (SQLite serialises writers anyway). */
export async function findRmaForUpdate(db: Executor, number: string, dialect: 'sqlite' | 'postgres'): Promise<RmaRecord | undefined> {
  let q = db.selectFrom('rmas').selectAll().where('number', '=', number);
  if (dialect === 'postgres') q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row && toRma(row);
}

export async function findRmaByIdForUpdate(db: Executor, id: number, dialect: 'sqlite' | 'postgres'): Promise<RmaRecord | undefined> {
  let q = db.selectFrom('rmas').selectAll().where('id', '=', id);
  if (dialect === 'postgres') q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row && toRma(row);
}

/** RMAs with a warning or breach pending by `until`, earliest first: a range scan of rmas_alert. */
export async function listRmasWithAlertsDue(db: Executor, input: { until: string; limit: number }): Promise<RmaRecord[]> {
  const rows = await db
    .selectFrom('rmas')
    .selectAll()
    .where('alert_at', 'is not', null)
    .where('alert_at', '<=', input.until)
    .orderBy('alert_at')
    .limit(input.limit)
    .execute();
  return rows.map(toRma);
}

export async function updateRma(db: Executor, id: number, patch: RmaPatch): Promise<RmaRecord> {
  const row = await db.updateTable('rmas').set(columns(patch) as never).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  return toRma(row);
}

/** RMAs of an order that still hold their units (not denied or cancelled), to stop a unit coming back twice. */
export async function listLiveRmasOfOrder(db: Executor, orderId: number): Promise<RmaRecord[]> {
  const rows = await db
    .selectFrom('rmas')
    .selectAll()
    .where('order_id', '=', orderId)
    .where('state', 'not in', ['denied', 'cancelled'])
    .orderBy('id')
    .execute();
  return rows.map(toRma);
}

export interface RmaListFilter {
  states?: string[];
  orderNumber?: string;
  caseId?: number;
  reason?: string;
  /** Waiting for a supervisor: requested and approval_required. */
  awaitingApproval?: boolean;
  /** Due at or before this instant (what a sweep looks for). */
  dueBefore?: string;
  requestedFrom?: string;
  requestedTo?: string;
  beforeId?: number;
  limit: number;
}

export async function listRmas(db: Executor, filter: RmaListFilter): Promise<RmaRecord[]> {
  let q = db.selectFrom('rmas').selectAll().orderBy('id', 'desc').limit(filter.limit);
  if (filter.states && filter.states.length > 0) q = q.where('state', 'in', filter.states);
  if (filter.orderNumber) q = q.where('order_number', '=', filter.orderNumber);
  if (filter.caseId !== undefined) q = q.where('case_id', '=', filter.caseId);
  if (filter.reason) q = q.where('reason', '=', filter.reason);
  if (filter.awaitingApproval) q = q.where('state', '=', 'requested').where('approval_required', '=', 1);
  if (filter.dueBefore) q = q.where('due_at', 'is not', null).where('due_at', '<=', filter.dueBefore);
  if (filter.requestedFrom) q = q.where('requested_at', '>=', filter.requestedFrom);
  if (filter.requestedTo) q = q.where('requested_at', '<', filter.requestedTo);
  if (filter.beforeId !== undefined) q = q.where('id', '<', filter.beforeId);
  return (await q.execute()).map(toRma);
}

/**
 * RMAs for the returns report: requested in [from, to), or completed in it (for processing time
 * and accuracy). Both bounds are ISO UTC instants.
 */
export async function listRmasForReport(db: Executor, range: { from: string; to: string }): Promise<RmaRecord[]> {
  const rows = await db
    .selectFrom('rmas')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('requested_at', '>=', range.from), eb('requested_at', '<', range.to)]),
        eb.and([eb('refunded_at', '>=', range.from), eb('refunded_at', '<', range.to)]),
        eb.and([eb('credited_at', '>=', range.from), eb('credited_at', '<', range.to)]),
        eb.and([eb('inspected_at', '>=', range.from), eb('inspected_at', '<', range.to), eb('resolution', '=', 'replacement')]),
      ]),
    )
    .orderBy('id')
    .execute();
  return rows.map(toRma);
}

/**
 * Locks the order's row for the rest of the transaction on PostgreSQL, so two requests for the same
 * order cannot both count the same units as still returnable (SQLite serialises writers anyway).
 */
export async function lockOrderForReturn(db: Executor, orderId: number, dialect: 'sqlite' | 'postgres'): Promise<void> {
  if (dialect !== 'postgres') return;
  await db.selectFrom('orders').select('id').where('id', '=', orderId).forUpdate().execute();
}
