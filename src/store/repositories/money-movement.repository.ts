import type { Selectable } from 'kysely';
import type { Executor } from '../database.js';
import type { MoneyMovementsTable } from '../schema.js';

// The refunds/reshipments ledger (R000-09). Append-only: there is no update or delete, a correction
// is a new row.

export type MoneyMovementKind = 'refund' | 'store_credit' | 'reshipment';

export interface MoneyMovementRecord {
  id: number;
  rmaId: number;
  orderId: number;
  kind: MoneyMovementKind;
  amountMinor: number;
  bonusMinor: number;
  currency: string;
  method: string;
  requestedBy: number | null;
  approvedBy: number | null;
  performedBy: number | null;
  note: string | null;
  createdAt: string;
}

export type NewMoneyMovement = Omit<MoneyMovementRecord, 'id'>;

const nullableNumber = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function toMovement(row: Selectable<MoneyMovementsTable>): MoneyMovementRecord {
  return {
    id: Number(row.id),
    rmaId: Number(row.rma_id),
    orderId: Number(row.order_id),
    kind: row.kind as MoneyMovementKind,
    amountMinor: Number(row.amount_minor),
    bonusMinor: Number(row.bonus_minor),
    currency: row.currency,
    method: row.method,
    requestedBy: nullableNumber(row.requested_by),
    approvedBy: nullableNumber(row.approved_by),
    performedBy: nullableNumber(row.performed_by),
    note: row.note,
    createdAt: row.created_at,
  };
}

export async function insertMoneyMovement(db: Executor, m: NewMoneyMovement): Promise<MoneyMovementRecord> {
  const row = await db
    .insertInto('money_movements')
    .values({
      rma_id: m.rmaId,
      order_id: m.orderId,
      kind: m.kind,
      amount_minor: m.amountMinor,
      bonus_minor: m.bonusMinor,
      currency: m.currency,
      method: m.method,
      requested_by: m.requestedBy,
      approved_by: m.approvedBy,
      performed_by: m.performedBy,
      note: m.note,
      created_at: m.createdAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toMovement(row);
}

export async function listMovementsOfRma(db: Executor, rmaId: number): Promise<MoneyMovementRecord[]> {
  const rows = await db.selectFrom('money_movements').selectAll().where('rma_id', '=', rmaId).orderBy('id').execute();
  return rows.map(toMovement);
}

/** Money already returned on an order (refunds and store credit before bonus), per currency. */
export async function paidOutOnOrder(db: Executor, orderId: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('money_movements')
    .select(['currency', (eb) => eb.fn.sum<number>('amount_minor').as('total')])
    .where('order_id', '=', orderId)
    .where('kind', 'in', ['refund', 'store_credit'])
    .groupBy('currency')
    .execute();
  return new Map(rows.map((r) => [r.currency, Number(r.total ?? 0)]));
}

/** Movements created in [from, to) (ISO UTC instants), oldest first. */
export async function listMovementsBetween(db: Executor, range: { from: string; to: string }): Promise<MoneyMovementRecord[]> {
  const rows = await db
    .selectFrom('money_movements')
    .selectAll()
    .where('created_at', '>=', range.from)
    .where('created_at', '<', range.to)
    .orderBy('id')
    .execute();
  return rows.map(toMovement);
}
