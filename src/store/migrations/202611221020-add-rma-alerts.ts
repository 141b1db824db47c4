import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { withId, type LadderMigration } from './migration-kit.js';

// RMA time targets as SLA clocks (issue 6 item 5, R004-05, R004-07). `rmas.alert_at` is the next
// instant a warning or breach of the current state is pending (null when none), indexed so the
// sweep range-scans only the rows with something due. `rma_alerts` records each alert taken, unique
// per (rma, state, due kind, alert): the handler inserts it in the transaction that notifies, so
// however often a job runs the alert takes effect once.
export const migration: LadderMigration = {
  async up(db: Kysely<any>, dialect: Dialect) {
    await db.schema.alterTable('rmas').addColumn('alert_at', 'text').execute();
    // The earliest target's warning, else its deadline; the handler recomputes the rest from due_json.
    await sql`UPDATE rmas SET alert_at = COALESCE(warn_at, due_at) WHERE due_at IS NOT NULL`.execute(db);
    await db.schema.createIndex('rmas_alert').on('rmas').columns(['alert_at']).execute();

    await withId(db.schema.createTable('rma_alerts'), dialect)
      .addColumn('rma_id', 'bigint', (c) => c.notNull().references('rmas.id').onDelete('cascade'))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('due_kind', 'text', (c) => c.notNull())
      .addColumn('alert', 'text', (c) => c.notNull())
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('rma_alerts_once', ['rma_id', 'state', 'due_kind', 'alert'])
      .execute();
  },
};
