import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { withId, type LadderMigration } from './migration-kit.js';

// The durable job queue (issue 4 item 4) and the ledger of recurring sweep slots.
export const migration: LadderMigration = {
  async up(db: Kysely<any>, dialect: Dialect) {
    await withId(db.schema.createTable('jobs'), dialect)
      .addColumn('kind', 'text', (c) => c.notNull())
      // Idempotency: enqueueing the same key twice inserts one job.
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('payload_json', 'text', (c) => c.notNull())
      .addColumn('run_at', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('max_attempts', 'integer', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('locked_by', 'text')
      .addColumn('locked_until', 'text')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    // Claiming reads queued jobs by run_at; lease recovery reads running jobs by locked_until.
    await db.schema.createIndex('jobs_state_run_at').on('jobs').columns(['state', 'run_at', 'id']).execute();
    await db.schema.createIndex('jobs_state_locked_until').on('jobs').columns(['state', 'locked_until']).execute();

    // One row per (sweep, slot): the instance whose insert succeeds runs that slot, nobody else.
    await db.schema
      .createTable('sweep_slots')
      .addColumn('sweep', 'text', (c) => c.notNull())
      .addColumn('slot_start', 'text', (c) => c.notNull())
      .addColumn('claimed_by', 'text', (c) => c.notNull())
      .addColumn('claimed_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('sweep_slots_pk', ['sweep', 'slot_start'])
      .execute();
  },
};
