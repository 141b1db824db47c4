import type { Executor, Store } from '../../store/database.js';
import { findParkedShopifyReturnForUpdate, markShopifyReturnExpired } from '../../store/repositories/parked-shopify-return.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';

export type ExpireParkedShopifyReturnOutcome =
  | { outcome: 'expired' }
  /** Applied (its order came) or already expired, or gone: nothing to do. */
  | { outcome: 'nothing_pending' }
  /** It has not waited `expiryHours` yet (the setting was raised since the sweep queued it). */
  | { outcome: 'not_due'; runAgainAt: Date };

export function parkedReturnExpiresAt(parkedAt: string, expiryHours: number): Date {
  return new Date(Date.parse(parkedAt) + expiryHours * 3_600_000);
}

/**
 * A parked Shopify return whose order did not arrive within SHOPIFY_PARKED_RETURN_EXPIRY_HOURS stops
 * waiting: `expired_at` is set and an audit event `shopify.parked_return_expired` says so, in one
 * transaction with the row locked — the same lock the order's delivery takes before applying it —
 * so a return is either applied or expired, never both, and never applied after it expired.
 */
export async function expireParkedShopifyReturn(
  store: Store,
  input: { id: number; now: Date; expiryHours: number; finish?: (trx: Executor) => Promise<void> },
): Promise<ExpireParkedShopifyReturnOutcome> {
  const at = input.now.toISOString();
  return store.db.transaction().execute(async (trx): Promise<ExpireParkedShopifyReturnOutcome> => {
    const parked = await findParkedShopifyReturnForUpdate(trx, input.id, store.dialect);
    if (parked && parked.state === 'waiting') {
      const due = parkedReturnExpiresAt(parked.parkedAt, input.expiryHours);
      if (due.getTime() > input.now.getTime()) return { outcome: 'not_due', runAgainAt: due };
      if (await markShopifyReturnExpired(trx, parked.id, at)) {
        await insertAuditEvent(trx, {
          at, actorId: null, action: 'shopify.parked_return_expired', entityType: 'parked_shopify_return', entityId: String(parked.id),
          data: {
            deliveryId: parked.deliveryId, topic: parked.topic, shopifyOrderId: parked.shopifyOrderId, returnId: parked.returnId,
            parkedAt: parked.parkedAt, expiryHours: input.expiryHours,
          },
        });
        await input.finish?.(trx);
        return { outcome: 'expired' };
      }
    }
    await input.finish?.(trx);
    return { outcome: 'nothing_pending' };
  });
}
