import { invalidInput } from '../../domain/errors.js';
import type { FulfillmentState, Storefront } from '../../domain/policy/vocabulary.js';
import { mapShopifyCustomer, type ShopifyCustomerRecord } from './shopify-customer.mapper.js';
import {
  asObject, child, moneyText, optionalCurrency, optionalInstant, optionalMinor, optionalText, shopifyId, type Warnings,
} from './shopify-payload.js';

// orders/create, orders/updated, orders/cancelled (and the other topics whose body is an order:
// fulfilled, partially_fulfilled, paid) → the order Ladder keeps for SLAs and case facts.

export interface ShopifyOrderRecord {
  shopifyOrderId: string;
  /** The store's order number as customers quote it: `name` ("#1001"), else `order_number`. */
  number: string;
  currency: string | null;
  totalMinor: number | null;
  placedAt: string | null;
  /** null: the payload says nothing Ladder's fulfilment states can express (e.g. "restocked"). */
  fulfillment: FulfillmentState | null;
  /** The first successful fulfilment's creation: when the order left the warehouse. */
  shippedAt: string | null;
  storefront: Storefront | null;
  cancelledAt: string | null;
  financialStatus: string | null;
  customer: ShopifyCustomerRecord | null;
  warnings: Warnings;
}

/**
 * Shopify's order-level fulfillment_status → Ladder's ("pending" is older API versions' word for
 * none yet). "partial" stays unfulfilled: part of the order has not left, so the processing SLA
 * (R003-02) must keep running for it.
 */
function fulfillmentOf(status: unknown): FulfillmentState | null {
  if (status === null || status === undefined || status === 'unfulfilled' || status === 'pending' || status === 'partial') return 'unfulfilled';
  if (status === 'fulfilled') return 'shipped';
  return null;
}

/** Where the order was placed: Shopify's `source_name` "web" is the web store, "pos" a shop counter. */
function storefrontOf(sourceName: unknown): Storefront | null {
  if (sourceName === 'web') return 'web';
  if (sourceName === 'pos') return 'retail';
  return null;
}

function orderNumber(order: Record<string, unknown>): string {
  const name = optionalText(order.name, 100);
  if (name !== null) return name;
  const n = order.order_number;
  if ((typeof n === 'number' && Number.isSafeInteger(n)) || (typeof n === 'string' && /^\d{1,20}$/.test(n))) return String(n);
  throw invalidInput('name', 'expected the order name or order_number');
}

function firstShipment(fulfillments: unknown, warnings: Warnings): string | null {
  if (!Array.isArray(fulfillments)) return null;
  let earliest: string | null = null;
  fulfillments.forEach((raw, i) => {
    const f = child(raw);
    if (f.status !== 'success') return;
    const at = optionalInstant(f.created_at, `fulfillments[${i}].created_at`, warnings);
    if (at !== null && (earliest === null || at < earliest)) earliest = at;
  });
  return earliest;
}

export function mapShopifyOrder(payload: unknown): ShopifyOrderRecord {
  const order = asObject(payload, 'order');
  const warnings: Warnings = [];
  const shopifyOrderId = shopifyId(order.id, order.admin_graphql_api_id, 'id');
  const currency = optionalCurrency(order.currency, 'currency', warnings);
  const fulfillment = fulfillmentOf(order.fulfillment_status);
  let customer: ShopifyCustomerRecord | null = null;
  if (order.customer !== undefined && order.customer !== null) {
    try {
      customer = mapShopifyCustomer(order.customer, 'customer');
    } catch (err) {
      warnings.push(`customer: ${(err as Error).message}, left out`);
    }
  }
  return {
    shopifyOrderId,
    number: orderNumber(order),
    currency,
    totalMinor: optionalMinor(moneyText(order.total_price_set, order.total_price) ?? order.total_price, currency, 'total_price', warnings),
    placedAt: optionalInstant(order.created_at, 'created_at', warnings),
    fulfillment,
    shippedAt: fulfillment === 'shipped' ? firstShipment(order.fulfillments, warnings) : null,
    storefront: storefrontOf(order.source_name),
    cancelledAt: optionalInstant(order.cancelled_at, 'cancelled_at', warnings),
    financialStatus: optionalText(order.financial_status, 40),
    customer,
    warnings,
  };
}
