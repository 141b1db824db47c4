import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { ref, withId, type LadderMigration } from './migration-kit.js';

// Returns (issue 6 items 3–6). `rmas` holds one return authorisation with the quote it was priced by
// (kept as issued, so accuracy can compare what was paid with what was quoted, R004-11), one
// timestamp per state reached, and `due_at`: the earliest instant the desk owes something in the
// current state (null when nothing is due), indexed so a sweep range-scans only the due rows.
// `money_movements` is the refunds/reshipments ledger (R000-09): append-only, one row per refund,
// store credit or reshipment, with who asked and who approved.
export const migration: LadderMigration = {
  async up(db: Kysely<any>, dialect: Dialect) {
    await withId(db.schema.createTable('rmas'), dialect)
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('order_id', 'bigint', (c) => c.notNull().references('orders.id').onDelete('restrict'))
      .addColumn('order_number', 'text', (c) => c.notNull())
      .addColumn('case_id', 'bigint', ref('cases', 'set null'))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('resolution', 'text', (c) => c.notNull())
      .addColumn('method', 'text')
      .addColumn('eligible', 'integer', (c) => c.notNull())
      .addColumn('approval_required', 'integer', (c) => c.notNull())
      .addColumn('items_json', 'text', (c) => c.notNull())
      .addColumn('quote_json', 'text', (c) => c.notNull())
      .addColumn('order_json', 'text', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('refund_total_minor', 'bigint', (c) => c.notNull())
      .addColumn('store_credit_bonus_minor', 'bigint', (c) => c.notNull())
      .addColumn('settled_total_minor', 'bigint')
      .addColumn('requested_by', 'bigint', ref('users', 'set null'))
      .addColumn('approved_by', 'bigint', ref('users', 'set null'))
      .addColumn('denied_by', 'bigint', ref('users', 'set null'))
      .addColumn('decision_note', 'text')
      .addColumn('tracking_number', 'text')
      .addColumn('policy_version', 'integer')
      .addColumn('requested_at', 'text', (c) => c.notNull())
      .addColumn('approved_at', 'text')
      .addColumn('denied_at', 'text')
      .addColumn('label_sent_at', 'text')
      .addColumn('in_transit_at', 'text')
      .addColumn('received_at', 'text')
      .addColumn('inspected_at', 'text')
      .addColumn('refunded_at', 'text')
      .addColumn('credited_at', 'text')
      .addColumn('cancelled_at', 'text')
      .addColumn('due_kind', 'text')
      .addColumn('due_at', 'text')
      .addColumn('warn_at', 'text')
      .addColumn('due_json', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('rmas_order').on('rmas').columns(['order_id']).execute();
    await db.schema.createIndex('rmas_case').on('rmas').columns(['case_id']).execute();
    await db.schema.createIndex('rmas_state').on('rmas').columns(['state', 'id']).execute();
    await db.schema.createIndex('rmas_due').on('rmas').columns(['due_at']).execute();
    await db.schema.createIndex('rmas_requested').on('rmas').columns(['requested_at']).execute();

    await withId(db.schema.createTable('money_movements'), dialect)
      .addColumn('rma_id', 'bigint', (c) => c.notNull().references('rmas.id').onDelete('restrict'))
      .addColumn('order_id', 'bigint', (c) => c.notNull().references('orders.id').onDelete('restrict'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('amount_minor', 'bigint', (c) => c.notNull())
      .addColumn('bonus_minor', 'bigint', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('requested_by', 'bigint', ref('users', 'set null'))
      .addColumn('approved_by', 'bigint', ref('users', 'set null'))
      .addColumn('performed_by', 'bigint', ref('users', 'set null'))
      .addColumn('note', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('money_movements_rma').on('money_movements').columns(['rma_id']).execute();
    await db.schema.createIndex('money_movements_order').on('money_movements').columns(['order_id']).execute();
    await db.schema.createIndex('money_movements_created').on('money_movements').columns(['created_at']).execute();
  },
};
