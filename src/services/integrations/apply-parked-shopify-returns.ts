import type { OrderRecord } from '../../store/repositories/order.repository.js';
import { findWebhookDelivery } from '../../store/repositories/webhook-delivery.repository.js';
import { listWaitingShopifyReturns, markShopifyReturnApplied } from '../../store/repositories/parked-shopify-return.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import { parseJsonLossless } from '../../domain/money/lossless-json.js';
import { SHOPIFY_SOURCE, type DeliveryContext } from './delivery-context.js';
import { recordShopifyReturn } from './record-shopify-return.js';

/**
 * Applies the returns/* deliveries that arrived before this order (parked by recordShopifyReturn),
 * in arrival order, inside the order webhook's transaction. The order's mapping row is locked by
 * the caller and the parked rows are marked applied in the same transaction, so each applies once
 * however many orders/* webhooks follow.
 */
export async function applyParkedShopifyReturns(ctx: DeliveryContext, shopifyOrderId: string, order: OrderRecord): Promise<string[]> {
  const waiting = await listWaitingShopifyReturns(ctx.trx, shopifyOrderId, ctx.store.dialect);
  const applied: string[] = [];
  for (const parked of waiting) {
    const delivery = await findWebhookDelivery(ctx.trx, SHOPIFY_SOURCE, parked.deliveryId);
    const result = delivery
      ? await recordShopifyReturn({ ...ctx, topic: parked.topic, deliveryId: parked.deliveryId }, parseJsonLossless(delivery.rawBody))
      : { outcome: 'missing', reason: 'the parked delivery is no longer stored' };
    await markShopifyReturnApplied(ctx.trx, parked.id, { at: ctx.at, orderId: order.id, result });
    await insertAuditEvent(ctx.trx, {
      at: ctx.at, actorId: null, action: 'shopify.parked_return_applied', entityType: 'order', entityId: String(order.id),
      data: { deliveryId: parked.deliveryId, topic: parked.topic, returnId: parked.returnId, parkedAt: parked.parkedAt, rma: (result as { rma?: unknown }).rma ?? null },
    });
    applied.push(parked.deliveryId);
  }
  return applied;
}
