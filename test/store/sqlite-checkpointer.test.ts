import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { statSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import Database from 'better-sqlite3';
import { openStore, type Store } from '../../src/store/database.js';
import { startSqliteCheckpointer } from '../../src/store/sqlite-checkpointer.js';

// Checkpoints of the embedded store run on a worker thread, not in the event loop's COMMIT
// (src/store/sqlite-checkpointer.ts).

let dir: string;
let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
  rmSync(dir, { recursive: true, force: true });
});

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 25));
  }
  return true;
}

describe('SQLite background checkpoints', () => {
  it('committed pages reach the database file without the writer checkpointing', async () => {
    dir = mkdtempSync(join(tmpdir(), 'ladder-ckpt-'));
    store = await openStore({ databaseUrl: null, dataDir: dir });
    await sql`create table blobs (id integer primary key, body text)`.execute(store.db);
    const file = join(dir, 'ladder.db');
    const before = statSync(file).size;
    // ~2.4 MB: about 600 pages, below the 1,000 pages at which a writer with SQLite's default
    // autocheckpoint would copy them itself, so only the background worker can have done it.
    const body = 'x'.repeat(4000);
    for (let batch = 0; batch < 6; batch++) {
      await store.db.transaction().execute(async (trx) => {
        for (let i = 0; i < 100; i++) await sql`insert into blobs (body) values (${body})`.execute(trx);
      });
    }
    expect(await until(() => statSync(file).size >= before + 2_000_000, 10_000)).toBe(true);
    const count = await sql<{ n: number }>`select count(*) as n from blobs`.execute(store.db);
    expect(count.rows[0]!.n).toBe(600);
  });

  it('a checkpointer that cannot open the database hands checkpoints back to the writer', async () => {
    dir = mkdtempSync(join(tmpdir(), 'ladder-ckpt-'));
    let handedBack = false;
    const checkpointer = startSqliteCheckpointer(join(dir, 'missing.db'), () => { handedBack = true; });
    expect(await until(() => handedBack, 10_000)).toBe(true);
    await checkpointer.close();
  });

  it('closing the store stops the worker and leaves a database another connection opens cleanly', async () => {
    dir = mkdtempSync(join(tmpdir(), 'ladder-ckpt-'));
    const own = await openStore({ databaseUrl: null, dataDir: dir });
    await sql`create table notes (id integer primary key, text text)`.execute(own.db);
    await own.db.transaction().execute(async (trx) => { await sql`insert into notes (text) values (${'kept'})`.execute(trx); });
    await own.close();
    const raw = new Database(join(dir, 'ladder.db'), { readonly: true });
    expect(raw.prepare('select text from notes').all()).toEqual([{ text: 'kept' }]);
    raw.close();
  });

  it('a process that only opens, writes and closes the store exits normally (the worker never holds it open, nor ends it early)', () => {
    dir = mkdtempSync(join(tmpdir(), 'ladder-ckpt-'));
    const database = fileURLToPath(new URL('../../src/store/database.ts', import.meta.url));
    const script = `
      const { openStore } = await import(${JSON.stringify(database)});
      const { sql } = await import('kysely');
      const store = await openStore({ databaseUrl: null, dataDir: ${JSON.stringify(dir)} });
      await sql\`create table t (id integer primary key)\`.execute(store.db);
      await store.close();
      console.log('closed');
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('closed');
    expect(run.status).toBe(0);
  });
});
