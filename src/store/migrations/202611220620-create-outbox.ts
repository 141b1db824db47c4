import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { ref, withId, type LadderMigration } from './migration-kit.js';

// Notifications leave through a transactional outbox (issue 4 item 6): rows are written in the
// same transaction as the change they announce; `dedupe_key` = (case, event, channel, recipient)
// makes each take effect once however often the change is retried.
export const migration: LadderMigration = {
  async up(db: Kysely<any>, dialect: Dialect) {
    await withId(db.schema.createTable('outbox'), dialect)
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
      .addColumn('case_id', 'bigint', ref('cases', 'set null'))
      .addColumn('event', 'text', (c) => c.notNull())
      .addColumn('recipient', 'text', (c) => c.notNull())
      .addColumn('payload_json', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'text')
      .addColumn('sent_at', 'text')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('outbox_state').on('outbox').columns(['state', 'id']).execute();
    await db.schema.createIndex('outbox_case').on('outbox').column('case_id').execute();

    await withId(db.schema.createTable('notifications'), dialect)
      .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('case_id', 'bigint', ref('cases', 'set null'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      // The outbox row it came from: a second delivery of that row cannot add a second notification.
      .addColumn('outbox_id', 'bigint', (c) => c.unique().references('outbox.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('read_at', 'text')
      .execute();
    await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'read_at', 'id']).execute();

    await withId(db.schema.createTable('webhook_endpoints'), dialect)
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('secret', 'text', (c) => c.notNull())
      // JSON list of event names, or ["*"] for every event.
      .addColumn('events_json', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
