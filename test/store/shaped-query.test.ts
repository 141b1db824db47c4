import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects, createTestStore, type TestStore } from '../support/databases.js';
import { executeShaped, insertRows, upsertRowsReturningAll } from '../../src/store/shaped-query.js';

const dialects = await availableDialects();
const AT = '2026-12-06T10:00:00.000Z';
const LATER = '2026-12-06T11:00:00.000Z';

// Both dialects run in this one process, so a text compiled for one and reused for the other
// (the cache is per adapter) would fail here: SQLite binds `?`, PostgreSQL `$1`.
describe.each(dialects)('statements compiled once per shape on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => { store = await createTestStore(dialect); });
  afterAll(async () => { await store?.dispose(); });

  it('a multi-row insert returns each row\'s id in the order given and stores every value in its column', async () => {
    for (const n of [3, 3, 1]) {
      const names = Array.from({ length: n }, (_, i) => `shaped-${n}-${i}-${Math.random()}`);
      const ids = await insertRows(store.db, 'customers', ['external_id', 'name', 'vip', 'created_at', 'updated_at'],
        names.map((name, i) => [name, `Name ${i}`, i % 2, AT, AT]), { returningId: true });
      expect(ids).toHaveLength(n);
      const stored = await store.db.selectFrom('customers').select(['id', 'external_id', 'name', 'vip']).where('id', 'in', ids).execute();
      const byId = new Map(stored.map((r) => [Number(r.id), r]));
      ids.forEach((id, i) => expect(byId.get(id)).toMatchObject({ external_id: names[i], name: `Name ${i}`, vip: i % 2 }));
    }
  });

  it('an upsert creates new rows and updates only the named columns of existing ones', async () => {
    const [kept] = await insertRows(store.db, 'customers', ['external_id', 'name', 'email', 'vip', 'created_at', 'updated_at'],
      [['UPS-1', 'Kept Name', 'old@example.com', 0, AT, AT]], { returningId: true });
    const rows = await upsertRowsReturningAll<{ id: number; external_id: string; name: string | null; email: string | null; updated_at: string }>(
      store.db, 'customers', ['external_id', 'name', 'email', 'vip', 'created_at', 'updated_at'],
      [['UPS-1', null, 'new@example.com', 0, LATER, LATER], ['UPS-2', 'Fresh', 'fresh@example.com', 1, LATER, LATER]],
      'external_id', ['email'], LATER,
    );
    const byKey = new Map(rows.map((r) => [r.external_id, r]));
    expect(Number(byKey.get('UPS-1')!.id)).toBe(kept);
    expect(byKey.get('UPS-1')).toMatchObject({ name: 'Kept Name', email: 'new@example.com', updated_at: LATER });
    expect(byKey.get('UPS-2')).toMatchObject({ name: 'Fresh', email: 'fresh@example.com' });
  });

  it('parameters given out of Kysely\'s order are refused on the first use of a shape, before anything runs', async () => {
    const before = await store.db.selectFrom('customers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    await expect(executeShaped(store.db, `misordered insert ${dialect}`, () => store.db.insertInto('customers')
      .values({ external_id: 'MIS-1', name: 'N', vip: 0, created_at: AT, updated_at: AT }), ['N', 'MIS-1', 0, AT, AT]))
      .rejects.toThrow(/not in the order Kysely binds them/);
    const after = await store.db.selectFrom('customers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('an undefined value is stored as NULL, on the first use of a shape and on later ones', async () => {
    for (const key of ['UND-1', 'UND-2']) {
      const [id] = await insertRows(store.db, 'customers', ['external_id', 'name', 'vip', 'created_at', 'updated_at'], [[key, undefined, 0, AT, AT]], { returningId: true });
      const row = await store.db.selectFrom('customers').select(['external_id', 'name']).where('id', '=', id!).executeTakeFirstOrThrow();
      expect(row).toEqual({ external_id: key, name: null });
    }
  });

  it('a read by an IN list of any length finds exactly the rows named', async () => {
    const ids = await insertRows(store.db, 'customers', ['external_id', 'vip', 'created_at', 'updated_at'],
      ['IN-1', 'IN-2', 'IN-3'].map((k) => [k, 0, AT, AT]), { returningId: true });
    for (const subset of [ids, ids.slice(0, 1), ids.slice(1)]) {
      const rows = await executeShaped(store.db, `customers by id x${subset.length}`,
        () => store.db.selectFrom('customers').select('external_id').where('id', 'in', subset).orderBy('id'), subset);
      expect(rows.map((r) => r.external_id)).toEqual(subset.map((id) => `IN-${ids.indexOf(id) + 1}`));
    }
  });
});
