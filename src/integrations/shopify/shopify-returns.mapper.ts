import { invalidInput } from '../../domain/errors.js';
import { isKnownCurrency } from '../../domain/money/currency.js';
import { decimalToMinor, minorToDecimal } from '../../domain/money/decimal.js';
import { mulDivHalfUp } from '../../domain/money/rounding.js';
import type { RmaEvent } from '../../domain/returns/rma.js';
import type { ReturnCondition, ReturnReason } from '../../domain/returns/return-vocabulary.js';
import { parseInstant } from '../../domain/returns/utc-day.js';

// Shopify order, refund and return payloads → Ladder's return-quote request (returns-quote.md) and
// RMA data. Shopify ids are 64-bit: callers MUST parse bodies with parseJsonLossless
// (src/domain/money/lossless-json.ts), which keeps unsafe integers as strings. Here an id is read
// from the exact `admin_graphql_api_id` ("gid://shopify/Refund/890088186047892319") when present,
// else from `id` as a string or safe integer; a number past 2^53 is refused, never rounded.
// Money is read from decimal strings only (`*_set.shop_money.amount`, `price`): Shopify also sends
// floats such as `"subtotal": 89.99`, which are ignored. Amounts stay in the shop currency.

type Raw = Record<string, unknown>;

/** The request's `order` section, as JSON (decimal strings), ready for parseReturnRequest. */
export interface ReturnOrderInput {
  number: string;
  currency: string;
  placedAt: string;
  deliveredAt: string;
  shipping: string;
  items: { sku: string; productCategory: string; unitPrice: string; quantity: number; tax: string; discount: string }[];
}

/** One entry of the request's `items`, as JSON. */
export interface ReturnItemInput {
  sku: string;
  quantity: number;
  reason: ReturnReason;
  condition: ReturnCondition;
}

export interface ShopifyLineItemInfo {
  lineItemId: string;
  sku: string | null;
  productId: string | null;
  title: string | null;
  giftCard: boolean;
}

export interface ShopifyOrderMapOptions {
  /** Shopify orders do not carry the delivery instant; it comes from fulfillment events or the carrier. */
  deliveredAt: string;
  /** Product category for the return policy; default `gift_card` for gift cards, else `general`. */
  categoryOf?: (item: ShopifyLineItemInfo) => string;
  /** The store's own order number; default the Shopify `name` ("#1001"). */
  orderNumber?: string;
}

export interface MappedShopifyOrder {
  orderId: string;
  order: ReturnOrderInput;
  /** Line item id → the `sku` key used in the request (unique even when Shopify repeats or omits a SKU). */
  skuByLineItemId: Record<string, string>;
}

export function shopifyOrderToReturnOrder(payload: unknown, options: ShopifyOrderMapOptions): MappedShopifyOrder {
  const order = unwrap(payload, 'order');
  const currency = text(order.currency, 'order.currency');
  if (!isKnownCurrency(currency)) throw invalidInput('order.currency', `unknown currency "${currency}"`);
  const rawItems = Array.isArray(order.line_items) ? (order.line_items as unknown[]) : [];
  if (rawItems.length === 0) throw invalidInput('order.line_items', 'expected at least one line item');

  const skuByLineItemId: Record<string, string> = {};
  const usedSkus = new Set<string>();
  const lines = rawItems.map((raw, i) => {
    const item = object(raw, `order.line_items[${i}]`);
    const info = lineItemInfo(item, `order.line_items[${i}]`);
    let key = info.sku ?? `LINE-${info.lineItemId}`;
    if (usedSkus.has(key)) key = `${key}#${info.lineItemId}`;
    usedSkus.add(key);
    skuByLineItemId[info.lineItemId] = key;
    const quantity = count(item.quantity, `order.line_items[${i}].quantity`, 1);
    const unitPrice = minor(moneyText(item.price_set, item.price), currency, `order.line_items[${i}].price`);
    const discount = sumMinor(
      Array.isArray(item.discount_allocations) && item.discount_allocations.length > 0
        ? (item.discount_allocations as Raw[]).map((d) => moneyText(d.amount_set, d.amount))
        : [moneyText(item.total_discount_set, item.total_discount) ?? '0'],
      currency,
      `order.line_items[${i}].discount_allocations`,
    );
    const taxLines = Array.isArray(item.tax_lines) ? (item.tax_lines as Raw[]) : [];
    const tax = taxLines.length > 0
      ? sumMinor(taxLines.map((t) => moneyText(t.price_set, t.price)), currency, `order.line_items[${i}].tax_lines`)
      : undefined;
    const category = options.categoryOf?.(info) ?? (info.giftCard ? 'gift_card' : 'general');
    return { key, category, unitPrice, quantity, discount, tax };
  });

  // Old payloads put tax only on the order; spread it over the lines by their value, rounding
  // cumulatively so the line taxes add up to the order's tax exactly.
  const orderTax = minor(moneyText(order.total_tax_set, order.total_tax) ?? '0', currency, 'order.total_tax');
  const weights = lines.map((l) => l.unitPrice * l.quantity - l.discount);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const taxOnLines = lines.some((l) => l.tax !== undefined);
  let cumulative = 0;
  const taxes = lines.map((line, i) => {
    if (taxOnLines || totalWeight === 0) return line.tax ?? 0;
    const before = mulDivHalfUp(orderTax, cumulative, totalWeight);
    cumulative += weights[i] ?? 0;
    return mulDivHalfUp(orderTax, cumulative, totalWeight) - before;
  });

  const shippingLines = Array.isArray(order.shipping_lines) ? (order.shipping_lines as Raw[]) : [];
  const shipping = sumMinor(
    shippingLines.map((s) => moneyText(s.discounted_price_set, s.discounted_price) ?? moneyText(s.price_set, s.price)),
    currency,
    'order.shipping_lines',
  );

  return {
    orderId: readId(order.id, order.admin_graphql_api_id, 'order.id'),
    order: {
      number: options.orderNumber ?? (typeof order.name === 'string' ? order.name : String(order.order_number ?? '')),
      currency,
      placedAt: instantText(order.created_at, 'order.created_at'),
      deliveredAt: instantText(options.deliveredAt, 'deliveredAt'),
      shipping: minorToDecimal(shipping, currency),
      items: lines.map((line, i) => ({
        sku: line.key,
        productCategory: line.category,
        unitPrice: minorToDecimal(line.unitPrice, currency),
        quantity: line.quantity,
        tax: minorToDecimal(taxes[i] ?? 0, currency),
        // With tax-inclusive prices (EU stores) the tax is inside `price`; counting it as part of the
        // discount makes amount + tax come back to exactly what the customer paid.
        discount: minorToDecimal(line.discount + (order.taxes_included === true ? (taxes[i] ?? 0) : 0), currency),
      })),
    },
    skuByLineItemId,
  };
}

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
    return {
      id: readId(line.id, line.admin_graphql_api_id, `${path}.id`),
      lineItemId: lineItem.id === undefined && lineItem.admin_graphql_api_id === undefined
        ? null
        : readId(lineItem.id, lineItem.admin_graphql_api_id, `${path}.fulfillment_line_item.line_item.id`),
      quantity,
      reason: shopifyReason === null ? null : (REASON_BY_SHOPIFY[shopifyReason] ?? null),
      shopifyReason,
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

// ---- reading helpers ----

function unwrap(payload: unknown, root: string): Raw {
  const value = object(payload, root);
  return value[root] === undefined ? value : object(value[root], root);
}

function object(value: unknown, path: string): Raw {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidInput(path, 'expected an object');
  return value as Raw;
}

/** A nested object, or an empty one when absent: optional parts of a payload. */
function child(value: unknown): Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : {};
}

