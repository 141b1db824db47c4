import { invalidInput } from '../../domain/errors.js';
import type { RmaEvent } from '../../domain/returns/rma.js';
import type { ReturnCondition, ReturnReason } from '../../domain/returns/return-vocabulary.js';
import type { ReturnItemInput } from './shopify-return-order.mapper.js';
import { child, count, object, readId, text } from './shopify-return-reading.js';

// Shopify returns/* webhooks → RMA data. The order and refund mappers it grew with live beside it
// (shopify-return-order.mapper.ts, shopify-refund.mapper.ts) and are re-exported from here.
// Shopify order, refund and return payloads → Ladder's return-quote request (returns-quote.md) and
// RMA data. Shopify ids are 64-bit: callers MUST parse bodies with parseJsonLossless
// (src/domain/money/lossless-json.ts), which keeps unsafe integers as strings. Here an id is read
// from the exact `admin_graphql_api_id` ("gid://shopify/Refund/890088186047892319") when present,
// else from `id` as a string or safe integer; a number past 2^53 is refused, never rounded.
// Money is read from decimal strings only (`*_set.shop_money.amount`, `price`): Shopify also sends
// floats such as `"subtotal": 89.99`, which are ignored. Amounts stay in the shop currency.

export * from './shopify-return-order.mapper.js';
export * from './shopify-refund.mapper.js';
export { moneyText, readId } from './shopify-return-reading.js';

export const SHOPIFY_RETURN_TOPICS = [
  'returns/request', 'returns/approve', 'returns/decline', 'returns/cancel',
  'returns/close', 'returns/reopen', 'returns/update', 'returns/process',
] as const;
export type ShopifyReturnTopic = (typeof SHOPIFY_RETURN_TOPICS)[number];

/**
 * What a returns/* webhook means for the RMA: `create` opens one in `requested`; approve, decline and
 * cancel are RMA events; the rest (close, reopen, update, process) only inform, because Shopify's
 * "closed" does not say whether the money went back as a refund or as store credit.
 */
const RMA_ACTION_BY_TOPIC: Readonly<Record<ShopifyReturnTopic, 'create' | RmaEvent | null>> = {
  'returns/request': 'create',
  'returns/approve': 'approve',
  'returns/decline': 'deny',
  'returns/cancel': 'cancel',
  'returns/close': null,
  'returns/reopen': null,
  'returns/update': null,
  'returns/process': null,
};

/**
 * Shopify's ReturnReason enum → ours. SIZE_* is a fit problem; STYLE, COLOR and UNWANTED are a change
 * of mind; NOT_AS_DESCRIBED goes to a lead as dissatisfaction. OTHER and UNKNOWN map to nothing: the
 * agent asks and records the reason (R004-02).
 */
const REASON_BY_SHOPIFY: Readonly<Record<string, ReturnReason | null>> = {
  DEFECTIVE: 'defective',
  WRONG_ITEM: 'wrong_item',
  SIZE_TOO_SMALL: 'did_not_fit',
  SIZE_TOO_LARGE: 'did_not_fit',
  UNWANTED: 'changed_mind',
  STYLE: 'changed_mind',
  COLOR: 'changed_mind',
  NOT_AS_DESCRIBED: 'dissatisfied',
  OTHER: null,
  UNKNOWN: null,
};

/**
 * Shopify sends no condition for a returned line. A defect is reported as one; anything else is
 * taken as opened — still returnable under R004-03 and, for electronics, the restocking fee
 * (R004-06) — until inspection records the condition found (R001-08).
 */
export function conditionOfShopifyReason(reason: ReturnReason | null): ReturnCondition {
  return reason === 'defective' ? 'defective' : 'opened';
}

export interface ShopifyReturnRecord {
  topic: ShopifyReturnTopic;
  rmaAction: 'create' | RmaEvent | null;
  returnId: string;
  orderId: string;
  status: string;
  name: string | null;
  lineCount: number;
  lines: {
    id: string;
    lineItemId: string | null;
    quantity: number;
    reason: ReturnReason | null;
    shopifyReason: string | null;
    condition: ReturnCondition;
    note: string | null;
  }[];
  returnShippingFees: { id: string; amount: string; currency: string }[];
  exchangeLineCount: number;
  decline: { reason: string; note: string } | null;
}

