import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { ref, withId, type LadderMigration } from './migration-kit.js';

// Satisfaction survey (issue 7 item 3, R004-07 "ask for feedback", R004-09 "satisfaction rating").
// One invitation per case (case_id unique), written in the transaction that resolved it, with the
// agent and team who resolved it so CSAT can be read per person and team. `signing_key` is the
// invitation's own HMAC key: a link names the invitation and a score and is signed with it, so a
// link cannot be edited into another score or another case. `expires_at` is set when the email
// goes out (the link's life counts from the customer's inbox); `rated_at` makes a link single use.
export const migration: LadderMigration = {
  async up(db: Kysely<any>, dialect: Dialect) {
    await withId(db.schema.createTable('survey_invitations'), dialect)
      .addColumn('case_id', 'bigint', (c) => c.notNull().unique().references('cases.id').onDelete('cascade'))
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('signing_key', 'text', (c) => c.notNull())
      .addColumn('agent_id', 'bigint', ref('users', 'set null'))
      .addColumn('team_id', 'bigint', ref('teams', 'set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .addColumn('expires_at', 'text')
      .addColumn('score', 'integer')
      .addColumn('rated_at', 'text')
      .addColumn('comment', 'text')
      .addColumn('commented_at', 'text')
      .execute();
    await db.schema.createIndex('survey_invitations_rated').on('survey_invitations').columns(['rated_at']).execute();
  },
};
