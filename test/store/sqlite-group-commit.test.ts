import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestStore, type TestStore } from '../support/databases.js';
import { openStore } from '../../src/store/database.js';

// The embedded store shares one fsync among concurrent transactions (src/store/sqlite-group-commit.ts).
// These pin the guarantees that make that safe.

let store: TestStore;
afterEach(async () => { await store?.dispose(); });

async function teams(db: TestStore['db']): Promise<string[]> {
  return (await db.selectFrom('teams').select('key').orderBy('key').execute()).map((r) => r.key);
}

const at = '2026-11-22T00:00:00.000Z';
const team = (key: string) => ({ key, name: key, kind: 'support', calendar_json: null, created_at: at });

describe('SQLite group commit', () => {
  it('commits many concurrent transactions, each acknowledged only once durable', async () => {
    store = await createTestStore('sqlite');
    await Promise.all(Array.from({ length: 100 }, (_, i) =>
      store.db.transaction().execute(async (trx) => {
        await trx.insertInto('teams').values(team(`t${String(i).padStart(3, '0')}`)).execute();
      }),
    ));
    expect((await teams(store.db)).length).toBe(100);
    // Reopen the file: everything acknowledged is on disk.
    await store.close();
    const again = await openStore({ databaseUrl: null, dataDir: store.dataDir });
    expect((await again.db.selectFrom('teams').select('key').execute()).length).toBe(100);
    await again.close();
    store = { ...store, close: async () => undefined, dispose: store.dispose } as TestStore;
  });

  it('a transaction that fails rolls back alone; its batch neighbours commit', async () => {
    store = await createTestStore('sqlite');
    const results = await Promise.allSettled([
      store.db.transaction().execute(async (trx) => { await trx.insertInto('teams').values(team('keep-1')).execute(); }),
      store.db.transaction().execute(async (trx) => {
        await trx.insertInto('teams').values(team('doomed')).execute();
        throw new Error('business rule says no');
      }),
      store.db.transaction().execute(async (trx) => { await trx.insertInto('teams').values(team('keep-2')).execute(); }),
      // A constraint violation inside a batch.
      store.db.transaction().execute(async (trx) => { await trx.insertInto('teams').values(team('keep-1')).execute(); }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
    expect(await teams(store.db)).toEqual(['keep-1', 'keep-2']);
  });

  it('reads outside a transaction never see a batch that is not committed yet', async () => {
    store = await createTestStore('sqlite');
    let seenDuring: string[] = [];
    await store.db.transaction().execute(async (trx) => {
      await trx.insertInto('teams').values(team('pending')).execute();
      seenDuring = await teams(store.db);
      // Inside the transaction its own write is visible.
      expect((await trx.selectFrom('teams').select('key').execute()).map((r) => r.key)).toEqual(['pending']);
    });
    expect(seenDuring).toEqual([]);
    expect(await teams(store.db)).toEqual(['pending']);
  });

  it('a lone write outside a transaction is its own durable transaction', async () => {
    store = await createTestStore('sqlite');
    await store.db.insertInto('teams').values(team('lone')).execute();
    const n = await sql<{ n: number }>`select count(*) as n from teams`.execute(store.db);
    expect(Number(n.rows[0]!.n)).toBe(1);
  });

  it('a batch holding only a rolled-back transaction still closes, and later commits are durable', async () => {
    store = await createTestStore('sqlite');
    await expect(store.db.transaction().execute(async (trx) => {
      await trx.insertInto('teams').values(team('gone')).execute();
      throw new Error('refused');
    })).rejects.toThrow('refused');
    // Let the empty batch commit, then commit real work after it.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await store.db.transaction().execute(async (trx) => { await trx.insertInto('teams').values(team('after')).execute(); });
    await store.close();
    const again = await openStore({ databaseUrl: null, dataDir: store.dataDir });
    expect((await again.db.selectFrom('teams').select('key').execute()).map((r) => r.key)).toEqual(['after']);
    await again.close();
    store = { ...store, close: async () => undefined, dispose: store.dispose } as TestStore;
  });
});
