import type { Selectable } from 'kysely';
import type { Executor } from '../database.js';
import type { FinanceEntriesTable } from '../schema.js';

export interface FinanceEntryRecord {
  id: number;
  kind: string;
  state: string;
  caseId: number | null;
  orderNumber: string | null;
  amountMinor: number;
  currency: string;
  method: string;
  reason: string;
  note: string | null;
  reference: string | null;
  requestedBy: number | null;
  approvedBy: number | null;
  performedBy: number | null;
  createdAt: string;
  approvedAt: string | null;
  performedAt: string | null;
  updatedAt: string;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function toEntry(r: Selectable<FinanceEntriesTable>): FinanceEntryRecord {
  return {
    id: Number(r.id), kind: r.kind, state: r.state, caseId: num(r.case_id), orderNumber: r.order_number, amountMinor: Number(r.amount_minor),
    currency: r.currency, method: r.method, reason: r.reason, note: r.note, reference: r.reference, requestedBy: num(r.requested_by),
    approvedBy: num(r.approved_by), performedBy: num(r.performed_by), createdAt: r.created_at, approvedAt: r.approved_at,
    performedAt: r.performed_at, updatedAt: r.updated_at,
  };
}

export async function insertFinanceEntry(db: Executor, e: Omit<FinanceEntryRecord, 'id'>): Promise<FinanceEntryRecord> {
  const row = await db.insertInto('finance_entries').values({
    kind: e.kind, state: e.state, case_id: e.caseId, order_number: e.orderNumber, amount_minor: e.amountMinor, currency: e.currency,
    method: e.method, reason: e.reason, note: e.note, reference: e.reference, requested_by: e.requestedBy, approved_by: e.approvedBy,
    performed_by: e.performedBy, created_at: e.createdAt, approved_at: e.approvedAt, performed_at: e.performedAt, updated_at: e.updatedAt,
  }).returningAll().executeTakeFirstOrThrow();
  return toEntry(row);
}

export async function findFinanceEntry(db: Executor, id: number, lock?: 'sqlite' | 'postgres'): Promise<FinanceEntryRecord | undefined> {
  let q = db.selectFrom('finance_entries').selectAll().where('id', '=', id);
  if (lock === 'postgres') q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row && toEntry(row);
}

export async function updateFinanceEntry(
  db: Executor,
  id: number,
  patch: Partial<Pick<FinanceEntryRecord, 'state' | 'approvedBy' | 'approvedAt' | 'performedBy' | 'performedAt' | 'reference' | 'note' | 'updatedAt'>>,
): Promise<FinanceEntryRecord> {
  const set: Record<string, unknown> = {};
  if (patch.state !== undefined) set.state = patch.state;
  if (patch.approvedBy !== undefined) set.approved_by = patch.approvedBy;
  if (patch.approvedAt !== undefined) set.approved_at = patch.approvedAt;
  if (patch.performedBy !== undefined) set.performed_by = patch.performedBy;
  if (patch.performedAt !== undefined) set.performed_at = patch.performedAt;
  if (patch.reference !== undefined) set.reference = patch.reference;
  if (patch.note !== undefined) set.note = patch.note;
  if (patch.updatedAt !== undefined) set.updated_at = patch.updatedAt;
  const row = await db.updateTable('finance_entries').set(set as never).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  return toEntry(row);
}

export async function listFinanceEntries(
  db: Executor,
  filter: { states?: readonly string[]; kind?: string; caseId?: number; beforeId?: number; limit: number },
): Promise<FinanceEntryRecord[]> {
  let q = db.selectFrom('finance_entries').selectAll().orderBy('id', 'desc').limit(filter.limit);
  if (filter.states && filter.states.length > 0) q = q.where('state', 'in', [...filter.states]);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.caseId !== undefined) q = q.where('case_id', '=', filter.caseId);
  if (filter.beforeId !== undefined) q = q.where('id', '<', filter.beforeId);
  return (await q.execute()).map(toEntry);
}

/** Entries performed in [from, to): the money or parcel went out then. */
export async function listPerformedFinanceEntries(db: Executor, range: { from: string; to: string }): Promise<FinanceEntryRecord[]> {
  const rows = await db.selectFrom('finance_entries').selectAll()
    .where('state', '=', 'performed').where('performed_at', '>=', range.from).where('performed_at', '<', range.to)
    .orderBy('performed_at').orderBy('id').execute();
  return rows.map(toEntry);
}

/** RMA payouts in [from, to) with the RMA's number and the order's number, for the tracker. */
export async function listRmaPayoutsBetween(db: Executor, range: { from: string; to: string }) {
  const rows = await db.selectFrom('money_movements as m')
    .innerJoin('rmas as r', 'r.id', 'm.rma_id')
    .leftJoin('orders as o', 'o.id', 'm.order_id')
    .select(['m.id', 'm.kind', 'm.amount_minor', 'm.currency', 'm.method', 'm.approved_by', 'm.note', 'm.created_at', 'r.number as rma_number', 'o.number as order_number'])
    .where('m.created_at', '>=', range.from).where('m.created_at', '<', range.to)
    .orderBy('m.created_at').orderBy('m.id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id), kind: r.kind, amountMinor: Number(r.amount_minor), currency: r.currency, method: r.method, approvedBy: num(r.approved_by),
    note: r.note, at: r.created_at, rmaNumber: r.rma_number, orderNumber: r.order_number ?? null,
  }));
}
