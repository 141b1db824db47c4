import type { Transaction } from 'kysely';
import type { Store } from '../../store/database.js';
import type { DB } from '../../store/schema.js';
import type { NewWebhookDelivery } from '../../store/repositories/webhook-delivery.repository.js';
import { claimWebhookDeliveries, existingDeliveryIds, finishWebhookDeliveries } from '../../store/repositories/webhook-delivery-batch.repository.js';
import { nowIso } from '../clock.js';
import { SHOPIFY_SOURCE, inOneTransaction } from './delivery-context.js';

// Webhooks that arrive while the previous batch is busy are stored and mapped together, in one
// transaction (issue 7 item 4). The guarantees of one delivery per transaction hold for each:
// - a caller is answered only after the transaction holding its raw body and its mapping
//   committed (a failed batch answers nobody; its deliveries are redone one at a time);
// - dedup stays exact: each delivery is claimed through the unique (source, delivery id) key, so a
//   copy racing in another batch or another app instance waits for the first and finds it;
// - a delivery whose mapping throws rolls the batch back; it then runs alone (and is stored as
//   failed there, if its payload cannot be mapped) while the rest run again as a batch.
// A lone webhook on an idle server starts a batch of one at once: batching adds no wait.

/** Large enough to share a commit among the 50 senders of a busy shop; small enough that a retry of a batch is cheap. */
const MAX_BATCH = 64;
/**
 * The next batch starts while the previous one commits (its statements are done, so it waits on
 * nobody, and the next one cannot deadlock with it). Two commits in flight at most.
 */
const MAX_COMMITS_IN_FLIGHT = 2;

export interface BatchDelivery {
  deliveryId: string;
  topic: string;
  shopDomain: string | null;
  rawBody: string;
}

export interface BatchReceipt {
  outcome: 'processed' | 'ignored' | 'duplicate' | 'failed';
  deliveryId: string;
  topic: string;
  result: Record<string, unknown> | null;
  error: string | null;
}

export interface BatchOps<D extends BatchDelivery, R extends BatchReceipt> {
  /**
   * Maps the claimed deliveries, in arrival order, inside the batch's transaction. A delivery whose
   * mapping fails throws BatchItemFailed with its index among `deliveries`; any throw rolls the batch back.
   */
  mapAll(bound: Store, trx: Transaction<DB>, at: string, deliveries: D[]): Promise<MappedDelivery[]>;
  /** The one-delivery-per-transaction path, for a delivery whose batch failed. */
  alone(delivery: D): Promise<R>;
}

interface Pending<D, R> {
  delivery: D;
  row: NewWebhookDelivery;
  resolve: (receipt: R) => void;
  reject: (err: unknown) => void;
}

export interface MappedDelivery {
  outcome: 'processed' | 'ignored';
  result: Record<string, unknown>;
}

export class BatchItemFailed extends Error {
  constructor(readonly index: number, readonly reason: unknown) {
    super('a delivery of the batch failed');
  }
}

export class ShopifyDeliveryBatcher<D extends BatchDelivery, R extends BatchReceipt> {
  readonly #store: Store;
  readonly #ops: BatchOps<D, R>;
  #queue: Pending<D, R>[] = [];
  #draining = false;
  readonly #commits = new Set<Promise<void>>();

  constructor(store: Store, ops: BatchOps<D, R>) {
    this.#store = store;
    this.#ops = ops;
  }

