import type { Store } from '../../store/database.js';
import { findOutboxRows, type OutboxRecord } from '../../store/repositories/outbox.repository.js';

// Delivery jobs claimed together start together (the job runner launches a claimed batch in one
// go), and each first reads its outbox row outside any transaction. The reads asked for in the
// same turn of the event loop go to the database as one statement: in an SLA breach burst that is
// one round trip per claimed batch instead of one per email (issue 4 burst). Each caller gets the
// row as committed when the shared read ran, exactly as its own read would have.

interface Waiter {
  resolve: (row: OutboxRecord | undefined) => void;
  reject: (err: unknown) => void;
}
const pending = new WeakMap<Store, Map<number, Waiter[]>>();

/** The outbox row `id` as committed now (undefined when there is none), read together with others asked for at the same moment. */
export function readOutboxRow(store: Store, id: number): Promise<OutboxRecord | undefined> {
  let batch = pending.get(store);
  if (!batch) {
    const created = new Map<number, Waiter[]>();
    pending.set(store, created);
    process.nextTick(() => void flush(store, created));
    batch = created;
  }
  const waiters = batch.get(id) ?? [];
  batch.set(id, waiters);
  return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
}

async function flush(store: Store, batch: Map<number, Waiter[]>): Promise<void> {
  pending.delete(store);
  try {
    const rows = new Map((await findOutboxRows(store.db, [...batch.keys()])).map((row) => [row.id, row]));
    for (const [id, waiters] of batch) for (const w of waiters) w.resolve(rows.get(id));
  } catch (err) {
    for (const waiters of batch.values()) for (const w of waiters) w.reject(err);
  }
}
