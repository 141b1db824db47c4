import type { Selectable } from 'kysely';
import type { Executor } from '../database.js';
import type { HandoffsTable } from '../schema.js';
import { toCase, type CaseRecord } from './case.repository.js';

const OPEN = ['new', 'open', 'pending_customer', 'pending_supplier', 'pending_internal'];

export interface ShiftScope {
  excludeCategories: string[];
  teamId: number | null;
}

/** One line of the escalations log (R001-01): the escalation event with its case, customer and order. */
export interface EscalationLogRow {
  at: string;
  caseId: number;
  from: string | null;
  to: string | null;
  reason: string | null;
  by: string | null;
  orderNumber: string | null;
  customerName: string | null;
  category: string;
  subject: string | null;
  promisedResolution: string | null;
  status: string;
  resolvedById: number | null;
}

export async function escalationsBetween(db: Executor, scope: ShiftScope, from: string, to: string): Promise<EscalationLogRow[]> {
  let q = db
    .selectFrom('case_events as e')
    .innerJoin('cases as c', 'c.id', 'e.case_id')
    .leftJoin('customers as cu', 'cu.id', 'c.customer_id')
    .leftJoin('orders as o', 'o.id', 'c.order_id')
    .select([
      'e.at', 'e.case_id', 'e.data_json', 'c.category', 'c.subject', 'c.promised_resolution', 'c.status', 'c.resolved_by_id',
      'o.number as order_number', 'cu.name as customer_name',
    ])
    .where('e.type', '=', 'escalated')
    .where('e.at', '>=', from)
    .where('e.at', '<', to)
    .orderBy('e.at')
    .orderBy('e.id');
  if (scope.excludeCategories.length) q = q.where('c.category', 'not in', scope.excludeCategories);
  if (scope.teamId !== null) q = q.where('c.team_id', '=', scope.teamId);
  const rows = await q.execute();
  return rows.map((r) => {
    const data = JSON.parse(r.data_json) as { from?: string; to?: string; reason?: string; by?: string };
    return {
      at: r.at,
      caseId: Number(r.case_id),
      from: data.from ?? null,
      to: data.to ?? null,
      reason: data.reason ?? null,
      by: data.by ?? null,
      orderNumber: r.order_number,
      customerName: r.customer_name,
      category: r.category,
      subject: r.subject,
      promisedResolution: r.promised_resolution,
      status: r.status,
      resolvedById: r.resolved_by_id === null ? null : Number(r.resolved_by_id),
    };
  });
}

function openCases(db: Executor, scope: ShiftScope) {
  let q = db.selectFrom('cases').selectAll().where('status', 'in', OPEN);
  if (scope.excludeCategories.length) q = q.where('category', 'not in', scope.excludeCategories);
  if (scope.teamId !== null) q = q.where('team_id', '=', scope.teamId);
  return q;
}

/** What a shift hands to the next (R001-12), each list oldest-due first. */
export async function handoffLists(db: Executor, scope: ShiftScope, now: string, horizon: string): Promise<{
  openEscalations: CaseRecord[];
  promisesDue: CaseRecord[];
  breached: CaseRecord[];
  waiting: CaseRecord[];
}> {
  const [openEscalations, promisesDue, breached, waiting] = await Promise.all([
    openCases(db, scope).where('escalated', '=', 1).orderBy('resolution_due_at').orderBy('id').limit(500).execute(),
    openCases(db, scope).where('promised_by', 'is not', null).where('promised_by', '<', horizon).orderBy('promised_by').limit(500).execute(),
    openCases(db, scope).where('resolution_due_at', '<', now).orderBy('resolution_due_at').limit(500).execute(),
    openCases(db, scope).where('status', 'in', ['pending_supplier', 'pending_internal']).orderBy('updated_at').limit(500).execute(),
  ]);
  return {
    openEscalations: openEscalations.map(toCase),
    promisesDue: promisesDue.map(toCase),
    breached: breached.map(toCase),
    waiting: waiting.map(toCase),
  };
}

/** Cases opened or escalated in a window: the morning review of overnight issues (R001-12). */
export async function casesOpenedBetween(db: Executor, scope: ShiftScope, from: string, to: string): Promise<CaseRecord[]> {
  let q = db.selectFrom('cases').selectAll().where('created_at', '>=', from).where('created_at', '<', to).orderBy('priority').orderBy('created_at');
  if (scope.excludeCategories.length) q = q.where('category', 'not in', scope.excludeCategories);
  if (scope.teamId !== null) q = q.where('team_id', '=', scope.teamId);
  return (await q.limit(1000).execute()).map(toCase);
}

export interface HandoffRecord {
  id: number;
  teamId: number | null;
  shift: string;
  periodStart: string;
  periodEnd: string;
  note: string | null;
  snapshot: Record<string, unknown>;
  signedOffById: number;
  signedOffAt: string;
  acknowledgedById: number | null;
  acknowledgedAt: string | null;
}

function toHandoff(r: Selectable<HandoffsTable>): HandoffRecord {
  return {
    id: Number(r.id),
    teamId: r.team_id === null ? null : Number(r.team_id),
    shift: r.shift,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    note: r.note,
    snapshot: JSON.parse(r.snapshot_json) as Record<string, unknown>,
    signedOffById: Number(r.signed_off_by_id),
    signedOffAt: r.signed_off_at,
    acknowledgedById: r.acknowledged_by_id === null ? null : Number(r.acknowledged_by_id),
    acknowledgedAt: r.acknowledged_at,
  };
}

export async function insertHandoff(db: Executor, h: Omit<HandoffRecord, 'id' | 'acknowledgedById' | 'acknowledgedAt'>): Promise<HandoffRecord> {
  const row = await db
    .insertInto('handoffs')
    .values({
      team_id: h.teamId, shift: h.shift, period_start: h.periodStart, period_end: h.periodEnd, note: h.note,
      snapshot_json: JSON.stringify(h.snapshot), signed_off_by_id: h.signedOffById, signed_off_at: h.signedOffAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toHandoff(row);
}

export async function findHandoff(db: Executor, id: number): Promise<HandoffRecord | undefined> {
  const row = await db.selectFrom('handoffs').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toHandoff(row);
}

/** Acknowledges once; returns false when someone already did. */
export async function acknowledgeHandoff(db: Executor, id: number, userId: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('handoffs')
    .set({ acknowledged_by_id: userId, acknowledged_at: at })
    .where('id', '=', id)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function listHandoffs(db: Executor, filter: { teamId?: number | null; limit: number }): Promise<HandoffRecord[]> {
  let q = db.selectFrom('handoffs').selectAll().orderBy('signed_off_at', 'desc').limit(filter.limit);
  if (filter.teamId !== undefined && filter.teamId !== null) q = q.where('team_id', '=', filter.teamId);
  return (await q.execute()).map(toHandoff);
}

export async function latestHandoff(db: Executor, teamId: number | null): Promise<HandoffRecord | undefined> {
  let q = db.selectFrom('handoffs').selectAll().orderBy('signed_off_at', 'desc').limit(1);
  q = teamId === null ? q.where('team_id', 'is', null) : q.where('team_id', '=', teamId);
  const row = await q.executeTakeFirst();
  return row && toHandoff(row);
}
