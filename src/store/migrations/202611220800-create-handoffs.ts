import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { ref, withId, type LadderMigration } from './migration-kit.js';

// R001-12: end of shift — hand off open issues; signed off by the outgoing lead, acknowledged by the
// incoming one. The snapshot keeps exactly what was handed over, whatever happens to the cases later.
export const migration: LadderMigration = {
  async up(db: Kysely<any>, dialect: Dialect) {
    await withId(db.schema.createTable('handoffs'), dialect)
      .addColumn('team_id', 'bigint', ref('teams', 'set null'))
      .addColumn('shift', 'text', (c) => c.notNull())
      .addColumn('period_start', 'text', (c) => c.notNull())
      .addColumn('period_end', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('snapshot_json', 'text', (c) => c.notNull())
      .addColumn('signed_off_by_id', 'bigint', (c) => c.notNull().references('users.id'))
      .addColumn('signed_off_at', 'text', (c) => c.notNull())
      .addColumn('acknowledged_by_id', 'bigint', ref('users', 'set null'))
      .addColumn('acknowledged_at', 'text')
      .execute();
    await db.schema.createIndex('handoffs_signed').on('handoffs').columns(['signed_off_at']).execute();
  },
};
