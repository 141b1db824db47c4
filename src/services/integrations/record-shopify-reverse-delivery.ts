import { findOrderById } from '../../store/repositories/order.repository.js';
import { findIntegrationRef } from '../../store/repositories/webhook-delivery.repository.js';
import { mapShopifyReverseDelivery } from '../../integrations/shopify/shopify-reverse-delivery.mapper.js';
import { shopifyRef, type DeliveryContext } from './delivery-context.js';
import { applyShopifyReturnEvent } from './shopify-return-rma.js';
import { insertParkedShopifyReturn } from '../../store/repositories/parked-shopify-return.repository.js';

/**
 * reverse_deliveries/attach_deliverable: the return label and tracking reached the customer through
 * Shopify, so the RMA moves to label_sent with them (R004-05; R004-07's 4-hour label target is met).
 * The payload names the return, not the order: the order is the one an earlier returns/* webhook
 * mapped the return to.
 */
export async function recordShopifyReverseDelivery(ctx: DeliveryContext, payload: unknown): Promise<Record<string, unknown>> {
  const delivery = mapShopifyReverseDelivery(payload);
  const orderId = await findIntegrationRef(ctx.trx, shopifyRef('return', delivery.returnId));
  const order = typeof orderId === 'number' ? await findOrderById(ctx.trx, orderId) : undefined;
  if (!order && ctx.deliveryId !== undefined) {
    // The label came before the return was mapped: it waits for it (apply-parked-shopify-returns.ts).
    const parked = await insertParkedShopifyReturn(ctx.trx, { deliveryId: ctx.deliveryId, topic: ctx.topic, shopifyOrderId: null, returnId: delivery.returnId, parkedAt: ctx.at });
    return { outcome: 'processed', orderId: null, parked, waitingForReturn: delivery.returnId, reverseDelivery: delivery };
  }
  const body: Record<string, unknown> = {};
  if (delivery.trackingNumber !== null) body.trackingNumber = delivery.trackingNumber.slice(0, 100);
  if (delivery.carrier !== null) body.carrier = delivery.carrier.slice(0, 100);
  const rma = await applyShopifyReturnEvent(ctx, order, {
    returnId: delivery.returnId,
    label: delivery.returnId,
    factKey: `${delivery.returnId}:${ctx.topic}:${delivery.reverseDeliveryId}:${delivery.trackingNumber ?? ''}`,
    opening: null,
    move: { event: 'send_label', body },
    info: null,
  });
  return { outcome: 'processed', orderId: order?.id ?? null, rma, reverseDelivery: delivery };
}