export function mapShopifyReturnWebhook(topic: string, payload: unknown): ShopifyReturnRecord {
  if (!(SHOPIFY_RETURN_TOPICS as readonly string[]).includes(topic)) {
    throw invalidInput('topic', `not a returns topic: ${JSON.stringify(topic)}`);
  }
  const body = object(payload, 'return');
  // returns/cancel carries a bare `order_id`; the other topics an `order` object.
  const order = body.order === undefined || body.order === null ? { id: body.order_id } : child(body.order);
  const lines = (Array.isArray(body.return_line_items) ? (body.return_line_items as unknown[]) : []).map((raw, i) => {
    const path = `return_line_items[${i}]`;
    const line = object(raw, path);
    const lineItem = child(child(line.fulfillment_line_item).line_item);
    const quantity = count(line.quantity, `${path}.quantity`, 1);
    const shopifyReason = typeof line.return_reason === 'string' ? line.return_reason.toUpperCase() : null;
    const reason = shopifyReason === null ? null : (REASON_BY_SHOPIFY[shopifyReason] ?? null);
    return {
      id: readId(line.id, line.admin_graphql_api_id, `${path}.id`),
      lineItemId: lineItem.id === undefined && lineItem.admin_graphql_api_id === undefined
        ? null
        : readId(lineItem.id, lineItem.admin_graphql_api_id, `${path}.fulfillment_line_item.line_item.id`),
      quantity,
      reason,
      shopifyReason,
      condition: conditionOfShopifyReason(reason),
      note: [line.return_reason_note, line.customer_note].filter((n) => typeof n === 'string' && n !== '').join(' / ') || null,
    };
  });
  const fees = (Array.isArray(body.return_shipping_fees) ? (body.return_shipping_fees as unknown[]) : []).map((raw, i) => {
    const fee = object(raw, `return_shipping_fees[${i}]`);
    const shop = child(child(fee.price).shop_money);
    // Kept as text: Shopify's example uses the currency "XXX" (ISO "no currency"), which has no minor unit.
    return {
      id: readId(fee.id, fee.admin_graphql_api_id, `return_shipping_fees[${i}].id`),
      amount: text(shop.amount, `return_shipping_fees[${i}].price.shop_money.amount`),
      currency: text(shop.currency_code, `return_shipping_fees[${i}].price.shop_money.currency_code`),
    };
  });
  const decline = body.decline === undefined || body.decline === null ? undefined : child(body.decline);
  return {
    topic: topic as ShopifyReturnTopic,
    rmaAction: RMA_ACTION_BY_TOPIC[topic as ShopifyReturnTopic],
    returnId: readId(body.id, body.admin_graphql_api_id, 'id'),
    orderId: readId(order.id, order.admin_graphql_api_id, 'order.id'),
    status: text(body.status, 'status'),
    name: typeof body.name === 'string' ? body.name : null,
    lineCount: typeof body.total_return_line_items === 'number' ? body.total_return_line_items : lines.length,
    lines,
    returnShippingFees: fees,
    exchangeLineCount: typeof body.total_exchange_line_items === 'number' ? body.total_exchange_line_items : 0,
    decline: decline ? { reason: String(decline.reason ?? ''), note: String(decline.note ?? '') } : null,
  };
}

/**
 * Quote-request `items` for a Shopify return. Lines whose reason Shopify could not tell us (OTHER,
 * UNKNOWN) or whose line item is not in the order come back in `unresolved` for an agent.
 */
export function returnItemsFromShopifyReturn(
  record: ShopifyReturnRecord,
  skuByLineItemId: Readonly<Record<string, string>>,
  condition: ReturnCondition,
): {
  items: ReturnItemInput[];
  unresolved: { returnLineItemId: string; problem: string }[];
} {
  const items: ReturnItemInput[] = [];
  const unresolved: { returnLineItemId: string; problem: string }[] = [];
  for (const line of record.lines) {
    const sku = line.lineItemId === null ? undefined : skuByLineItemId[line.lineItemId];
    if (sku === undefined) unresolved.push({ returnLineItemId: line.id, problem: 'line item not in the order' });
    else if (line.reason === null) unresolved.push({ returnLineItemId: line.id, problem: `reason ${line.shopifyReason ?? 'missing'}: ask the customer` });
    else items.push({ sku, quantity: line.quantity, reason: line.reason, condition });
  }
  return { items, unresolved };
}
