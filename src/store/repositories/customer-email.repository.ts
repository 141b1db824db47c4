import type { Executor } from '../database.js';

/** The customer an email address belongs to: the oldest account with it (merged ones are linked, R003-03). */
export async function findCustomerByEmail(db: Executor, email: string): Promise<{ id: number; externalId: string } | undefined> {
  const row = await db
    .selectFrom('customers')
    .select(['id', 'external_id'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row && { id: Number(row.id), externalId: row.external_id };
}
