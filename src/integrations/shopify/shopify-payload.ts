import { invalidInput } from '../../domain/errors.js';
import { isKnownCurrency } from '../../domain/money/currency.js';
import { decimalToMinor } from '../../domain/money/decimal.js';
import { parseInstant } from '../../domain/returns/utc-day.js';

// Reading helpers shared by the webhook mappers. A payload is refused (invalid_input) only when the
// identity of what it describes is missing; any other unusable field (a currency Ladder does not
// know, a malformed date, a float where a decimal string belongs) is left out and reported as a
// warning, because losing a whole order over its total would hide the order from the desk.
//
// Bodies MUST be parsed with parseJsonLossless, which keeps integers past 2^53 as digit strings.

export type Raw = Record<string, unknown>;

/** Collects the fields a mapper had to leave out, for the delivery's stored result. */
export type Warnings = string[];

export function asObject(value: unknown, path: string): Raw {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidInput(path, 'expected an object');
  return value as Raw;
}

/** A nested object, or an empty one when absent: optional parts of a payload. */
export function child(value: unknown): Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : {};
}

const DIGITS = /^\d{1,20}$/;
const GID = /^gid:\/\/shopify\/[A-Za-z]+\/(\d{1,20})(?:\?.*)?$/;

/**
 * A Shopify id as exact decimal digits, or null. The bare `id` comes first: cross-references in other
 * topics (`order_id` on a dispute, a fulfillment event, a refund) are bare numbers, so the bare form
 * is the one every topic can be matched on. (Shopify's documentation examples were rounded through a
 * double, so there `id` and the gid differ in the last digits; in real payloads they agree.) The gid
 * is the fallback for bodies that carry only it. A number that already lost digits is refused.
 */
export function optionalShopifyId(value: unknown, gid: unknown, path: string): string | null {
  if (typeof value === 'string' && DIGITS.test(value)) return value;
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value >= 0) return String(value);
    throw invalidInput(path, 'id is past 2^53 and has lost digits: parse the body with parseJsonLossless, not JSON.parse');
  }
  if (typeof gid === 'string') {
    const match = GID.exec(gid);
    if (match?.[1]) return match[1];
  }
  return null;
}

export function shopifyId(value: unknown, gid: unknown, path: string): string {
  const id = optionalShopifyId(value, gid, path);
  if (id === null) throw invalidInput(path, 'expected a Shopify id');
  return id;
}

/** A trimmed non-empty string, or null. */
export function optionalText(value: unknown, max = 300): string | null {
  if (typeof value !== 'string') return null;
  const t = value.trim();
  return t === '' ? null : t.slice(0, max);
}

/** A UTC ISO instant (Shopify sends local offsets: "2021-12-31T19:00:00-05:00"), or null. */
export function optionalInstant(value: unknown, path: string, warnings: Warnings): string | null {
  if (value === undefined || value === null || value === '') return null;
  const parsed = typeof value === 'string' ? parseInstant(value) : undefined;
  if (!parsed) {
    warnings.push(`${path}: not a date-time, left out`);
    return null;
  }
  return parsed.toISOString();
}

/** An ISO 4217 code Ladder knows, upper-cased, or null. */
export function optionalCurrency(value: unknown, path: string, warnings: Warnings): string | null {
  if (value === undefined || value === null) return null;
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!isKnownCurrency(code)) {
    warnings.push(`${path}: unknown currency, left out`);
    return null;
  }
  return code;
}

/**
 * Minor units of a decimal string in `currency`. Shopify writes "10.0" and sometimes more places than
 * the currency has; those round half up. Numbers (floats) are refused: money arrives as strings.
 */
export function optionalMinor(amount: unknown, currency: string | null, path: string, warnings: Warnings): number | null {
  if (amount === undefined || amount === null) return null;
  if (currency === null) {
    warnings.push(`${path}: no usable currency, amount left out`);
    return null;
  }
  const parsed = typeof amount === 'string' ? decimalToMinor(amount.trim(), currency, { roundHalfUp: true }) : null;
  if (!parsed?.ok) {
    warnings.push(`${path}: not a ${currency} decimal string, left out`);
    return null;
  }
  return parsed.minor;
}

/** The decimal string of a `*_set` (shop money) or of a plain string field; never of a float. */
export function moneyText(set: unknown, plain: unknown): string | undefined {
  const amount = child(child(set).shop_money).amount;
  if (typeof amount === 'string') return amount;
  return typeof plain === 'string' ? plain : undefined;
}
