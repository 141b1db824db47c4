import type { Selectable } from 'kysely';
import type { Executor } from '../database.js';
import type { CustomersTable } from '../schema.js';

export interface CustomerRecord {
  id: number;
  externalId: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  vip: boolean;
  createdAt: string;
  updatedAt: string;
}

export function toCustomer(row: Selectable<CustomersTable>): CustomerRecord {
  return {
    id: Number(row.id),
    externalId: row.external_id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    vip: Number(row.vip) === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface CustomerFields {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  vip?: boolean;
}

export async function findCustomerByExternalId(db: Executor, externalId: string): Promise<CustomerRecord | undefined> {
  const row = await db.selectFrom('customers').selectAll().where('external_id', '=', externalId).executeTakeFirst();
  return row && toCustomer(row);
}

export async function findCustomerById(db: Executor, id: number): Promise<CustomerRecord | undefined> {
  const row = await db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toCustomer(row);
}

export async function updateCustomer(db: Executor, id: number, fields: CustomerFields, at: string): Promise<CustomerRecord> {
  const row = await db
    .updateTable('customers')
    .set({
      ...(fields.name !== undefined ? { name: fields.name } : {}),
      ...(fields.email !== undefined ? { email: fields.email } : {}),
      ...(fields.phone !== undefined ? { phone: fields.phone } : {}),
      ...(fields.vip !== undefined ? { vip: fields.vip ? 1 : 0 } : {}),
      updated_at: at,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toCustomer(row);
}

export async function listCustomers(
  db: Executor,
  filter: { q?: string; afterId?: number; limit: number },
): Promise<CustomerRecord[]> {
  let q = db.selectFrom('customers').selectAll().orderBy('id').limit(filter.limit);
  if (filter.afterId !== undefined) q = q.where('id', '>', filter.afterId);
  if (filter.q) {
    const like = `%${filter.q.toLowerCase()}%`;
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['email']), 'like', like),
        eb(eb.fn('lower', ['name']), 'like', like),
        eb(eb.fn('lower', ['external_id']), 'like', like),
      ]),
    );
  }
  return (await q.execute()).map(toCustomer);
}

/** Links are stored in both directions so either account finds the other with one index probe. */
export async function linkCustomers(db: Executor, a: number, b: number, reason: string | null, at: string): Promise<void> {
  for (const [x, y] of [[a, b], [b, a]] as const) {
    await db
      .insertInto('customer_links')
      .values({ customer_id: x, linked_customer_id: y, reason, created_at: at })
      .onConflict((oc) => oc.columns(['customer_id', 'linked_customer_id']).doNothing())
      .execute();
  }
}

/** Every account connected to this one through links, transitively, including itself (R003-03). */
export async function linkedCustomerIds(db: Executor, customerId: number): Promise<number[]> {
  const seen = new Set<number>([customerId]);
  let frontier = [customerId];
  while (frontier.length > 0) {
    const rows = await db
      .selectFrom('customer_links')
      .select('linked_customer_id')
      .where('customer_id', 'in', frontier)
      .execute();
    frontier = [];
    for (const r of rows) {
      const id = Number(r.linked_customer_id);
      if (!seen.has(id)) {
        seen.add(id);
        frontier.push(id);
      }
    }
  }
  return [...seen];
}

/** Creates the customer or updates the given fields; safe when two requests race on one id. */
export async function upsertCustomer(db: Executor, externalId: string, fields: CustomerFields, at: string): Promise<CustomerRecord> {
  const updates: Record<string, unknown> = { updated_at: at };
  if (fields.name !== undefined) updates.name = fields.name;
  if (fields.email !== undefined) updates.email = fields.email;
  if (fields.phone !== undefined) updates.phone = fields.phone;
  if (fields.vip !== undefined) updates.vip = fields.vip ? 1 : 0;
  const row = await db
    .insertInto('customers')
    .values({
      external_id: externalId,
      name: fields.name ?? null,
      email: fields.email ?? null,
      phone: fields.phone ?? null,
      vip: fields.vip ? 1 : 0,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.column('external_id').doUpdateSet(updates))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toCustomer(row);
}