  submit(delivery: D): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const row: NewWebhookDelivery = {
        source: SHOPIFY_SOURCE, deliveryId: delivery.deliveryId, topic: delivery.topic, shopDomain: delivery.shopDomain, receivedAt: nowIso(), rawBody: delivery.rawBody,
      };
      this.#queue.push({ delivery, row, resolve, reject });
      if (!this.#draining) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#draining = true;
    try {
      while (this.#queue.length > 0) {
        while (this.#commits.size >= MAX_COMMITS_IN_FLIGHT) await Promise.race(this.#commits);
        await this.#start(this.#queue.splice(0, MAX_BATCH));
      }
    } finally {
      this.#draining = false;
    }
  }

  /** Resolves once the batch's statements are done (or it settled), so the next batch may start. */
  #start(batch: Pending<D, R>[]): Promise<void> {
    let statementsDone!: () => void;
    const done = new Promise<void>((resolve) => { statementsDone = resolve; });
    const settled = this.#settle(batch, statementsDone).finally(() => {
      statementsDone();
      this.#commits.delete(settled);
    });
    this.#commits.add(settled);
    return done;
  }

  async #settle(batch: Pending<D, R>[], statementsDone: () => void): Promise<void> {
    let receipts: R[];
    try {
      receipts = await this.#run(batch, statementsDone);
    } catch (err) {
      if (err instanceof BatchItemFailed && batch.length > 1) {
        // The rest may well be fine: run them again as a batch, and the one that failed alone.
        const rest = batch.filter((_, i) => i !== err.index);
        await Promise.all([this.#alone(batch[err.index]!), this.#settleOrAlone(rest)]);
      } else {
        await Promise.all(batch.map((p) => this.#alone(p)));
      }
      return;
    }
    batch.forEach((p, i) => p.resolve(receipts[i]!));
  }

  async #settleOrAlone(batch: Pending<D, R>[]): Promise<void> {
    try {
      const receipts = await this.#run(batch, () => undefined);
      batch.forEach((p, i) => p.resolve(receipts[i]!));
    } catch {
      await Promise.all(batch.map((p) => this.#alone(p)));
    }
  }

  async #alone(p: Pending<D, R>): Promise<void> {
    try {
      p.resolve(await this.#ops.alone(p.delivery));
    } catch (err) {
      p.reject(err);
    }
  }

  async #run(batch: Pending<D, R>[], statementsDone: () => void): Promise<R[]> {
    const duplicate = (p: Pending<D, R>) => ({ outcome: 'duplicate', deliveryId: p.delivery.deliveryId, topic: p.delivery.topic, result: null, error: null }) as R;
    // Replays of acknowledged deliveries are answered from a read, without taking the writer.
    const stored = await existingDeliveryIds(this.#store.db, SHOPIFY_SOURCE, batch.map((p) => p.delivery.deliveryId));
    const fresh = new Map<string, number>();
    batch.forEach((p, i) => {
      if (!stored.has(p.delivery.deliveryId) && !fresh.has(p.delivery.deliveryId)) fresh.set(p.delivery.deliveryId, i);
    });
    if (fresh.size === 0) return batch.map(duplicate);

    return inOneTransaction(this.#store, async (bound, trx) => {
      const claimed = await claimWebhookDeliveries(trx, [...fresh.values()].map((i) => batch[i]!.row));
      const at = nowIso();
      const mine: { i: number; id: number }[] = [];
      batch.forEach((p, i) => {
        const id = claimed.get(p.delivery.deliveryId);
        if (id !== undefined && fresh.get(p.delivery.deliveryId) === i) mine.push({ i, id });
      });
      let mapped: MappedDelivery[];
      try {
        mapped = await this.#ops.mapAll(bound, trx, at, mine.map((m) => batch[m.i]!.delivery));
      } catch (err) {
        throw err instanceof BatchItemFailed ? new BatchItemFailed(mine[err.index]!.i, err.reason) : err;
      }
      const receipts: R[] = batch.map(duplicate);
      const finished = mine.map((m, k) => {
        const p = batch[m.i]!;
        receipts[m.i] = { outcome: mapped[k]!.outcome, deliveryId: p.delivery.deliveryId, topic: p.delivery.topic, result: mapped[k]!.result, error: null } as R;
        return { id: m.id, result: mapped[k]!.result };
      });
      await finishWebhookDeliveries(trx, at, finished);
      statementsDone();
      return receipts;
    });
  }
}
