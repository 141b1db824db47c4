import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { ref, withId, type LadderMigration } from './migration-kit.js';

// A Shopify return can arrive before its order (webhooks are not ordered). The delivery itself is
// already kept in webhook_deliveries; this row marks it "waiting for order X" until that order's
// orders/* webhook applies it, once (applied_at set in the same transaction). returns/update and
// reverse deliveries name only the return: they wait (shopify_order_id null) until it is mapped.
export const migration: LadderMigration = {
  async up(db: Kysely<any>, dialect: Dialect) {
    await withId(db.schema.createTable('parked_shopify_returns'), dialect)
      .addColumn('delivery_id', 'text', (c) => c.notNull().unique())
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('shopify_order_id', 'text')
      .addColumn('return_id', 'text', (c) => c.notNull())
      .addColumn('parked_at', 'text', (c) => c.notNull())
      .addColumn('applied_at', 'text')
      .addColumn('order_id', 'bigint', ref('orders', 'set null'))
      .addColumn('result_json', 'text')
      .execute();
    await db.schema.createIndex('parked_shopify_returns_return').on('parked_shopify_returns').columns(['return_id', 'applied_at']).execute();
    await db.schema.createIndex('parked_shopify_returns_order').on('parked_shopify_returns').columns(['shopify_order_id', 'applied_at']).execute();
  },
};
