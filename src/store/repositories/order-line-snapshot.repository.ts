import type { Executor } from '../database.js';

export interface OrderLineSnapshot {
  orderId: number;
  source: string;
  snapshot: unknown;
  updatedAt: string;
}

/** Replaces the order's line snapshot: the latest order webhook is the order as it stands. */
export async function saveOrderLineSnapshot(db: Executor, input: { orderId: number; source: string; snapshot: unknown; at: string }): Promise<void> {
  const json = JSON.stringify(input.snapshot);
  await db
    .insertInto('order_line_snapshots')
    .values({ order_id: input.orderId, source: input.source, snapshot_json: json, updated_at: input.at })
    .onConflict((oc) => oc.column('order_id').doUpdateSet({ source: input.source, snapshot_json: json, updated_at: input.at }))
    .execute();
}

export async function findOrderLineSnapshot(db: Executor, orderId: number): Promise<OrderLineSnapshot | undefined> {
  const row = await db.selectFrom('order_line_snapshots').selectAll().where('order_id', '=', orderId).executeTakeFirst();
  return row && { orderId: Number(row.order_id), source: row.source, snapshot: JSON.parse(row.snapshot_json) as unknown, updatedAt: row.updated_at };
}
