import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { isCi, testDatabaseUrl } from '../../src/config.js';
import { openStore, type Dialect, type Store } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';

// Every store and service suite runs once per database (DEVELOPERS.md: "every repository and
// service test runs on both"). PostgreSQL is required in CI; on a developer machine without it the
// PostgreSQL half is left out with a warning rather than failing `npm test` on a fresh clone.

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: testDatabaseUrl(), connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

let cached: Promise<Dialect[]> | undefined;
export function availableDialects(): Promise<Dialect[]> {
  cached ??= (async () => {
    if (await postgresReachable()) return ['sqlite', 'postgres'] as Dialect[];
    if (isCi()) throw new Error(`PostgreSQL is required in CI but ${testDatabaseUrl()} is not reachable`);
    console.warn(`[ladder tests] PostgreSQL at ${testDatabaseUrl()} is not reachable: PostgreSQL variants not run`);
    return ['sqlite'] as Dialect[];
  })();
  return cached;
}

export interface TestStore extends Store {
  /** The connection settings, to start a second instance or a server process on the same data. */
  url: string | null;
  dataDir: string;
  schema: string | null;
  dispose(): Promise<void>;
}

/** A fresh, migrated store: a temp SQLite file, or a new schema on the test PostgreSQL. */
export async function createTestStore(dialect: Dialect, options: { migrate?: boolean } = {}): Promise<TestStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ladder-test-'));
  let schema: string | null = null;
  let url: string | null = null;
  if (dialect === 'postgres') {
    url = testDatabaseUrl();
    schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
  }
  const store = await openStore({ databaseUrl: url, dataDir, poolSize: 12, ...(schema ? { schema } : {}) });
  if (options.migrate !== false) await migrateToLatest(store);
  return {
    ...store,
    url,
    dataDir,
    schema,
    async dispose() {
      await store.close();
      if (schema && url) {
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        await admin.query(`drop schema if exists ${schema} cascade`);
        await admin.end();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The URL a separate process uses to reach a test schema (search_path through libpq options). */
export function postgresUrlWithSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}
