import { invalidInput } from '../../domain/errors.js';
import { isKnownCurrency } from '../../domain/money/currency.js';
import { minorToDecimal } from '../../domain/money/decimal.js';
import { mulDivHalfUp } from '../../domain/money/rounding.js';
import type { ReturnCondition, ReturnReason } from '../../domain/returns/return-vocabulary.js';
import { count, instantText, lineItemInfo, minor, moneyText, object, readId, sumMinor, text, unwrap, type Raw } from './shopify-return-reading.js';

// A Shopify order → the `order` section of Ladder's return-quote request (returns-quote.md).
// Callers MUST parse bodies with parseJsonLossless (see shopify-return-reading.ts).

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
