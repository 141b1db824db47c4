import type { Kysely } from 'kysely';
import type { LadderMigration } from './migration-kit.js';

// Log entries with a deadline that alerts (R000-08: a chargeback's evidence due date): the sweep
// range-scans case_logs.due_at, and each warning or breach taken is recorded once per
// (entry, due instant, alert) — a new deadline is a new clock, a repeated job finds its row taken.
export const migration: LadderMigration = {
  async up(db: Kysely<any>) {
    await db.schema.createIndex('case_logs_due').on('case_logs').columns(['due_at']).execute();
    await db.schema
      .createTable('case_log_alerts')
      .addColumn('log_id', 'bigint', (c) => c.notNull().references('case_logs.id').onDelete('cascade'))
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('alert', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('case_log_alerts_pk', ['log_id', 'due_at', 'alert'])
      .execute();
  },
};