function count(value: unknown, path: string, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw invalidInput(path, `expected a whole number of at least ${min}`);
  }
  return value;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '') throw invalidInput(path, 'expected a string');
  return value;
}

/**
 * An exact id as a string. Shopify's own documentation examples were serialised through a double,
 * so their numeric ids are already rounded ("id": 890088186047892400 beside
 * "gid://shopify/Refund/890088186047892319"); the gid is the trustworthy one.
 */
export function readId(value: unknown, gid: unknown, path: string): string {
  if (typeof gid === 'string') {
    const match = /^gid:\/\/shopify\/[A-Za-z]+\/(\d+)(?:\?.*)?$/.exec(gid);
    if (match?.[1]) return match[1];
  }
  if (typeof value === 'string' && /^\d+$/.test(value)) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === 'number') {
    throw invalidInput(path, 'id is past 2^53 and has lost digits: parse the body with parseJsonLossless, not JSON.parse');
  }
  throw invalidInput(path, 'expected an id');
}

/** The decimal string of a `*_set` (shop money) or of a plain string field; never of a float. */
export function moneyText(set: unknown, plain: unknown): string | undefined {
  const amount = child(child(set).shop_money).amount;
  if (typeof amount === 'string') return amount;
  return typeof plain === 'string' ? plain : undefined;
}

function currencyOf(set: unknown): string | null {
  const code = child(child(set).shop_money).currency_code;
  return typeof code === 'string' && isKnownCurrency(code) ? code : null;
}

function minor(amount: string | undefined, currency: string, path: string): number {
  if (amount === undefined) throw invalidInput(path, 'expected a decimal string amount');
  // Shopify writes "10.0" and sometimes more places than the currency has; round those half up.
  const parsed = decimalToMinor(amount, currency, { roundHalfUp: true });
  if (!parsed.ok) throw invalidInput(path, `not a usable ${currency} amount: "${amount}"`);
  return parsed.minor;
}

function sumMinor(amounts: (string | undefined)[], currency: string, path: string): number {
  return amounts.reduce((total: number, amount, i) => total + minor(amount, currency, `${path}[${i}]`), 0);
}

function instantText(value: unknown, path: string): string {
  const parsed = typeof value === 'string' ? parseInstant(value) : undefined;
  if (!parsed) throw invalidInput(path, 'expected an ISO 8601 date-time');
  return parsed.toISOString();
}

function lineItemInfo(item: Raw, path: string): ShopifyLineItemInfo {
  return {
    lineItemId: readId(item.id, item.admin_graphql_api_id, `${path}.id`),
    sku: typeof item.sku === 'string' && item.sku.trim() !== '' ? item.sku.trim() : null,
    productId: item.product_id === null || item.product_id === undefined ? null : readId(item.product_id, undefined, `${path}.product_id`),
    title: typeof item.title === 'string' ? item.title : null,
    giftCard: item.gift_card === true,
  };
}
