import { setOrderCarrier } from '../../store/repositories/incident.repository.js';
import { findOrderById, updateOrder, type OrderFields, type OrderRecord } from '../../store/repositories/order.repository.js';
import { claimIntegrationRef, lockIntegrationRef, setIntegrationRef } from '../../store/repositories/webhook-delivery.repository.js';
import {
  mapShopifyFulfillment, mapShopifyFulfillmentEvent, type ShopifyParcelUpdate,
} from '../../integrations/shopify/shopify-fulfillment.mapper.js';
import { shopifyRef, type DeliveryContext } from './delivery-context.js';
import { advanceFulfillment, earliest } from './shopify-order-links.js';

/**
 * fulfillments/create, fulfillments/update, fulfillment_events/create: move the order's fulfilment
 * state, label creation and last carrier scan, which the order SLAs are timed from (R003-02
 * processing/shipping, R003-05 label created with no movement).
 *
 * Failed delivery attempts are counted from fulfillment events only, once per event id: Shopify
 * reports the same carrier event again as the fulfilment's shipment_status, so counting both would
 * count one attempt twice.
 */
export async function applyShopifyParcelUpdate(ctx: DeliveryContext, payload: unknown): Promise<Record<string, unknown>> {
  const update = ctx.topic === 'fulfillment_events/create' ? mapShopifyFulfillmentEvent(payload) : mapShopifyFulfillment(payload);
  const base = {
    fulfillmentId: update.fulfillmentId,
    ...(update.eventId !== null ? { eventId: update.eventId } : {}),
    carrierStatus: update.carrierStatus,
    effect: update.effect,
    shopifyOrderId: update.shopifyOrderId,
    ...(update.warnings.length > 0 ? { warnings: update.warnings } : {}),
  };
  if (update.shopifyOrderId === null) return { outcome: 'processed', ...base, orderId: null, changed: [] };
  const orderId = await lockIntegrationRef(ctx.trx, shopifyRef('order', update.shopifyOrderId), ctx.store.dialect);
  const order = typeof orderId === 'number' ? await findOrderById(ctx.trx, orderId) : undefined;
  // An order Ladder has not seen yet: the delivery is kept; its orders/* webhook brings the state.
  if (!order) return { outcome: 'processed', ...base, orderId: null, changed: [] };

  const fields = await fieldsFor(ctx, update, order);
  const changed = Object.keys(fields);
  if (changed.length > 0) await updateOrder(ctx.trx, order.id, fields, ctx.at);
  // The carrier is one of the things complaints share (R001-15: incidents by carrier).
  if (update.tracking.company !== null) await setOrderCarrier(ctx.trx, order.id, update.tracking.company);
  return { outcome: 'processed', ...base, orderId: order.id, number: order.number, changed };
}

async function fieldsFor(
  ctx: DeliveryContext,
  update: ShopifyParcelUpdate,
  order: Pick<OrderRecord, 'id' | 'fulfillment' | 'shippedAt' | 'deliveredAt' | 'failedDeliveries' | 'labelCreatedAt' | 'lastCarrierScanAt'>,
): Promise<OrderFields> {
  const fields: OrderFields = {};
  // R003-05 "Label Created, 5+ Days": the label's time is the earliest reported, the last scan the
  // latest, so events arriving out of order leave the same facts.
  if (update.progress?.kind === 'label_created') {
    const labelCreatedAt = earliest(order.labelCreatedAt, update.progress.at);
    if (labelCreatedAt !== order.labelCreatedAt) fields.labelCreatedAt = labelCreatedAt;
  } else if (update.progress?.kind === 'carrier_movement') {
    const last = order.lastCarrierScanAt;
    if (last === null || Date.parse(update.progress.at) > Date.parse(last)) fields.lastCarrierScanAt = update.progress.at;
  }
  switch (update.effect) {
    case 'shipped': {
      const state = advanceFulfillment(order.fulfillment, 'shipped');
      if (state !== undefined) fields.fulfillment = state;
      // Out-of-order events: the shipment time is the earliest one reported.
      const shippedAt = earliest(order.shippedAt, update.at);
      if (shippedAt !== order.shippedAt) fields.shippedAt = shippedAt;
      break;
    }
    case 'delivered': {
      const state = advanceFulfillment(order.fulfillment, 'delivered');
      if (state !== undefined) fields.fulfillment = state;
      if (order.deliveredAt === null && update.at !== null) fields.deliveredAt = update.at;
      break;
    }
    case 'failed_attempt': {
      if (update.eventId === null) break;
      const eventRef = shopifyRef('fulfillment_event', update.eventId);
      if (await claimIntegrationRef(ctx.trx, eventRef, ctx.at)) {
        await setIntegrationRef(ctx.trx, eventRef, order.id, ctx.at);
        fields.failedDeliveries = order.failedDeliveries + 1;
      }
      break;
    }
    case null:
      break;
  }
  return fields;
}
