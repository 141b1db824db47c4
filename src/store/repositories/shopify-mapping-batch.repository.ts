import { sql, type Selectable } from 'kysely';
import type { CustomersTable, OrdersTable } from '../schema.js';
import { upsertRowsReturningAll } from '../shaped-query.js';
import type { Dialect, Executor } from '../database.js';
import { toCustomer, type CustomerFields, type CustomerRecord } from './customer.repository.js';
import { columns, toOrder, type OrderFields, type OrderRecord } from './order.repository.js';

// Multi-row forms of the statements the order and customer topics make (issue 7 item 6): a batch
// of webhooks maps all its orders in one statement, all its customers in one, and so on, instead of
// a round trip per webhook; a batch of case openings (openCasesTogether) upserts its customers and
// orders the same way. Callers make sure no statement names the same row twice.

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Claims these platform ids of one source and kind and returns their entity ids (null: new, or
 * claimed but not set yet), locking the mapping rows for the rest of the transaction on
 * PostgreSQL as claimAndLockIntegrationRef does for one. Rows go in external-id order, so two
 * instances locking overlapping sets take the locks in the same order instead of deadlocking.
 */
export async function claimAndLockIntegrationRefs(
  db: Executor, source: string, kind: string, externalIds: readonly string[], at: string,
): Promise<Map<string, number | null>> {
  if (externalIds.length === 0) return new Map();
  const sorted = [...new Set(externalIds)].sort(byText);
  const rows = await db
    .insertInto('integration_refs')
    .values(sorted.map((externalId) => ({ source, kind, external_id: externalId, entity_id: null, created_at: at, updated_at: at })))
    .onConflict((oc) => oc.columns(['source', 'kind', 'external_id']).doUpdateSet({ entity_id: (eb) => eb.ref('integration_refs.entity_id') }))
    .returning(['external_id', 'entity_id'])
    .execute();
  return new Map(rows.map((r) => [r.external_id, r.entity_id === null ? null : Number(r.entity_id)]));
}

/** Points these claimed mappings at their entities, in one statement. */
export async function setIntegrationRefs(
  db: Executor, source: string, kind: string, refs: readonly { externalId: string; entityId: number }[], at: string,
): Promise<void> {
  if (refs.length === 0) return;
  await db
    .insertInto('integration_refs')
    .values(refs.map((r) => ({ source, kind, external_id: r.externalId, entity_id: r.entityId, created_at: at, updated_at: at })))
    .onConflict((oc) => oc.columns(['source', 'kind', 'external_id']).doUpdateSet({
      entity_id: (eb) => eb.ref('excluded.entity_id'), updated_at: (eb) => eb.ref('excluded.updated_at'),
    }))
    .execute();
}

/** Orders by id and orders by number, in one read. */
export async function findOrdersByIdsOrNumbers(db: Executor, ids: readonly number[], numbers: readonly string[]): Promise<OrderRecord[]> {
  if (ids.length === 0 && numbers.length === 0) return [];
  const rows = await db
    .selectFrom('orders')
    .selectAll()
    .where((eb) => eb.or([
      ...(ids.length > 0 ? [eb('id', 'in', [...ids])] : []),
      ...(numbers.length > 0 ? [eb('number', 'in', [...numbers])] : []),
    ]))
    .execute();
  return rows.map(toOrder);
}

const shapeOf = (set: Record<string, unknown>) => Object.keys(set).sort().join(',');

/** Groups rows by which columns they set: one multi-row statement per group. */
function byShape<T>(rows: readonly T[], setOf: (row: T) => Record<string, unknown>): T[][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = shapeOf(setOf(row));
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()];
}

/** The order columns a Shopify order webhook sets: each only ever to a value, never cleared. */
const SHOPIFY_ORDER_COLUMNS = ['customer_id', 'storefront', 'currency', 'total_minor', 'placed_at', 'shipped_at', 'fulfillment'] as const;

/**
 * Creates each order or updates the given fields, keyed by number, as upsertOrder does for one (an
 * order the desk already knows is updated in place: its number is the key, never rewritten). For
 * fields that are only ever set, never cleared (SHOPIFY_ORDER_COLUMNS): a column a
 * row leaves out keeps the stored value (coalesce), so every row fits one statement whatever
 * fields it carries. The numbers must be distinct.
 */
export async function upsertOrdersSettingOnly(db: Executor, orders: readonly { number: string; fields: OrderFields }[], at: string): Promise<Map<string, OrderRecord>> {
  if (orders.length === 0) return new Map();
  const update: Record<string, unknown> = { updated_at: at };
  for (const name of SHOPIFY_ORDER_COLUMNS) update[name] = sql`coalesce(${sql.ref(`excluded.${name}`)}, ${sql.ref(`orders.${name}`)})`;
  const rows = await db
    .insertInto('orders')
    .values(orders.map((o) => {
      const set = columns(o.fields);
      const extra = Object.keys(set).filter((name) => !(SHOPIFY_ORDER_COLUMNS as readonly string[]).includes(name) || set[name] === null);
      if (extra.length > 0) throw new Error(`upsertOrdersSettingOnly cannot set ${extra.join(', ')}`);
      const row: Record<string, unknown> = { number: o.number, failed_deliveries: 0, created_at: at, updated_at: at };
      for (const name of SHOPIFY_ORDER_COLUMNS) row[name] = set[name] ?? null;
      return row as never;
    }))
    .onConflict((oc) => oc.column('number').doUpdateSet(update as never))
    .returningAll()
    .execute();
  return new Map(rows.map((row) => [row.number, toOrder(row)]));
}

