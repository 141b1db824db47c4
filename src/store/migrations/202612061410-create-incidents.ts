import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { ref, withId, type LadderMigration } from './migration-kit.js';

// Incident reports (R000-07, R001-15): an incident links many cases. A suggested incident names
// what its cases share (dimension + key); at most one incident per shared key is live (not
// resolved) at a time, so repeated suggestion runs join new cases to it instead of opening another.
// orders.carrier: the shipping carrier (Shopify's tracking company), one of the things complaints share.
export const migration: LadderMigration = {
  async up(db: Kysely<any>, dialect: Dialect) {
    await withId(db.schema.createTable('incidents'), dialect)
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('dimension', 'text')
      .addColumn('dimension_key', 'text')
      .addColumn('opened_by_id', 'bigint', ref('users', 'set null'))
      .addColumn('opened_at', 'text', (c) => c.notNull())
      .addColumn('status_changed_at', 'text', (c) => c.notNull())
      .addColumn('resolved_at', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await sql`CREATE UNIQUE INDEX incidents_live_key ON incidents (dimension, dimension_key) WHERE status <> 'resolved' AND dimension IS NOT NULL`.execute(db);
    await db.schema.createIndex('incidents_status').on('incidents').columns(['status', 'opened_at']).execute();

    await db.schema
      .createTable('incident_cases')
      .addColumn('incident_id', 'bigint', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
      .addColumn('case_id', 'bigint', (c) => c.notNull().references('cases.id').onDelete('cascade'))
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('linked_by_id', 'bigint', ref('users', 'set null'))
      .addColumn('linked_at', 'text', (c) => c.notNull())
      // When the case got the red flag "multiple complaints about the same issue" for this incident (R001-15).
      .addColumn('flagged_at', 'text')
      .addPrimaryKeyConstraint('incident_cases_pk', ['incident_id', 'case_id'])
      .execute();
    await db.schema.createIndex('incident_cases_case').on('incident_cases').columns(['case_id']).execute();

    await db.schema.alterTable('orders').addColumn('carrier', 'text').execute();
  },
};
