import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { ref, withId, type LadderMigration } from './migration-kit.js';

// Macros (issue 5 item 3): a macro is a titled entry in a folder; its text lives in versions. A
// revision adds a version and moves `current_version`, so the latest is the one in force and every
// earlier text stays readable (R000-13). (macro_id, version) is the primary key, which turns two
// concurrent revisions of one macro into a conflict instead of a fork. (folder, title) is unique:
// it is how imports and the default set recognise a macro they already made.
export const migration: LadderMigration = {
  async up(db: Kysely<any>, dialect: Dialect) {
    await withId(db.schema.createTable('macros'), dialect)
      .addColumn('folder', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('current_version', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'bigint', ref('users', 'set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('macros_folder_title', ['folder', 'title'])
      .execute();

    await db.schema
      .createTable('macro_versions')
      .addColumn('macro_id', 'bigint', (c) => c.notNull().references('macros.id').onDelete('cascade'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('author_id', 'bigint', ref('users', 'set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('change_note', 'text')
      .addPrimaryKeyConstraint('macro_versions_pk', ['macro_id', 'version'])
      .execute();
  },
};
