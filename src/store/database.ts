import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresAdapter, PostgresDialect, type Transaction } from 'kysely';
import { GroupCommitSqliteDialect } from './sqlite-group-commit.js';
import { preparedStatementClient } from './postgres-prepared-client.js';
import type { DB } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

/** Anything a repository can run SQL on: the database or an open transaction. */
export type Executor = Kysely<DB> | Transaction<DB>;

/**
 * The database behind an executor, for a repository whose best statement differs per database
 * and whose callers do not carry the store.
 */
export function dialectOf(db: Executor): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

export interface Store {
  db: Kysely<DB>;
  dialect: Dialect;
  /** Where attachments live (and the SQLite file, when embedded). */
  dataDir: string;
  close(): Promise<void>;
}

export interface StoreOptions {
  databaseUrl: string | null;
  dataDir: string;
  poolSize?: number;
  /** PostgreSQL schema to use (tests isolate themselves in one schema each). */
  schema?: string;
  /** SQLite file; defaults to `${dataDir}/ladder.db`. */
  sqliteFile?: string;
}

export async function openStore(options: StoreOptions): Promise<Store> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options) : openSqlite(options);
}

async function openSqlite(options: StoreOptions): Promise<Store> {
  const { default: Database } = await import('better-sqlite3');
  mkdirSync(options.dataDir, { recursive: true });
  const file = options.sqliteFile ?? join(options.dataDir, 'ladder.db');
  const sqlite = new Database(file);
  // WAL lets readers run beside the writer. Every acknowledged commit survives a power cut as well
  // as a killed process (issue 2: data survives a crash): the group-commit driver fdatasyncs the
  // WAL itself, off the event loop, before acknowledging — so SQLite's own per-commit fsync
  // (synchronous=FULL) would only block the loop a second time. NORMAL still syncs at checkpoints,
  // which a worker thread runs (sqlite-checkpointer.ts), so those syncs do not block the loop either.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // Another process (the CLI beside a running server) may hold the write lock for a moment.
  sqlite.pragma('busy_timeout = 5000');
  const reader = new Database(file, { readonly: true, fileMustExist: true });
  reader.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new GroupCommitSqliteDialect(sqlite, reader) });
  return { db, dialect: 'sqlite', dataDir: options.dataDir, close: () => db.destroy() };
}

async function openPostgres(url: string, options: StoreOptions): Promise<Store> {
  const pg = await import('pg');
  const { Pool, Client, types } = pg.default;
  // int8 (bigint, count(*), sum of minor units) as a number: every value we store is far below 2^53.
  types.setTypeParser(20, (v: string) => Number(v));
  // numeric (avg) as a number for metrics.
  types.setTypeParser(1700, (v: string) => Number(v));
  const pool = new Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    Client: preparedStatementClient(Client),
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', dataDir: options.dataDir, close: () => db.destroy() };
}
