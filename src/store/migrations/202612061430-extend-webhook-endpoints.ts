import type { Kysely } from 'kysely';
import type { LadderMigration } from './migration-kit.js';

// Outgoing webhooks for case events (issue 7 item 5). An endpoint gets a description for the
// people managing it, and `include_restricted`: events about chargeback and fraud cases (R000-08)
// go only to endpoints an admin marked for them. Deliveries are outbox rows whose recipient is
// "endpoint:<id>"; the index lists one endpoint's delivery log newest first.
export const migration: LadderMigration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('webhook_endpoints').addColumn('description', 'text').execute();
    await db.schema.alterTable('webhook_endpoints').addColumn('include_restricted', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.createIndex('outbox_recipient').on('outbox').columns(['recipient', 'id']).execute();
  },
};
