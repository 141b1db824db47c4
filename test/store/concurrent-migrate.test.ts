import { describe, expect, it } from 'vitest';
import { availableDialects, createTestStore, postgresUrlWithSchema } from '../support/databases.js';
import { openStore } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';

const dialects = await availableDialects();

describe.runIf(dialects.includes('postgres'))('migrations on PostgreSQL', () => {
  it('several instances starting together never both apply a migration (advisory lock)', async () => {
    const base = await createTestStore('postgres', { migrate: false });
    const instances = await Promise.all(
      Array.from({ length: 4 }, () => openStore({ databaseUrl: postgresUrlWithSchema(base.url!, base.schema!), dataDir: base.dataDir, poolSize: 2 })),
    );
    try {
      const outcomes = await Promise.all(instances.map((s) => migrateToLatest(s)));
      const applied = outcomes.flatMap((o) => o.applied);
      // Each migration applied exactly once in total, by whichever instance got the lock first.
      expect(applied.sort()).toEqual(Object.keys(MIGRATIONS).sort());
      const rows = await base.db.selectFrom('ladder_migrations' as never).selectAll().execute();
      expect(rows.length).toBe(Object.keys(MIGRATIONS).length);
    } finally {
      await Promise.all(instances.map((s) => s.close()));
      await base.dispose();
    }
  });
});
