import { createHash } from 'node:crypto';
import { findOrderById } from '../../store/repositories/order.repository.js';
import { claimIntegrationRef, findIntegrationRef, setIntegrationRef } from '../../store/repositories/webhook-delivery.repository.js';
import { mapShopifyReturnWebhook } from '../../integrations/shopify/shopify-returns.mapper.js';
import { mapShopifyReturnUpdate } from '../../integrations/shopify/shopify-return-update.mapper.js';
import { shopifyRef, type DeliveryContext } from './delivery-context.js';
import { noteOnOpenCases } from './shopify-order-links.js';
import { claimAndLockIntegrationRef } from '../../store/repositories/webhook-delivery-batch.repository.js';
import { insertParkedShopifyReturn } from '../../store/repositories/parked-shopify-return.repository.js';
import { applyShopifyReturnEvent, returnEventOf } from './shopify-return-rma.js';
import { applyDeliveriesWaitingForReturn } from './apply-parked-shopify-returns.js';

/**
 * returns/*: the return opens or moves its RMA (shopify-return-rma.ts), is kept as mapped in the
 * delivery's result, and is noted on the order's open cases. The return id is mapped to the order so
 * returns/update and reverse deliveries, which name no order, find it.
 * A return whose order the desk has not seen yet is parked: the order's own webhook applies it
 * (apply-parked-shopify-returns.ts). The order's mapping row is locked first, so a return and its
 * order arriving at once are applied in either order, never lost between them.
 */
export async function recordShopifyReturn(ctx: DeliveryContext, payload: unknown): Promise<Record<string, unknown>> {
  if (ctx.topic === 'returns/update') return recordReturnUpdate(ctx, payload);
  const ret = mapShopifyReturnWebhook(ctx.topic, payload);
  const mappedOrderId = await claimAndLockIntegrationRef(ctx.trx, shopifyRef('order', ret.orderId), ctx.at);
  const order = mappedOrderId === null ? undefined : await findOrderById(ctx.trx, mappedOrderId);
  if (!order && ctx.deliveryId !== undefined) {
    const parked = await insertParkedShopifyReturn(ctx.trx, { deliveryId: ctx.deliveryId, topic: ctx.topic, shopifyOrderId: ret.orderId, returnId: ret.returnId, parkedAt: ctx.at });
    return { outcome: 'processed', orderId: null, parked, waitingForOrder: ret.orderId, return: ret };
  }
  let notedCases: number[] = [];
  if (order) await setIntegrationRef(ctx.trx, shopifyRef('return', ret.returnId), order.id, ctx.at);
  const rma = await applyShopifyReturnEvent(ctx, order, returnEventOf(ret));
  // One note per status of a return, however often Shopify reports it.
  if (order && (await claimIntegrationRef(ctx.trx, shopifyRef('return_status', `${ret.returnId}:${ret.status}`), ctx.at))) {
    const units = ret.lines.reduce((n, l) => n + l.quantity, 0);
    const text = [
      `Shopify return ${ret.name ?? ret.returnId} on order ${order.number}: ${ret.status}`,
      units > 0 ? `${units} unit(s)` : null,
      ret.decline ? `declined: ${ret.decline.reason}${ret.decline.note ? ` (${ret.decline.note})` : ''}` : null,
    ].filter((p) => p !== null).join('; ');
    notedCases = await noteOnOpenCases(ctx, order.id, text, { returnId: ret.returnId, rmaAction: ret.rmaAction });
  }
  const released = order && !ctx.replayingParked ? await applyDeliveriesWaitingForReturn(ctx, ret.returnId) : [];
  return { outcome: 'processed', orderId: order?.id ?? null, notedCases, rma, return: ret, ...(released.length > 0 ? { released } : {}) };
}

async function recordReturnUpdate(ctx: DeliveryContext, payload: unknown): Promise<Record<string, unknown>> {
  const update = mapShopifyReturnUpdate(payload);
  const orderId = await findIntegrationRef(ctx.trx, shopifyRef('return', update.returnId));
  const order = typeof orderId === 'number' ? await findOrderById(ctx.trx, orderId) : undefined;
  if (!order && ctx.deliveryId !== undefined) {
    // The return is not mapped to an order yet: wait for it (apply-parked-shopify-returns.ts).
    const parked = await insertParkedShopifyReturn(ctx.trx, { deliveryId: ctx.deliveryId, topic: ctx.topic, shopifyOrderId: null, returnId: update.returnId, parkedAt: ctx.at });
    return { outcome: 'processed', orderId: null, parked, waitingForReturn: update.returnId, returnUpdate: update };
  }
  let notedCases: number[] = [];
  // The diff has no id of its own: its content identifies it.
  const fingerprint = createHash('sha256').update(JSON.stringify(update)).digest('hex').slice(0, 32);
  if (order && (await claimIntegrationRef(ctx.trx, shopifyRef('return_status', `${update.returnId}:update:${fingerprint}`), ctx.at))) {
    const removed = update.removedLines.reduce((n, l) => n + (l.delta ?? 0), 0);
    const text = `Shopify return ${update.returnId} on order ${order.number} was changed${removed > 0 ? `: ${removed} unit(s) removed` : ''}`;
    notedCases = await noteOnOpenCases(ctx, order.id, text, { returnId: update.returnId });
  }
  return { outcome: 'processed', orderId: order?.id ?? null, notedCases, returnUpdate: update };
}
