import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { withId, type LadderMigration } from './migration-kit.js';

// SLA clocks of cases (issue 4 item 2). `due_at` and `warn_at` hold only the *pending* action's
// instant and are null otherwise (paused, met, already warned or breached), so the sweeps' range
// scans touch the rows that are due — their cost follows the number due, not the number open.
export const migration: LadderMigration = {
  async up(db: Kysely<any>, dialect: Dialect) {
    await withId(db.schema.createTable('case_clocks'), dialect)
      .addColumn('case_id', 'bigint', (c) => c.notNull().references('cases.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('clock_json', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('due_at', 'text')
      .addColumn('warn_at', 'text')
      .addColumn('warned_at', 'text')
      .addColumn('breached_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('case_clocks_case_kind', ['case_id', 'kind'])
      .execute();
    await db.schema.createIndex('case_clocks_due').on('case_clocks').columns(['due_at']).execute();
    await db.schema.createIndex('case_clocks_warn').on('case_clocks').columns(['warn_at']).execute();
  },
};
