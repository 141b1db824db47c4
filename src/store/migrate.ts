import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Store } from './database.js';
import { MIGRATIONS } from './migrations/index.js';

export interface MigrationOutcome {
  applied: string[];
  pending: string[];
}

/**
 * Applies pending migrations. Kysely runs them in one transaction and, on PostgreSQL, under
 * pg_advisory_xact_lock: several instances starting together wait for each other instead of
 * migrating twice; the second finds nothing pending.
 */
export async function migrateToLatest(store: Store): Promise<MigrationOutcome> {
  const migrator = await createMigrator(store);
  let { error, results } = await migrator.migrateToLatest();
  // Kysely looks for its bookkeeping tables by introspecting every schema of the database
  // (pg_get_serial_sequence over each table's qualified name). A schema dropped by someone else
  // in the middle of that query (another instance's or test's) fails it with invalid_schema_name
  // (3F000) although ours is fine. Nothing ran — the migrations' transaction rolled back — so
  // trying again is safe.
  for (let retry = 0; retry < 5 && isForeignSchemaRace(error); retry++) {
    await new Promise((resolve) => setTimeout(resolve, 50 * (retry + 1)));
    ({ error, results } = await migrator.migrateToLatest());
  }
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`migration ${failed ?? ''} failed: ${(error as Error).message ?? String(error)}`);
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName), pending: [] };
}

export async function migrationStatus(store: Store): Promise<MigrationOutcome> {
  const list = await (await createMigrator(store)).getMigrations();
  return {
    applied: list.filter((m) => m.executedAt).map((m) => m.name),
    pending: list.filter((m) => !m.executedAt).map((m) => m.name),
  };
}

function isForeignSchemaRace(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '3F000';
}

async function createMigrator(store: Store): Promise<Migrator> {
  // On PostgreSQL the bookkeeping tables live in the connection's own schema; without naming it,
  // Kysely looks for them in every schema and is fooled by another instance's (or test's) schema.
  const schema = store.dialect === 'postgres'
    ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(store.db)).rows[0]?.schema
    : undefined;
  const provider: MigrationProvider = {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, m] of Object.entries(MIGRATIONS)) {
        out[name] = {
          up: (db) => m.up(db, store.dialect),
          ...(m.down ? { down: (db) => m.down!(db, store.dialect) } : {}),
        };
      }
      return out;
    },
  };
  return new Migrator({
    db: store.db,
    provider,
    migrationTableName: 'ladder_migrations',
    migrationLockTableName: 'ladder_migrations_lock',
    ...(schema ? { migrationTableSchema: schema } : {}),
    // Features land in parallel, so a migration may arrive with an earlier timestamp than one a
    // database already ran; each still runs exactly once, in name order among the pending ones.
    allowUnorderedMigrations: true,
  });
}
