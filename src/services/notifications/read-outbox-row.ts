import type { Store } from '../../store/database.js';
import { findOutboxRows, type OutboxRecord } from '../../store/repositories/outbox.repository.js';
import { coalescedRead } from '../coalesced-read.js';

// Delivery jobs claimed together start together (the job runner launches a claimed batch in one
// go), and each first reads its outbox row outside any transaction. The reads asked for in the
// same turn of the event loop go to the database as one statement: in an SLA breach burst that is
// one round trip per claimed batch instead of one per email (issue 4 burst). Each caller gets the
// row as committed when the shared read ran, exactly as its own read would have.
const readers = new WeakMap<Store, (id: number) => Promise<OutboxRecord | undefined>>();

/** The outbox row `id` as committed now (undefined when there is none), read together with others asked for at the same moment. */
export function readOutboxRow(store: Store, id: number): Promise<OutboxRecord | undefined> {
  let read = readers.get(store);
  if (!read) {
    read = coalescedRead(async (ids: number[]) => new Map((await findOutboxRows(store.db, ids)).map((row) => [row.id, row])), { gatherTurn: true });
    readers.set(store, read);
  }
  return read(id);
}
