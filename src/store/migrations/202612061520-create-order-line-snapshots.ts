import type { Kysely } from 'kysely';
import { ref, type LadderMigration } from './migration-kit.js';

// The lines of an order as the platform last sent them (issue 6 item 7): a Shopify return names
// line item ids only, so turning it into an RMA needs the order's SKUs, prices, tax and discounts,
// which the orders row does not keep. One row per order, replaced by each newer order webhook.
export const migration: LadderMigration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('order_line_snapshots')
      .addColumn('order_id', 'bigint', (c) => ref('orders', 'cascade')(c.primaryKey()))
      .addColumn('source', 'text', (c) => c.notNull())
      /** The return-quote `order` section without deliveredAt, plus skuByLineItemId (JSON). */
      .addColumn('snapshot_json', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
