import type { OrderRecord } from '../../store/repositories/order.repository.js';
import { findWebhookDelivery } from '../../store/repositories/webhook-delivery.repository.js';
import {
  listWaitingShopifyReturns, markShopifyReturnApplied, type ParkedShopifyReturn,
} from '../../store/repositories/parked-shopify-return.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import { parseJsonLossless } from '../../domain/money/lossless-json.js';
import { SHOPIFY_SOURCE, type DeliveryContext } from './delivery-context.js';
// record-shopify-return.ts and record-shopify-reverse-delivery.ts call back into this module
// (a return mapped now releases what waited for it); the modules use each other only inside
// functions, never while loading.
import { recordShopifyReturn } from './record-shopify-return.js';
import { recordShopifyReverseDelivery } from './record-shopify-reverse-delivery.js';

async function applyParked(ctx: DeliveryContext, waiting: ParkedShopifyReturn[], order: OrderRecord | null): Promise<string[]> {
  const applied: string[] = [];
  for (const parked of waiting) {
    const delivery = await findWebhookDelivery(ctx.trx, SHOPIFY_SOURCE, parked.deliveryId);
    const pctx: DeliveryContext = { ...ctx, topic: parked.topic, deliveryId: parked.deliveryId, replayingParked: true };
    const handler = parked.topic === 'reverse_deliveries/attach_deliverable' ? recordShopifyReverseDelivery : recordShopifyReturn;
    const result = delivery
      ? await handler(pctx, parseJsonLossless(delivery.rawBody))
      : { outcome: 'missing', reason: 'the parked delivery is no longer stored' };
    const orderId = order?.id ?? (typeof result.orderId === 'number' ? result.orderId : null);
    await markShopifyReturnApplied(ctx.trx, parked.id, { at: ctx.at, orderId, result });
    await insertAuditEvent(ctx.trx, {
      at: ctx.at, actorId: null, action: 'shopify.parked_return_applied', entityType: 'order', entityId: orderId === null ? null : String(orderId),
      data: { deliveryId: parked.deliveryId, topic: parked.topic, returnId: parked.returnId, parkedAt: parked.parkedAt, rma: (result as { rma?: unknown }).rma ?? null },
    });
    applied.push(parked.deliveryId);
  }
  return applied;
}

/**
 * Applies the returns/* deliveries that arrived before this order (parked by recordShopifyReturn),
 * with the updates and labels that waited for those returns, in arrival order (request, approval,
 * label), inside the order webhook's transaction. The order's mapping row is locked by the caller
 * and the parked rows are marked applied in the same transaction, so each applies once however
 * many orders/* webhooks follow.
 */
export async function applyParkedShopifyReturns(ctx: DeliveryContext, shopifyOrderId: string, order: OrderRecord): Promise<string[]> {
  const forOrder = await listWaitingShopifyReturns(ctx.trx, { shopifyOrderId }, ctx.store.dialect);
  if (forOrder.length === 0) return [];
  const forReturns: ParkedShopifyReturn[] = [];
  for (const returnId of new Set(forOrder.map((p) => p.returnId))) {
    forReturns.push(...(await listWaitingShopifyReturns(ctx.trx, { returnId }, ctx.store.dialect)));
  }
  return applyParked(ctx, [...forOrder, ...forReturns].sort((a, b) => a.id - b.id), order);
}

/**
 * A return was just mapped to its order: the returns/update and reverse deliveries that named it
 * before that (they carry no order) are applied now, once. The return's RMA mapping row, locked by
 * applyShopifyReturnEvent, serialises this with any concurrent delivery of the same return.
 */
export async function applyDeliveriesWaitingForReturn(ctx: DeliveryContext, returnId: string): Promise<string[]> {
  return applyParked(ctx, await listWaitingShopifyReturns(ctx.trx, { returnId }, ctx.store.dialect), null);
}
