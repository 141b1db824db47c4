import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { ref, withId, type LadderMigration } from './migration-kit.js';

// Every mail in and out of the desk (issue 7 item 2). `message_id` is unique: the same mail fetched
// over IMAP and delivered over SMTP lands once, and the row is written in the transaction that
// turns the mail into a case message, so a mail is never half-ingested. Threading looks replies up
// by the ids in In-Reply-To/References.
export const migration: LadderMigration = {
  async up(db: Kysely<any>, dialect: Dialect) {
    await withId(db.schema.createTable('email_messages'), dialect)
      .addColumn('message_id', 'text', (c) => c.notNull().unique())
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('case_id', 'bigint', ref('cases', 'set null'))
      .addColumn('case_event_id', 'bigint', ref('case_events', 'set null'))
      .addColumn('outbox_id', 'bigint', ref('outbox', 'set null'))
      .addColumn('disposition', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('from_address', 'text')
      .addColumn('to_json', 'text', (c) => c.notNull())
      .addColumn('subject', 'text')
      .addColumn('in_reply_to', 'text')
      .addColumn('references_json', 'text', (c) => c.notNull())
      .addColumn('size_bytes', 'integer', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('email_messages_case').on('email_messages').columns(['case_id', 'direction', 'id']).execute();
    await db.schema.createIndex('email_messages_created').on('email_messages').columns(['created_at']).execute();
  },
};
