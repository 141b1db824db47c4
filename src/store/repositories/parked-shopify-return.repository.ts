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
  // An expired row stopped waiting (expire-parked-shopify-return.ts): its order arriving now applies nothing.
  let q = db.selectFrom('parked_shopify_returns').selectAll().where('applied_at', 'is', null).where('expired_at', 'is', null).orderBy('id');
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

export type ParkedShopifyReturnState = 'waiting' | 'applied' | 'expired';

/** A parked delivery as the desk lists it: waiting, applied (with what it did) or expired. */
export interface ParkedShopifyReturnRecord extends ParkedShopifyReturn {
  state: ParkedShopifyReturnState;
  appliedAt: string | null;
  expiredAt: string | null;
  orderId: number | null;
  result: Record<string, unknown> | null;
}

type ParkedRow = {
  id: number | string | bigint; delivery_id: string; topic: string; shopify_order_id: string | null; return_id: string; parked_at: string;
  applied_at: string | null; expired_at: string | null; order_id: number | string | bigint | null; result_json: string | null;
};

function recordOf(r: ParkedRow): ParkedShopifyReturnRecord {
  return {
    id: Number(r.id), deliveryId: r.delivery_id, topic: r.topic, shopifyOrderId: r.shopify_order_id, returnId: r.return_id, parkedAt: r.parked_at,
    state: r.applied_at !== null ? 'applied' : r.expired_at !== null ? 'expired' : 'waiting',
    appliedAt: r.applied_at, expiredAt: r.expired_at, orderId: r.order_id === null ? null : Number(r.order_id),
    result: r.result_json === null ? null : (JSON.parse(r.result_json) as Record<string, unknown>),
  };
}

/** Newest first, optionally in one state, before an id (the previous page's last). */
export async function listParkedShopifyReturns(
  db: Executor,
  input: { state?: ParkedShopifyReturnState; beforeId?: number; limit: number },
): Promise<ParkedShopifyReturnRecord[]> {
  let q = db.selectFrom('parked_shopify_returns').selectAll().orderBy('id', 'desc').limit(input.limit);
  if (input.state === 'waiting') q = q.where('applied_at', 'is', null).where('expired_at', 'is', null);
  if (input.state === 'applied') q = q.where('applied_at', 'is not', null);
  if (input.state === 'expired') q = q.where('applied_at', 'is', null).where('expired_at', 'is not', null);
  if (input.beforeId !== undefined) q = q.where('id', '<', input.beforeId);
  return (await q.execute()).map(recordOf);
}

export async function countParkedShopifyReturnsByState(db: Executor): Promise<Record<ParkedShopifyReturnState, number>> {
  const rows = await db
    .selectFrom('parked_shopify_returns')
    .select((eb) => [
      eb.fn.countAll<number>().as('all'),
      eb.fn.count<number>('applied_at').as('applied'),
      eb.fn.count<number>(eb.case().when('applied_at', 'is', null).then(eb.ref('expired_at')).end()).as('expired'),
    ])
    .executeTakeFirstOrThrow();
  const applied = Number(rows.applied);
  const expired = Number(rows.expired);
  return { waiting: Number(rows.all) - applied - expired, applied, expired };
}

/** Ids of deliveries still waiting that were parked before `parkedBefore`, oldest first (the expiry sweep). */
export async function listShopifyReturnsWaitingSince(db: Executor, input: { parkedBefore: string; limit: number }): Promise<{ id: number; parkedAt: string }[]> {
  const rows = await db
    .selectFrom('parked_shopify_returns')
    .select(['id', 'parked_at'])
    .where('applied_at', 'is', null)
    .where('expired_at', 'is', null)
    .where('parked_at', '<', input.parkedBefore)
    .orderBy('parked_at')
    .limit(input.limit)
    .execute();
  return rows.map((r) => ({ id: Number(r.id), parkedAt: r.parked_at }));
}

/** One parked delivery, locked on PostgreSQL (the order's own delivery locks it the same way). */
export async function findParkedShopifyReturnForUpdate(db: Executor, id: number, dialect: Dialect): Promise<ParkedShopifyReturnRecord | undefined> {
  let q = db.selectFrom('parked_shopify_returns').selectAll().where('id', '=', id);
  if (dialect === 'postgres') q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? recordOf(row) : undefined;
}

/** Stops a delivery waiting; false when it was applied or expired meanwhile. */
export async function markShopifyReturnExpired(db: Executor, id: number, at: string): Promise<boolean> {
  const res = await db.updateTable('parked_shopify_returns')
    .set({ expired_at: at })
    .where('id', '=', id)
    .where('applied_at', 'is', null)
    .where('expired_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}
