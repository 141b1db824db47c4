import type { Kysely } from 'kysely';
import type { LadderMigration } from './migration-kit.js';

// "Label Created, 5+ Days" (issue 4 item 3, R003-05): when the order's shipping label was created and
// when the carrier last moved the parcel. A label with no scan after it for five days is stale.
export const migration: LadderMigration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('orders').addColumn('label_created_at', 'text').execute();
    await db.schema.alterTable('orders').addColumn('last_carrier_scan_at', 'text').execute();
  },
};
