import { mapShopifyRefund } from '../../integrations/shopify/shopify-returns.mapper.js';
import { claimIntegrationRef } from '../../store/repositories/webhook-delivery.repository.js';
import { shopifyRef, type DeliveryContext } from './delivery-context.js';
import { findShopifyOrder, noteOnOpenCases } from './shopify-order-links.js';

/**
 * refunds/create: the refund as mapped for the RMA work (lines, quantities, transactions), stored in
 * the delivery's result, and noted on the order's open cases so the agent sees money went back.
 */
export async function recordShopifyRefund(ctx: DeliveryContext, payload: unknown): Promise<Record<string, unknown>> {
  const refund = mapShopifyRefund(payload);
  const order = await findShopifyOrder(ctx.trx, refund.orderId);
  const refunded = refund.transactions.filter((t) => t.kind === 'refund' && t.status === 'success').map((t) => t.amount);
  let notedCases: number[] = [];
  if (order && (await claimIntegrationRef(ctx.trx, shopifyRef('refund', refund.refundId), ctx.at))) {
    const units = refund.lines.reduce((n, l) => n + l.quantity, 0);
    const text = [
      `Shopify refund ${refund.refundId} on order ${order.number}`,
      refunded.length > 0 ? `refunded ${refunded.join(' + ')}${refund.currency ? ` ${refund.currency}` : ''}` : null,
      units > 0 ? `${units} unit(s)${refund.restock ? ', restocked' : ''}` : null,
      refund.note ? `note: ${refund.note}` : null,
    ].filter((p) => p !== null).join('; ');
    notedCases = await noteOnOpenCases(ctx, order.id, text, { refundId: refund.refundId });
  }
  return { outcome: 'processed', orderId: order?.id ?? null, notedCases, refund };
}
