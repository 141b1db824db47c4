import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { withId, type LadderMigration } from './migration-kit.js';

// Incoming platform webhooks (issue 7 item 1). Every delivery is kept with its raw body exactly as
// signed, so it can be audited or re-mapped later; (source, delivery_id) is unique, which is what
// makes a redelivery a no-op. `integration_refs` maps a platform's own ids (a Shopify order id, a
// dispute id) to the Ladder row they became: later webhooks name only the platform id, and the
// unique key is what keeps "one chargeback case per dispute" true under concurrent deliveries. It
// also marks facts already applied (a carrier event counted, a refund noted), so the same fact sent
// again under a new delivery id is not applied twice.
export const migration: LadderMigration = {
  async up(db: Kysely<any>, dialect: Dialect) {
    await withId(db.schema.createTable('webhook_deliveries'), dialect)
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('delivery_id', 'text', (c) => c.notNull())
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('shop_domain', 'text')
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('raw_body', 'text', (c) => c.notNull())
      .addColumn('processed_at', 'text')
      .addColumn('result_json', 'text')
      .addColumn('error', 'text')
      .addUniqueConstraint('webhook_deliveries_source_delivery', ['source', 'delivery_id'])
      .execute();
    await db.schema.createIndex('webhook_deliveries_topic').on('webhook_deliveries').columns(['source', 'topic', 'id']).execute();

    await db.schema
      .createTable('integration_refs')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('external_id', 'text', (c) => c.notNull())
      // Null for "already applied" markers, and for a claim whose row is being created.
      .addColumn('entity_id', 'bigint')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('integration_refs_pk', ['source', 'kind', 'external_id'])
      .execute();
  },
};