/**
 * Creates each order or updates the given fields, keyed by number, as upsertOrder does for one:
 * one statement per distinct set of fields given (a batch of case openings is usually one). The
 * numbers must be distinct. Rows go in number order, so two transactions upserting overlapping
 * sets lock them in the same order instead of deadlocking (PostgreSQL).
 */
export async function upsertOrders(db: Executor, orders: readonly { number: string; fields: OrderFields }[], at: string): Promise<Map<string, OrderRecord>> {
  const rows = orders.map((o) => ({ number: o.number, set: columns(o.fields) })).sort((a, b) => byText(a.number, b.number));
  const out = new Map<string, OrderRecord>();
  for (const group of byShape(rows, (o) => o.set)) {
    // A new order has had no failed deliveries unless the fields say otherwise.
    const setColumns = Object.keys(group[0]!.set);
    const valueColumns = ['number', 'failed_deliveries', ...setColumns.filter((c) => c !== 'failed_deliveries'), 'created_at', 'updated_at'];
    const returned = await upsertRowsReturningAll<Selectable<OrdersTable>>(
      db, 'orders', valueColumns,
      group.map((o) => valueColumns.map((c) => (c === 'number' ? o.number : c === 'created_at' || c === 'updated_at' ? at : c === 'failed_deliveries' ? (o.set[c] ?? 0) : o.set[c]))),
      'number', setColumns, at,
    );
    for (const row of returned) out.set(row.number, toOrder(row));
  }
  return out;
}

function customerSet(fields: CustomerFields): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  if (fields.name !== undefined) set.name = fields.name;
  if (fields.email !== undefined) set.email = fields.email;
  if (fields.phone !== undefined) set.phone = fields.phone;
  if (fields.vip !== undefined) set.vip = fields.vip ? 1 : 0;
  return set;
}

/**
 * Creates each customer or updates the given fields, as upsertCustomer does for one. The same
 * customer named several times is merged first, later fields over earlier ones: the state a
 * sequence of upserts would leave.
 */
export async function upsertCustomers(
  db: Executor, upserts: readonly { externalId: string; fields: CustomerFields }[], at: string,
): Promise<Map<string, CustomerRecord>> {
  const merged = new Map<string, CustomerFields>();
  for (const u of upserts) merged.set(u.externalId, { ...merged.get(u.externalId), ...u.fields });
  const rows = [...merged].map(([externalId, fields]) => ({ externalId, fields })).sort((a, b) => byText(a.externalId, b.externalId));
  const out = new Map<string, CustomerRecord>();
  for (const group of byShape(rows, (c) => customerSet(c.fields))) {
    const returned = await upsertRowsReturningAll<Selectable<CustomersTable>>(
      db, 'customers', CUSTOMER_COLUMNS,
      group.map((c) => [c.externalId, c.fields.name ?? null, c.fields.email ?? null, c.fields.phone ?? null, c.fields.vip ? 1 : 0, at, at]),
      'external_id', Object.keys(customerSet(group[0]!.fields)), at,
    );
    for (const row of returned) out.set(row.external_id, toCustomer(row));
  }
  return out;
}

const CUSTOMER_COLUMNS = ['external_id', 'name', 'email', 'phone', 'vip', 'created_at', 'updated_at'];

/** Replaces each order's line snapshot (at most one per order), in one statement. */
export async function saveOrderLineSnapshots(
  db: Executor, snapshots: readonly { orderId: number; source: string; snapshot: unknown }[], at: string,
): Promise<void> {
  if (snapshots.length === 0) return;
  await db
    .insertInto('order_line_snapshots')
    .values(snapshots.map((s) => ({ order_id: s.orderId, source: s.source, snapshot_json: JSON.stringify(s.snapshot), updated_at: at })))
    .onConflict((oc) => oc.column('order_id').doUpdateSet({
      source: (eb) => eb.ref('excluded.source'), snapshot_json: (eb) => eb.ref('excluded.snapshot_json'), updated_at: (eb) => eb.ref('excluded.updated_at'),
    }))
    .execute();
}

/** Whether any returns wait for one of these Shopify orders (locking them on PostgreSQL, as listWaitingShopifyReturns does). */
export async function anyShopifyReturnsWaitingFor(db: Executor, shopifyOrderIds: readonly string[], dialect: Dialect): Promise<boolean> {
  if (shopifyOrderIds.length === 0) return false;
  let q = db.selectFrom('parked_shopify_returns').select('id').where('applied_at', 'is', null).where('expired_at', 'is', null).where('shopify_order_id', 'in', [...shopifyOrderIds]);
  if (dialect === 'postgres') q = q.forUpdate();
  return (await q.execute()).length > 0;
}
