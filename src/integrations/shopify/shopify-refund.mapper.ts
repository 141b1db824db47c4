import { invalidInput } from '../../domain/errors.js';
import { isKnownCurrency } from '../../domain/money/currency.js';
import type { ReturnCondition, ReturnReason } from '../../domain/returns/return-vocabulary.js';
import type { ReturnItemInput } from './shopify-return-order.mapper.js';
import { child, count, currencyOf, instantText, moneyText, object, readId, text, unwrap } from './shopify-return-reading.js';

// A Shopify refund → what was refunded, and the quote-request items it implies.
// Callers MUST parse bodies with parseJsonLossless (see shopify-return-reading.ts).

export interface ShopifyRefundRecord {
  refundId: string;
  orderId: string;
  createdAt: string | null;
  note: string | null;
  restock: boolean;
  currency: string | null;
  lines: { refundLineItemId: string; lineItemId: string; sku: string | null; quantity: number; subtotal: string | null; tax: string | null }[];
  transactions: { id: string; kind: string; status: string; amount: string }[];
}

/** refunds/create webhook body or a REST `{ "refund": {...} }` response. */
export function mapShopifyRefund(payload: unknown): ShopifyRefundRecord {
  const refund = unwrap(payload, 'refund');
  const rawLines = Array.isArray(refund.refund_line_items) ? (refund.refund_line_items as unknown[]) : [];
  let currency: string | null = null;
  const lines = rawLines.map((raw, i) => {
    const path = `refund_line_items[${i}]`;
    const line = object(raw, path);
    const item = child(line.line_item);
    const quantity = count(line.quantity, `${path}.quantity`, 0);
    currency ??= currencyOf(line.subtotal_set);
    return {
      refundLineItemId: readId(line.id, undefined, `${path}.id`),
      lineItemId: readId(item.id ?? line.line_item_id, item.admin_graphql_api_id, `${path}.line_item_id`),
      sku: typeof item.sku === 'string' && item.sku !== '' ? item.sku : null,
      quantity,
      subtotal: moneyText(line.subtotal_set, undefined) ?? null,
      tax: moneyText(line.total_tax_set, undefined) ?? null,
    };
  });
  const transactions = (Array.isArray(refund.transactions) ? (refund.transactions as unknown[]) : []).map((raw, i) => {
    const t = object(raw, `transactions[${i}]`);
    if (currency === null && typeof t.currency === 'string' && isKnownCurrency(t.currency)) currency = t.currency;
    return {
      id: readId(t.id, t.admin_graphql_api_id, `transactions[${i}].id`),
      kind: String(t.kind ?? ''),
      status: String(t.status ?? ''),
      amount: text(t.amount, `transactions[${i}].amount`),
    };
  });
  return {
    refundId: readId(refund.id, refund.admin_graphql_api_id, 'id'),
    orderId: readId(refund.order_id, undefined, 'order_id'),
    createdAt: typeof refund.created_at === 'string' ? instantText(refund.created_at, 'created_at') : null,
    note: typeof refund.note === 'string' ? refund.note : null,
    restock: refund.restock === true,
    currency,
    lines,
    transactions,
  };
}

/** The `items` of a quote request for the units a Shopify refund covers; Shopify refunds carry no reason, so the case supplies it. */
export function returnItemsFromRefund(
  refund: ShopifyRefundRecord,
  skuByLineItemId: Readonly<Record<string, string>>,
  reason: ReturnReason,
  condition: ReturnCondition,
): ReturnItemInput[] {
  return refund.lines
    .filter((line) => line.quantity > 0)
    .map((line, i) => {
      const sku = skuByLineItemId[line.lineItemId];
      if (sku === undefined) throw invalidInput(`refund_line_items[${i}].line_item_id`, 'not in the order');
      return { sku, quantity: line.quantity, reason, condition };
    });
}
