import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { ref, withId, type LadderMigration } from './migration-kit.js';

// The refunds/reshipments form (R000-09): refunds and reshipments made outside a return. Returns'
// own payouts stay in money_movements; the yearly tracker reads both. Indexed by when the money or
// parcel went out (performed_at), which is what the tracker counts by month.
export const migration: LadderMigration = {
  async up(db: Kysely<any>, dialect: Dialect) {
    await withId(db.schema.createTable('finance_entries'), dialect)
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('case_id', 'bigint', ref('cases', 'set null'))
      .addColumn('order_number', 'text')
      .addColumn('amount_minor', 'bigint', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('reference', 'text')
      .addColumn('requested_by', 'bigint', ref('users', 'set null'))
      .addColumn('approved_by', 'bigint', ref('users', 'set null'))
      .addColumn('performed_by', 'bigint', ref('users', 'set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('approved_at', 'text')
      .addColumn('performed_at', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('finance_entries_performed').on('finance_entries').columns(['performed_at']).execute();
    await db.schema.createIndex('finance_entries_state').on('finance_entries').columns(['state', 'created_at']).execute();
  },
};
