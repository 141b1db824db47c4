import { findOrderById, findOrderByNumber, updateOrder, upsertOrder, type OrderFields, type OrderRecord } from '../../store/repositories/order.repository.js';
import { upsertCustomer } from '../../store/repositories/customer.repository.js';
import { claimIntegrationRef, setIntegrationRef } from '../../store/repositories/webhook-delivery.repository.js';
import { claimAndLockIntegrationRef } from '../../store/repositories/webhook-delivery-batch.repository.js';
import { mapShopifyOrder, type ShopifyOrderRecord } from '../../integrations/shopify/shopify-order.mapper.js';
import { saveShopifyOrderLines } from './shopify-order-lines.js';
import { shopifyRef, type DeliveryContext } from './delivery-context.js';
import { advanceFulfillment, earliest, noteOnOpenCases } from './shopify-order-links.js';
import { applyParkedShopifyReturns } from './apply-parked-shopify-returns.js';

/**
 * orders/create, orders/updated, orders/cancelled (and fulfilled, partially_fulfilled, paid, whose
 * body is the same order): create or update the Ladder order and its customer. The order's SLAs
 * (R003-02, R003-05) are computed from these fields by the order-SLA sweep.
 */
export async function syncShopifyOrder(ctx: DeliveryContext, payload: unknown): Promise<Record<string, unknown>> {
  const record = mapShopifyOrder(payload);
  const ref = shopifyRef('order', record.shopifyOrderId);
  // Claim, then lock: the first webhook of a new order creates the mapping; later ones for the
  // same order wait for it, so the read-then-write below sees every earlier change.
  const mappedId = await claimAndLockIntegrationRef(ctx.trx, ref, ctx.at);
  const existing = typeof mappedId === 'number'
    ? await findOrderById(ctx.trx, mappedId)
    : await findOrderByNumber(ctx.trx, record.number);

  const fields = shopifyOrderFields(record, existing);
  let customerId: number | null = null;
  if (record.customer) {
    customerId = (await upsertCustomer(ctx.trx, record.customer.externalId, record.customer.fields, ctx.at)).id;
    fields.customerId = customerId;
  }

  // An order the desk already knows (by mapping, or typed in by number from a case) is updated in
  // place; its number is never rewritten.
  const order = existing
    ? await updateOrder(ctx.trx, existing.id, fields, ctx.at)
    : await upsertOrder(ctx.trx, record.number, fields, ctx.at);
  if (mappedId !== order.id) await setIntegrationRef(ctx.trx, ref, order.id, ctx.at);
  const lineWarning = await saveShopifyOrderLines(ctx, order.id, payload);
  if (lineWarning !== null) record.warnings.push(lineWarning);

  // Returns that arrived before the order wait for it (R004-05: the return still gets its RMA).
  const appliedReturns = await applyParkedShopifyReturns(ctx, record.shopifyOrderId, order);
  let notedCases: number[] = [];
  if (ctx.topic === 'orders/cancelled' && record.cancelledAt !== null && (await claimIntegrationRef(ctx.trx, shopifyRef('order_cancelled', record.shopifyOrderId), ctx.at))) {
    notedCases = await noteOnOpenCases(ctx, order.id, `Order ${order.number} was cancelled in Shopify`, {
      shopifyOrderId: record.shopifyOrderId, cancelledAt: record.cancelledAt, financialStatus: record.financialStatus,
    });
  }
  return shopifyOrderResult(record, order, !existing, customerId, { notedCases, appliedReturns });
}

/** The order fields a Shopify order sets, given the order as Ladder has it (the customer aside). */
export function shopifyOrderFields(record: ShopifyOrderRecord, existing: OrderRecord | undefined): OrderFields {
  const fields: OrderFields = {};
  if (record.currency !== null && record.totalMinor !== null) {
    fields.currency = record.currency;
    fields.totalMinor = record.totalMinor;
  } else if (record.currency !== null) {
    fields.currency = record.currency;
  }
  if (record.placedAt !== null) fields.placedAt = record.placedAt;
  if (record.storefront !== null) fields.storefront = record.storefront;
  const fulfillment = advanceFulfillment(existing?.fulfillment ?? null, record.fulfillment);
  if (fulfillment !== undefined) fields.fulfillment = fulfillment;
  const shippedAt = earliest(existing?.shippedAt ?? null, record.shippedAt);
  if (shippedAt !== (existing?.shippedAt ?? null)) fields.shippedAt = shippedAt;
  return fields;
}

/** What a mapped order delivery records as its result (kept on the delivery row). */
export function shopifyOrderResult(
  record: ShopifyOrderRecord, order: OrderRecord, created: boolean, customerId: number | null,
  also: { notedCases?: number[]; appliedReturns?: string[] } = {},
): Record<string, unknown> {
  const notedCases = also.notedCases ?? [];
  const appliedReturns = also.appliedReturns ?? [];
  return {
    outcome: 'processed',
    orderId: order.id,
    number: order.number,
    shopifyOrderId: record.shopifyOrderId,
    created,
    customerId,
    fulfillment: order.fulfillment,
    ...(record.cancelledAt !== null ? { cancelledAt: record.cancelledAt } : {}),
    ...(notedCases.length > 0 ? { notedCases } : {}),
    ...(appliedReturns.length > 0 ? { appliedReturns } : {}),
    ...(record.warnings.length > 0 ? { warnings: record.warnings } : {}),
  };
}
