import type { Dialect, Executor } from '../database.js';

export interface ParkedShopifyReturn {
  id: number;
  deliveryId: string;
  topic: string;
  /** The order it waits for; null when it waits for its return to be mapped. */
  shopifyOrderId: string | null;
  returnId: string;
  parkedAt: string;
}

/** Marks a delivery as waiting; a delivery is parked once. */
export async function insertParkedShopifyReturn(db: Executor, row: Omit<ParkedShopifyReturn, 'id'>): Promise<boolean> {
  const inserted = await db
    .insertInto('parked_shopify_returns')
    .values({ delivery_id: row.deliveryId, topic: row.topic, shopify_order_id: row.shopifyOrderId, return_id: row.returnId, parked_at: row.parkedAt })
    .onConflict((oc) => oc.column('delivery_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Deliveries waiting for this order, or (order null) for this return, in arrival order; locked on PostgreSQL. */
export async function listWaitingShopifyReturns(
  db: Executor,
  waitingFor: { shopifyOrderId: string } | { returnId: string },
  dialect: Dialect,
): Promise<ParkedShopifyReturn[]> {
  let q = db.selectFrom('parked_shopify_returns').selectAll().where('applied_at', 'is', null).orderBy('id');
  q = 'shopifyOrderId' in waitingFor
    ? q.where('shopify_order_id', '=', waitingFor.shopifyOrderId)
    : q.where('shopify_order_id', 'is', null).where('return_id', '=', waitingFor.returnId);
  if (dialect === 'postgres') q = q.forUpdate();
  const rows = await q.execute();
  return rows.map((r) => ({
    id: Number(r.id), deliveryId: r.delivery_id, topic: r.topic, shopifyOrderId: r.shopify_order_id, returnId: r.return_id, parkedAt: r.parked_at,
  }));
}

export async function markShopifyReturnApplied(db: Executor, id: number, input: { at: string; orderId: number | null; result: Record<string, unknown> }): Promise<void> {
  await db.updateTable('parked_shopify_returns')
    .set({ applied_at: input.at, order_id: input.orderId, result_json: JSON.stringify(input.result) })
    .where('id', '=', id)
    .execute();
}
