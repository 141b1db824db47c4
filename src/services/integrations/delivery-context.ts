import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely, Transaction } from 'kysely';
import type { Store } from '../../store/database.js';
import type { DB } from '../../store/schema.js';
import type { IntegrationRefKey } from '../../store/repositories/webhook-delivery.repository.js';
import type { Actor } from '../actor.js';

/** Everything a topic handler needs; all of it bound to the one transaction of the delivery. */
export interface DeliveryContext {
  /**
   * A store whose `db.transaction()` joins `trx` instead of starting a new transaction, so the
   * existing use cases (openCase, mutateCase) commit or roll back together with the delivery row.
   */
  store: Store;
  trx: Transaction<DB>;
  actor: Actor;
  /** The delivery's processing time, UTC ISO. */
  at: string;
  topic: string;
  /** The webhook delivery being mapped (its body is kept in webhook_deliveries). */
  deliveryId?: string;
  /** Set while parked deliveries are re-applied in arrival order: none releases others on its own. */
  replayingParked?: boolean;
}

/**
 * Who acts when a platform webhook opens or changes a case. Back office may open cases and see the
 * restricted chargeback log (R000-08) but administers nothing; id 0 = no user row (audit shows none).
 */
export const SHOPIFY_INTEGRATION_ACTOR: Actor = Object.freeze({ id: 0, role: 'back_office', teamId: null, email: 'integration:shopify' });

export const SHOPIFY_SOURCE = 'shopify';

/**
 * order, dispute, return, rma: a Shopify object → the Ladder row it maps to (a return → its order
 * and, once opened, its RMA). fulfillment_event, refund, return_status, return_event,
 * order_cancelled, dispute_state: "already applied" markers, so the same fact arriving again under
 * another delivery id (a second subscription, a manual resend) is not counted or noted twice.
 */
export type ShopifyRefKind =
  | 'order' | 'dispute' | 'return' | 'rma'
  | 'fulfillment_event' | 'refund' | 'return_status' | 'return_event' | 'order_cancelled' | 'dispute_state'
  /** A Shopify order rated HIGH risk → the fraud case of its log entry (R000-08), once per order. */
  | 'order_risk'
  /** A Shopify order rated MEDIUM risk was put before an agent (its review case, or null: noted on its open cases), once per order. */
  | 'order_risk_review';

export function shopifyRef(kind: ShopifyRefKind, externalId: string): IntegrationRefKey {
  return { source: SHOPIFY_SOURCE, kind, externalId };
}

/**
 * Runs `work` in one transaction and hands it a Store bound to that transaction. A use case that
 * opens its own transaction through the bound store joins this one (Kysely cannot nest
 * transactions, and on SQLite a second one would wait forever for the single writer this one holds).
 */
export async function inOneTransaction<T>(store: Store, work: (bound: Store, trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return store.db.transaction().execute((trx) => currentTransaction.run(trx, () => work(boundStoreOf(store), trx)));
}

// One bound store per store, resolving "the transaction" per async call chain: the caches keyed by
// store (the compiled policy, team ids) then survive from one delivery to the next instead of
// recompiling the policy for every chargeback.
const currentTransaction = new AsyncLocalStorage<Transaction<DB>>();
const boundStores = new WeakMap<Store, Store>();

function boundStoreOf(store: Store): Store {
  let bound = boundStores.get(store);
  if (bound) return bound;
  const join = { execute: <R>(fn: (t: Transaction<DB>) => Promise<R>): Promise<R> => fn(transactionInScope()) };
  const db = new Proxy({} as Kysely<DB>, {
    get(_target, prop) {
      if (prop === 'transaction') return () => join;
      const trx = transactionInScope();
      const value: unknown = Reflect.get(trx, prop, trx);
      // Bound to the real transaction: Kysely's classes keep their state in private fields.
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(trx) : value;
    },
  });
  bound = { db, dialect: store.dialect, dataDir: store.dataDir, close: async () => undefined };
  boundStores.set(store, bound);
  return bound;
}

function transactionInScope(): Transaction<DB> {
  const trx = currentTransaction.getStore();
  if (!trx) throw new Error('a delivery-bound store was used outside its transaction');
  return trx;
}
