import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { ref, withId, type LadderMigration } from './migration-kit.js';

// Issue 5 item 1: a case carries at most one log entry of a type (out of stock, processing delay,
// incorrect address, …) with its templated fields and its own state. The SKU is a column so orders
// with the same SKU can be found and linked (R001-06: "affecting other orders?"); the supplier team
// is a column so the supplier's queue is one indexed filter (issue 5 item 2).
export const migration: LadderMigration = {
  async up(db: Kysely<any>, dialect: Dialect) {
    await withId(db.schema.createTable('case_logs'), dialect)
      .addColumn('case_id', 'bigint', (c) => c.notNull().unique().references('cases.id').onDelete('cascade'))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('sku', 'text')
      .addColumn('supplier_team_id', 'bigint', ref('teams', 'set null'))
      .addColumn('fields_json', 'text', (c) => c.notNull())
      .addColumn('due_at', 'text')
      .addColumn('opened_by_id', 'bigint', ref('users', 'set null'))
      .addColumn('opened_at', 'text', (c) => c.notNull())
      .addColumn('state_changed_at', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('case_logs_type_state').on('case_logs').columns(['type', 'state']).execute();
    await db.schema.createIndex('case_logs_sku').on('case_logs').columns(['sku', 'closed_at']).execute();
    await db.schema.createIndex('case_logs_supplier').on('case_logs').columns(['supplier_team_id', 'state']).execute();

    // The orders an out-of-stock entry affects: found by SKU, or named by a person.
    await db.schema
      .createTable('case_log_links')
      .addColumn('log_id', 'bigint', (c) => c.notNull().references('case_logs.id').onDelete('cascade'))
      .addColumn('order_id', 'bigint', (c) => c.notNull().references('orders.id').onDelete('cascade'))
      .addColumn('linked_log_id', 'bigint', ref('case_logs', 'set null'))
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('case_log_links_pk', ['log_id', 'order_id'])
      .execute();
    await db.schema.createIndex('case_log_links_order').on('case_log_links').columns(['order_id']).execute();
  },
};
