import { DomainError } from '../../domain/errors.js';
import { shopifyOrderToReturnOrder, type ReturnOrderInput } from '../../integrations/shopify/shopify-returns.mapper.js';
import { findOrderLineSnapshot, saveOrderLineSnapshot } from '../../store/repositories/order-line-snapshot.repository.js';
import type { Executor } from '../../store/database.js';
import { SHOPIFY_SOURCE, type DeliveryContext } from './delivery-context.js';

/** An order's lines as Shopify last sent them, keyed for a return: its line item ids → request SKUs. */
export interface ShopifyOrderLines {
  order: Omit<ReturnOrderInput, 'deliveredAt'>;
  skuByLineItemId: Record<string, string>;
}

/**
 * Keeps the order's lines for the returns that may follow (issue 6 item 7). An order whose lines
 * cannot be read (no line items, an unknown currency) is still synced; it only cannot become an RMA
 * automatically, which the returned warning says.
 */
export async function saveShopifyOrderLines(ctx: DeliveryContext, orderId: number, payload: unknown): Promise<string | null> {
  const lines = shopifyOrderLinesOf(payload, ctx.at);
  if ('warning' in lines) return lines.warning;
  await saveOrderLineSnapshot(ctx.trx, { orderId, source: SHOPIFY_SOURCE, snapshot: lines.snapshot, at: ctx.at });
  return null;
}

/** The order's lines to keep, or why they cannot be kept (no I/O: a batch saves many at once). */
export function shopifyOrderLinesOf(payload: unknown, at: string): { snapshot: ShopifyOrderLines } | { warning: string } {
  let mapped;
  try {
    // The delivery instant is not in an order payload; it is read from the order row when a return comes.
    mapped = shopifyOrderToReturnOrder(payload, { deliveredAt: at });
  } catch (err) {
    if (err instanceof DomainError) return { warning: `lines not kept for returns: ${err.message}` };
    throw err;
  }
  const { deliveredAt: _unknown, ...order } = mapped.order;
  return { snapshot: { order, skuByLineItemId: mapped.skuByLineItemId } };
}

export async function findShopifyOrderLines(db: Executor, orderId: number): Promise<ShopifyOrderLines | undefined> {
  const row = await findOrderLineSnapshot(db, orderId);
  return row?.source === SHOPIFY_SOURCE ? (row.snapshot as ShopifyOrderLines) : undefined;
}
