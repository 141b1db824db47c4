import type BetterSqlite3 from 'better-sqlite3';
import { openSync, fsyncSync, closeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  CompiledQuery,
  SqliteDialect,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from 'kysely';
import { DEFAULT_AUTOCHECKPOINT_PAGES, startSqliteCheckpointer, WRITER_SAFETY_NET_PAGES, type SqliteCheckpointer } from './sqlite-checkpointer.js';

// Group commit for the embedded store.
//
// With synchronous=FULL every COMMIT waits for an fsync, so one transaction per request caps the
// desk at the disk's fsync rate. Here each logical transaction (Kysely's `db.transaction()`, or a
// lone write) runs as a SAVEPOINT inside one outer transaction on the single writer connection;
// logical transactions still run one at a time, but the outer COMMIT — and its fsync — is shared
// by every logical transaction that finished while it was pending. A caller's commit resolves only
// after the shared COMMIT is on disk, so nothing is acknowledged before it is durable, and a crash
// loses only work nobody was told about.
//
// The fsync itself runs off the event loop. The writer runs with synchronous=NORMAL, so COMMIT only
// writes the batch's frames to the WAL (the OS holds them: a killed process loses nothing); then
// the WAL file is fdatasync'ed on libuv's thread pool (WalSync below) and only after that are the
// batch's callers told it committed. This is the same guarantee as synchronous=FULL for everything
// acknowledged — a power cut can only take back work nobody was told about — but the event loop
// keeps serving requests (and filling the next batch) while the disk flushes. At most one fsync is
// in flight; commits made meanwhile share the next one. Because WAL frames are appended in order
// and an fsync covers the whole file, a later batch's acknowledgement implies every earlier one is
// durable too.
//
// Plain reads outside a transaction go to a second, read-only connection: under WAL it sees the
// last committed state, never the open batch. A batch whose fsync is still in flight is visible
// to readers (for about a millisecond); a power cut in that window could take back data that was
// read but never acknowledged to its writer.

/** Largest batch before a commit is forced even while others wait. */
const MAX_BATCH = 256;
/** Longest a finished transaction waits for its batch to commit under continuous load. */
const MAX_DELAY_MS = 4;
/**
 * When other work is already talking to the database (a request between its reads and its
 * transaction), wait this long for it to join the batch before committing — PostgreSQL's
 * commit_delay/commit_siblings idea. Alone, commit at once.
 */
const SIBLING_WAIT_MS = 2;
const STATEMENT_CACHE = 512;

class Mutex {
  #locked = false;
  #waiters: (() => void)[] = [];

  lock(): Promise<void> {
    if (!this.#locked) {
      this.#locked = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  tryLock(): boolean {
    if (this.#locked) return false;
    this.#locked = true;
    return true;
  }

  unlock(): void {
    const next = this.#waiters.shift();
    if (next) next();
    else this.#locked = false;
  }

  get waiting(): number {
    return this.#waiters.length;
  }
}

class StatementCache {
  #map = new Map<string, BetterSqlite3.Statement>();
  constructor(private readonly db: BetterSqlite3.Database) {}

  get(sql: string): BetterSqlite3.Statement {
    let stmt = this.#map.get(sql);
    if (!stmt) {
      if (this.#map.size >= STATEMENT_CACHE) this.#map.clear();
      stmt = this.db.prepare(sql);
      this.#map.set(sql, stmt);
    }
    return stmt;
  }
}

function run(cache: StatementCache, query: CompiledQuery): QueryResult<unknown> {
  const stmt = cache.get(query.sql);
  const params = query.parameters as unknown[];
  if (stmt.reader) return { rows: stmt.all(params) };
  const { changes, lastInsertRowid } = stmt.run(params);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

interface Waiter {
  resolve(): void;
  reject(err: unknown): void;
}

/** Makes committed WAL frames durable with one fdatasync at a time, shared by all commits before it. */
class WalSync {
  readonly #walPath: string;
  #handle: FileHandle | null = null;
  #running: Promise<void> | null = null;
  #next: Waiter[] = [];

  constructor(databaseFile: string) {
    this.#walPath = `${databaseFile}-wal`;
  }

  /** Called right after a COMMIT: the waiters resolve once that commit's frames are on disk. */
  afterCommit(waiters: Waiter[]): void {
    // A batch of rollbacks only has nobody to tell.
    if (waiters.length === 0) return;
    this.#next.push(...waiters);
    this.#start();
  }

  #start(): void {
    if (this.#running) return;
    // Cleared only once the drain has settled; commits that arrive in between start the next one.
    this.#running = this.#drain().finally(() => {
      this.#running = null;
      if (this.#next.length > 0) this.#start();
    });
  }

  async idle(): Promise<void> {
    while (this.#running) await this.#running;
    await this.#handle?.close();
    this.#handle = null;
  }

  async #drain(): Promise<void> {
    while (this.#next.length > 0) {
      // Everything in this round committed before the fsync below starts, so the fsync covers it.
      const round = this.#next;
      this.#next = [];
      try {
        await this.#sync();
        for (const w of round) w.resolve();
      } catch (err) {
        for (const w of round) w.reject(err);
      }
    }
  }

  async #sync(): Promise<void> {
    if (!this.#handle) {
      this.#handle = await open(this.#walPath, 'r+');
      // The WAL's directory entry must be durable too, once, before anything relies on the file.
      const dir = openSync(dirname(this.#walPath), 'r');
      try { fsyncSync(dir); } finally { closeSync(dir); }
    }
    await this.#handle.datasync();
    // SQLite only deletes the WAL when the last connection closes; if another process made that
    // happen, our handle points at an unlinked file and the frames are in the new one.
    if ((await this.#handle.stat()).nlink === 0) {
      await this.#handle.close();
      this.#handle = null;
      await this.#sync();
    }
  }
}

class GroupCommitDriver implements Driver {
  readonly #writer: BetterSqlite3.Database;
  readonly #reader: BetterSqlite3.Database;
  readonly #writes: StatementCache;
  readonly #reads: StatementCache;
  readonly #mutex = new Mutex();
  readonly #walSync: WalSync;
  #checkpointer: SqliteCheckpointer | null = null;
  #outerOpen = false;
  #batchStartedAt = 0;
  #pending: Waiter[] = [];
  #flushScheduled = false;
  /** Connections handed out and not yet released: work in flight that may still write. */
  #inFlight = 0;

  constructor(writer: BetterSqlite3.Database, reader: BetterSqlite3.Database) {
    this.#writer = writer;
    this.#reader = reader;
    this.#writes = new StatementCache(writer);
    this.#reads = new StatementCache(reader);
    this.#walSync = new WalSync(writer.name);
  }

  async init(): Promise<void> {
    // Checkpoints move to a worker thread (sqlite-checkpointer.ts); an in-memory database has none.
    if (this.#writer.memory) return;
    this.#checkpointer = startSqliteCheckpointer(this.#writer.name, () => {
      if (this.#writer.open) this.#writer.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
    });
    this.#writer.pragma(`wal_autocheckpoint = ${WRITER_SAFETY_NET_PAGES}`);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    this.#inFlight++;
    return new GroupConnection(this);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await this.enter();
    (connection as GroupConnection).inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    (connection as GroupConnection).inTransaction = false;
    await this.leave(true);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    (connection as GroupConnection).inTransaction = false;
    await this.leave(false);
  }

  async releaseConnection(): Promise<void> {
    this.#inFlight--;
  }

  async destroy(): Promise<void> {
    await this.#mutex.lock();
    this.commitBatch();
    this.#mutex.unlock();
    await this.#walSync.idle();
    await this.#checkpointer?.close();
    this.#reader.close();
    this.#writer.close();
  }

  /** Runs a query inside the caller's logical transaction. */
  runInTransaction(query: CompiledQuery): QueryResult<unknown> {
    return run(this.#writes, query);
  }

  /** Runs a query outside any transaction: reads on the reader, a lone write as its own logical transaction. */
  async runAlone(query: CompiledQuery): Promise<QueryResult<unknown>> {
    const readStmt = this.#reads.get(query.sql);
    if (readStmt.readonly) return run(this.#reads, query);
    await this.enter();
    let result: QueryResult<unknown>;
    try {
      result = run(this.#writes, query);
    } catch (err) {
      await this.leave(false);
      throw err;
    }
    await this.leave(true);
    return result;
  }

  private async enter(): Promise<void> {
    await this.#mutex.lock();
    try {
      if (!this.#outerOpen) {
        this.#writer.exec('BEGIN IMMEDIATE');
        this.#outerOpen = true;
        this.#batchStartedAt = Date.now();
      }
      this.#writer.exec('SAVEPOINT ladder_tx');
    } catch (err) {
      this.#mutex.unlock();
      throw err;
    }
  }

  private leave(commit: boolean): Promise<void> {
    let durable: Promise<void> = Promise.resolve();
    try {
      if (commit) {
        this.#writer.exec('RELEASE ladder_tx');
        durable = new Promise<void>((resolve, reject) => this.#pending.push({ resolve, reject }));
      } else if (this.#writer.inTransaction) {
        this.#writer.exec('ROLLBACK TO ladder_tx');
        this.#writer.exec('RELEASE ladder_tx');
      } else {
        // The error aborted the whole outer transaction: everything pending in it is lost.
        this.failBatch(new Error('the batch transaction was aborted by a failing statement'));
      }
    } catch (err) {
      this.#writer.inTransaction && this.#writer.exec('ROLLBACK');
      this.failBatch(err);
      this.#mutex.unlock();
      return Promise.reject(err);
    }
    // Commit now if nobody else is about to join the batch, or if it is big or old enough;
    // otherwise the next transaction in line joins it.
    const others = this.#mutex.waiting > 0;
    if (this.#pending.length > 0 && others && (this.#pending.length >= MAX_BATCH || Date.now() - this.#batchStartedAt >= MAX_DELAY_MS)) {
      this.commitBatch();
    }
    this.#mutex.unlock();
    if (!others) this.scheduleFlush();
    return durable;
  }

  /** Soon, so requests already in flight can still join the batch. */
  private scheduleFlush(): void {
    if (this.#flushScheduled || !this.#outerOpen) return;
    this.#flushScheduled = true;
    const flush = () => {
      this.#flushScheduled = false;
      // If a transaction is running, its own leave() decides when to commit.
      if (!this.#mutex.tryLock()) return;
      this.commitBatch();
      this.#mutex.unlock();
    };
    // The committing connections themselves are still counted until their commit resolves.
    const siblings = this.#inFlight - this.#pending.length;
    if (siblings > 0) setTimeout(flush, SIBLING_WAIT_MS);
    else setImmediate(flush);
  }

  private commitBatch(): void {
    if (!this.#outerOpen) return;
    const waiters = this.#pending;
    this.#pending = [];
    this.#outerOpen = false;
    try {
      this.#writer.exec('COMMIT');
    } catch (err) {
      if (this.#writer.inTransaction) this.#writer.exec('ROLLBACK');
      for (const w of waiters) w.reject(err);
      return;
    }
    this.#walSync.afterCommit(waiters);
    this.#checkpointer?.noteCommit();
  }

  private failBatch(err: unknown): void {
    const waiters = this.#pending;
    this.#pending = [];
    this.#outerOpen = false;
    for (const w of waiters) w.reject(err);
  }
}

class GroupConnection implements DatabaseConnection {
  inTransaction = false;
  constructor(private readonly driver: GroupCommitDriver) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return (this.inTransaction ? this.driver.runInTransaction(query) : await this.driver.runAlone(query)) as QueryResult<R>;
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported by the group-commit SQLite driver');
  }
}

/** Kysely's SQLite dialect with the group-commit driver above. */
export class GroupCommitSqliteDialect extends SqliteDialect {
  constructor(private readonly writer: BetterSqlite3.Database, private readonly reader: BetterSqlite3.Database) {
    super({ database: writer });
  }

  override createDriver(): Driver {
    return new GroupCommitDriver(this.writer, this.reader);
  }
}
