import { invalidInput } from '../../domain/errors.js';
import { isKnownCurrency } from '../../domain/money/currency.js';
import { decimalToMinor } from '../../domain/money/decimal.js';
import { parseInstant } from '../../domain/returns/utc-day.js';
import type { ShopifyLineItemInfo } from './shopify-return-order.mapper.js';

// Reading helpers shared by the Shopify order, refund and return mappers.
// Shopify order, refund and return payloads → Ladder's return-quote request (returns-quote.md) and
// RMA data. Shopify ids are 64-bit: callers MUST parse bodies with parseJsonLossless
// (src/domain/money/lossless-json.ts), which keeps unsafe integers as strings. Here an id is read
// from the exact `admin_graphql_api_id` ("gid://shopify/Refund/890088186047892319") when present,
// else from `id` as a string or safe integer; a number past 2^53 is refused, never rounded.
// Money is read from decimal strings only (`*_set.shop_money.amount`, `price`): Shopify also sends
// floats such as `"subtotal": 89.99`, which are ignored. Amounts stay in the shop currency.

export type Raw = Record<string, unknown>;

export function unwrap(payload: unknown, root: string): Raw {
  const value = object(payload, root);
  return value[root] === undefined ? value : object(value[root], root);
}

export function object(value: unknown, path: string): Raw {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidInput(path, 'expected an object');
  return value as Raw;
}

/** A nested object, or an empty one when absent: optional parts of a payload. */
export function child(value: unknown): Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : {};
}

export function count(value: unknown, path: string, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw invalidInput(path, `expected a whole number of at least ${min}`);
  }
  return value;
}

export function text(value: unknown, path: string): string {
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

export function currencyOf(set: unknown): string | null {
  const code = child(child(set).shop_money).currency_code;
  return typeof code === 'string' && isKnownCurrency(code) ? code : null;
}

export function minor(amount: string | undefined, currency: string, path: string): number {
  if (amount === undefined) throw invalidInput(path, 'expected a decimal string amount');
  // Shopify writes "10.0" and sometimes more places than the currency has; round those half up.
  const parsed = decimalToMinor(amount, currency, { roundHalfUp: true });
  if (!parsed.ok) throw invalidInput(path, `not a usable ${currency} amount: "${amount}"`);
  return parsed.minor;
}

export function sumMinor(amounts: (string | undefined)[], currency: string, path: string): number {
  return amounts.reduce((total: number, amount, i) => total + minor(amount, currency, `${path}[${i}]`), 0);
}

export function instantText(value: unknown, path: string): string {
  const parsed = typeof value === 'string' ? parseInstant(value) : undefined;
  if (!parsed) throw invalidInput(path, 'expected an ISO 8601 date-time');
  return parsed.toISOString();
}

export function lineItemInfo(item: Raw, path: string): ShopifyLineItemInfo {
  return {
    lineItemId: readId(item.id, item.admin_graphql_api_id, `${path}.id`),
    sku: typeof item.sku === 'string' && item.sku.trim() !== '' ? item.sku.trim() : null,
    productId: item.product_id === null || item.product_id === undefined ? null : readId(item.product_id, undefined, `${path}.product_id`),
    title: typeof item.title === 'string' ? item.title : null,
    giftCard: item.gift_card === true,
  };
}
