import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects, createTestStore, type TestStore } from '../support/databases.js';
import { insertOutboxRows } from '../../src/store/repositories/outbox.repository.js';
import { readOutboxRow } from '../../src/services/notifications/read-outbox-row.js';

const dialects = await availableDialects();

describe.each(dialects)('outbox rows read together on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => { store = await createTestStore(dialect); });
  afterAll(async () => { await store?.dispose(); });

  it('every caller of one turn gets its own row, a missing one undefined, and a later turn sees later commits', async () => {
    const at = '2026-11-20T10:00:00.000Z';
    const rows = await insertOutboxRows(store.db, ['a', 'b'].map((k) => ({
      channel: 'email', dedupeKey: `read-together|${k}`, caseId: null, event: 'test', recipient: `${k}@example.com`, payload: { to: `${k}@example.com` },
    })), at);
    const [a, b] = rows.map((r) => r.id) as [number, number];
    const [gotA, gotB, gotAagain, missing] = await Promise.all([readOutboxRow(store, a), readOutboxRow(store, b), readOutboxRow(store, a), readOutboxRow(store, b + 1000)]);
    expect([gotA?.recipient, gotB?.recipient, gotAagain?.recipient, missing]).toEqual(['a@example.com', 'b@example.com', 'a@example.com', undefined]);
    await store.db.updateTable('outbox').set({ state: 'sent' }).where('id', '=', a).execute();
    expect((await readOutboxRow(store, a))?.state).toBe('sent');
  });
});
