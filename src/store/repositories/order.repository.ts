import type { Selectable } from 'kysely';
import type { Executor } from '../database.js';
import type { OrdersTable } from '../schema.js';

export interface OrderRecord {
  id: number;
  number: string;
  customerId: number | null;
  storefront: string | null;
  currency: string | null;
  totalMinor: number | null;
  placedAt: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  fulfillment: string | null;
  destination: string | null;
  neededBy: string | null;
  failedDeliveries: number;
  /** R003-05: the label's creation and the carrier's last movement scan. */
  labelCreatedAt: string | null;
  lastCarrierScanAt: string | null;
  /** The shipping carrier (tracking company): complaints sharing it form incidents (R001-15). */
  carrier: string | null;
  createdAt: string;
  updatedAt: string;
}

export type OrderFields = Partial<Omit<OrderRecord, 'id' | 'number' | 'createdAt' | 'updatedAt'>>;

export function toOrder(row: Selectable<OrdersTable>): OrderRecord {
  return {
    id: Number(row.id),
    number: row.number,
    customerId: row.customer_id === null ? null : Number(row.customer_id),
    storefront: row.storefront,
    currency: row.currency,
    totalMinor: row.total_minor === null ? null : Number(row.total_minor),
    placedAt: row.placed_at,
    shippedAt: row.shipped_at,
    deliveredAt: row.delivered_at,
    fulfillment: row.fulfillment,
    destination: row.destination,
    neededBy: row.needed_by,
    failedDeliveries: Number(row.failed_deliveries),
    labelCreatedAt: row.label_created_at ?? null,
    lastCarrierScanAt: row.last_carrier_scan_at ?? null,
    carrier: row.carrier ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function columns(fields: OrderFields) {
  const c: Record<string, unknown> = {};
  if (fields.customerId !== undefined) c.customer_id = fields.customerId;
  if (fields.storefront !== undefined) c.storefront = fields.storefront;
  if (fields.currency !== undefined) c.currency = fields.currency;
  if (fields.totalMinor !== undefined) c.total_minor = fields.totalMinor;
  if (fields.placedAt !== undefined) c.placed_at = fields.placedAt;
  if (fields.shippedAt !== undefined) c.shipped_at = fields.shippedAt;
  if (fields.deliveredAt !== undefined) c.delivered_at = fields.deliveredAt;
  if (fields.fulfillment !== undefined) c.fulfillment = fields.fulfillment;
  if (fields.destination !== undefined) c.destination = fields.destination;
  if (fields.neededBy !== undefined) c.needed_by = fields.neededBy;
  if (fields.failedDeliveries !== undefined) c.failed_deliveries = fields.failedDeliveries;
  if (fields.labelCreatedAt !== undefined) c.label_created_at = fields.labelCreatedAt;
  if (fields.lastCarrierScanAt !== undefined) c.last_carrier_scan_at = fields.lastCarrierScanAt;
  if (fields.carrier !== undefined) c.carrier = fields.carrier;
  return c;
}

export async function findOrderByNumber(db: Executor, number: string): Promise<OrderRecord | undefined> {
  const row = await db.selectFrom('orders').selectAll().where('number', '=', number).executeTakeFirst();
  return row && toOrder(row);
}

export async function findOrderById(db: Executor, id: number): Promise<OrderRecord | undefined> {
  const row = await db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toOrder(row);
}

export async function insertOrder(db: Executor, number: string, fields: OrderFields, at: string): Promise<OrderRecord> {
  const row = await db
    .insertInto('orders')
    .values({ number, failed_deliveries: 0, ...columns(fields), created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toOrder(row);
}

export async function updateOrder(db: Executor, id: number, fields: OrderFields, at: string): Promise<OrderRecord> {
  const row = await db
    .updateTable('orders')
    .set({ ...columns(fields), updated_at: at })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toOrder(row);
}

export async function listOrders(
  db: Executor,
  filter: { customerId?: number; fulfillment?: string; q?: string; afterId?: number; limit: number },
): Promise<OrderRecord[]> {
  let q = db.selectFrom('orders').selectAll().orderBy('id', 'desc').limit(filter.limit);
  if (filter.afterId !== undefined) q = q.where('id', '<', filter.afterId);
  if (filter.customerId !== undefined) q = q.where('customer_id', '=', filter.customerId);
  if (filter.fulfillment) q = q.where('fulfillment', '=', filter.fulfillment);
  if (filter.q) q = q.where('number', 'like', `%${filter.q}%`);
  return (await q.execute()).map(toOrder);
}

/** Creates the order or updates the given fields; safe when two requests race on one number. */
export async function upsertOrder(db: Executor, number: string, fields: OrderFields, at: string): Promise<OrderRecord> {
  const set = columns(fields);
  const row = await db
    .insertInto('orders')
    .values({ number, failed_deliveries: 0, ...set, created_at: at, updated_at: at })
    .onConflict((oc) => oc.column('number').doUpdateSet({ ...set, updated_at: at }))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toOrder(row);
}
