import type { Kysely } from 'kysely';
import type { LadderMigration } from './migration-kit.js';

// A parked Shopify return whose order never arrives stops waiting after
// SHOPIFY_PARKED_RETURN_EXPIRY_HOURS: `expired_at` is set once by the expiry job, and an expired row
// is never applied. The index serves the sweep ("still waiting, parked before X", oldest first):
// applied and expired rows sit under other keys, so the scan never walks the applied history.
export const migration: LadderMigration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('parked_shopify_returns').addColumn('expired_at', 'text').execute();
    await db.schema.createIndex('parked_shopify_returns_waiting').on('parked_shopify_returns').columns(['applied_at', 'expired_at', 'parked_at']).execute();
  },
};
