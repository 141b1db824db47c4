import type { Kysely } from 'kysely';
import type { LadderMigration } from './migration-kit.js';

// R000-01: a supporting team (the supplier, back office, compliance) works a case beside the level
// that owns it; the supplier's queue is the cases it owns or supports.
export const migration: LadderMigration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('cases').addColumn('partner_team_id', 'bigint', (c) => c.references('teams.id').onDelete('set null')).execute();
    await db.schema.createIndex('cases_partner_team').on('cases').columns(['partner_team_id', 'status']).execute();
  },
};
