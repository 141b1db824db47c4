import { lockOrderForReturn, type RmaRecord } from '../../store/repositories/rma.repository.js';
import type { OrderRecord } from '../../store/repositories/order.repository.js';
import { DomainError } from '../../domain/errors.js';
import { quoteReturn } from '../../domain/returns/quote-return.js';
import { parseReturnRequest } from '../../domain/returns/return-request.js';
import type { ReturnItemInput, ShopifyReturnRecord } from '../../integrations/shopify/shopify-returns.mapper.js';
import { createRequestedRma } from '../returns/create-requested-rma.js';
import { loadReturnsSettings } from '../returns/returns-settings.js';
import type { DeliveryContext } from './delivery-context.js';
import { findShopifyOrderLines } from './shopify-order-lines.js';

export type OpenedRma = { ok: true; rma: RmaRecord; assumptions: string[] } | { ok: false; problem: string };

/**
 * A Shopify return as an RMA in `requested` (R004-05): its lines matched to the order's lines by
 * line item id, reasons and conditions mapped (shopify-returns.mapper.ts), quoted under the policy in
 * force like a return an agent requests. Identity is not asked (R004-02): the customer is signed in
 * to Shopify, or staff there opened the return. Anything the desk cannot tell from the payload comes
 * back as a problem for an agent, never as a guess.
 */
export async function openShopifyRma(ctx: DeliveryContext, ret: ShopifyReturnRecord, order: OrderRecord, caseId: number): Promise<OpenedRma> {
  const lines = await findShopifyOrderLines(ctx.trx, order.id);
  if (!lines) return { ok: false, problem: 'the order\'s lines are unknown (no Shopify order webhook with line items was received)' };
  if (ret.lines.length === 0) {
    return { ok: false, problem: `Shopify counts ${ret.lineCount} return line(s) but sent none: ask the customer which items and why (R004-02)` };
  }
  const items: ReturnItemInput[] = [];
  const unresolved: string[] = [];
  for (const line of ret.lines) {
    const sku = line.lineItemId === null ? undefined : lines.skuByLineItemId[line.lineItemId];
    if (sku === undefined) unresolved.push(`return line ${line.id}: line item ${line.lineItemId ?? '(none)'} is not on the order`);
    else if (line.reason === null) unresolved.push(`return line ${line.id} (${sku}): reason ${line.shopifyReason ?? 'missing'}, ask the customer (R004-02)`);
    else items.push({ sku, quantity: line.quantity, reason: line.reason, condition: line.condition });
  }
  if (unresolved.length > 0) return { ok: false, problem: unresolved.join('; ') };

  const now = new Date(ctx.at);
  const assumptions: string[] = [];
  // Without a recorded delivery the window is counted from today: Shopify has already accepted the request.
  const deliveredAt = order.deliveredAt ?? ctx.at;
  if (order.deliveredAt === null) assumptions.push('no delivery recorded: the return window is counted from today');
  if (ret.lines.some((l) => l.condition === 'opened')) assumptions.push('condition not sent by Shopify: taken as opened until inspection');
  const settings = await loadReturnsSettings(ctx.store);
  await lockOrderForReturn(ctx.trx, order.id, ctx.store.dialect);
  try {
    const request = parseReturnRequest({
      order: { ...lines.order, number: order.number, placedAt: order.placedAt ?? lines.order.placedAt, deliveredAt },
      items,
    }, { now });
    const quote = quoteReturn(request, settings.returnPolicy);
    const notes = ret.lines.map((l) => l.note).filter((n): n is string => n !== null);
    const rma = await createRequestedRma(ctx.trx, {
      order, request, quote, caseId, actorId: null, via: 'shopify', now, settings,
      note: notes.length > 0 ? notes.join(' / ').slice(0, 2000) : null,
      data: { shopifyReturnId: ret.returnId, ...(ret.name ? { shopifyReturn: ret.name } : {}), ...(assumptions.length > 0 ? { assumptions } : {}) },
    });
    return { ok: true, rma, assumptions };
  } catch (err) {
    // Checked before anything is written (units already in another RMA, a line the policy cannot
    // read): the delivery's transaction is intact, and an agent is told why.
    if (err instanceof DomainError) return { ok: false, problem: err.message };
    throw err;
  }
}
