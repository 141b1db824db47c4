import { invalidInput } from '../errors.js';
import { isKnownCurrency } from '../money/currency.js';
import { decimalToMinor, describeDecimalProblem } from '../money/decimal.js';
import {
  RETURN_CONDITIONS, RETURN_REASONS, isOneOf, type ReturnCondition, type ReturnReason,
} from './return-vocabulary.js';
import { parseInstant } from './utc-day.js';

/** One line of the order as bought. Amounts in minor units of the order's currency. */
export interface OrderLine {
  sku: string;
  productCategory: string;
  unitPrice: number;
  quantity: number;
  /** Tax for the whole line (all units). */
  tax: number;
  /** Discount on the whole line (all units); optional in the request, refunded pro rata. */
  discount: number;
}

export interface ReturnOrder {
  number?: string;
  currency: string;
  placedAt: Date;
  deliveredAt: Date;
  /** Shipping the customer paid, minor units. */
  shipping: number;
  items: OrderLine[];
}

export interface ReturnLine {
  sku: string;
  quantity: number;
  condition: ReturnCondition;
  reason: ReturnReason;
}

/** A validated return request (returns-quote.md § Request). */
export interface ReturnRequest {
  now: Date;
  order: ReturnOrder;
  items: ReturnLine[];
  preferStoreCredit: boolean;
  preferRefund: boolean;
}

export interface ParseReturnRequestOptions {
  /** Used when the request carries no `now` (the CLI passes the clock; tests pass a fixed instant). */
  now?: Date;
  /** Prefix for field paths, e.g. "[2]" for the third request of an array. */
  path?: string;
}

type Raw = Record<string, unknown>;

/**
 * Validates a request as received (JSON, decimal strings) and converts amounts to minor units.
 * Throws DomainError('invalid_input') whose field names the offending value, e.g.
 * `items[0].sku` ("not in the order") or `order.items[1].unitPrice` ("expected a decimal string").
 * Unknown keys are ignored so newer clients can send more.
 */
export function parseReturnRequest(input: unknown, options: ParseReturnRequestOptions = {}): ReturnRequest {
  const prefix = options.path ?? '';
  const at = (path: string): string => (prefix === '' ? path : path.startsWith('[') ? prefix + path : `${prefix}.${path}`);
  const fail = (path: string, message: string): never => {
    throw invalidInput(path === '' ? prefix || 'request' : at(path), message);
  };

  const object = (value: unknown, path: string): Raw => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'expected an object');
    return value as Raw;
  };
  const text = (value: unknown, path: string): string => {
    if (typeof value !== 'string' || value.trim() === '') fail(path, 'expected a non-empty string');
    return value as string;
  };
  const instant = (value: unknown, path: string): Date => {
    const parsed = typeof value === 'string' ? parseInstant(value) : undefined;
    if (!parsed) fail(path, 'expected an ISO 8601 date-time with a zone, e.g. "2026-10-24T16:00:00Z"');
    return parsed as Date;
  };
  const count = (value: unknown, path: string): number => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) fail(path, 'expected a whole number of at least 1');
    return value as number;
  };
  const flag = (value: unknown, path: string): boolean => {
    if (value === undefined || value === null) return false;
    if (typeof value !== 'boolean') fail(path, 'expected true or false');
    return value as boolean;
  };

  const request = object(input, '');
  const order = object(request.order, 'order');

  const currency = text(order.currency, 'order.currency');
  if (!isKnownCurrency(currency)) fail('order.currency', `unknown currency "${currency}" (expected an ISO 4217 code such as USD)`);
  const money = (value: unknown, path: string, fallback?: number): number => {
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value !== 'string') fail(path, 'expected a decimal string such as "19.99"');
    const parsed = decimalToMinor(value as string, currency);
    if (!parsed.ok) fail(path, describeDecimalProblem(parsed.problem, currency));
    return (parsed as { minor: number }).minor;
  };

  const now = request.now === undefined && options.now ? options.now : instant(request.now, 'now');
  const placedAt = instant(order.placedAt, 'order.placedAt');
  const deliveredAt = instant(order.deliveredAt, 'order.deliveredAt');
  if (deliveredAt < placedAt) fail('order.deliveredAt', 'is before order.placedAt');
  if (now < deliveredAt) fail('now', 'is before order.deliveredAt (a return is quoted after delivery)');

  if (!Array.isArray(order.items) || order.items.length === 0) fail('order.items', 'expected a non-empty array');
  const orderLines = (order.items as unknown[]).map((raw, i): OrderLine => {
    const path = `order.items[${i}]`;
    const line = object(raw, path);
    const quantity = count(line.quantity, `${path}.quantity`);
    const unitPrice = money(line.unitPrice, `${path}.unitPrice`);
    const discount = money(line.discount, `${path}.discount`, 0);
    if (!Number.isSafeInteger(unitPrice * quantity)) fail(`${path}.quantity`, 'line total too large');
    if (discount > unitPrice * quantity) fail(`${path}.discount`, 'is more than the line total');
    return {
      sku: text(line.sku, `${path}.sku`),
      productCategory: text(line.productCategory, `${path}.productCategory`),
      unitPrice,
      quantity,
      tax: money(line.tax, `${path}.tax`, 0),
      discount,
    };
  });
  const seen = new Set<string>();
  orderLines.forEach((line, i) => {
    if (seen.has(line.sku)) fail(`order.items[${i}].sku`, `duplicate sku "${line.sku}"`);
    seen.add(line.sku);
  });

  if (!Array.isArray(request.items) || request.items.length === 0) fail('items', 'expected a non-empty array');
  const returned = new Map<string, number>();
  const returnLines = (request.items as unknown[]).map((raw, i): ReturnLine => {
    const path = `items[${i}]`;
    const line = object(raw, path);
    const sku = text(line.sku, `${path}.sku`);
    const ordered = orderLines.find((o) => o.sku === sku);
    if (!ordered) fail(`${path}.sku`, 'not in the order');
    const quantity = count(line.quantity, `${path}.quantity`);
    const total = (returned.get(sku) ?? 0) + quantity;
    if (total > (ordered as OrderLine).quantity) {
      fail(`${path}.quantity`, `${total} returned but ${(ordered as OrderLine).quantity} ordered`);
    }
    returned.set(sku, total);
    if (!isOneOf(RETURN_CONDITIONS, line.condition)) {
      fail(`${path}.condition`, `unknown condition ${JSON.stringify(line.condition)} (expected ${RETURN_CONDITIONS.join(', ')})`);
    }
    if (!isOneOf(RETURN_REASONS, line.reason)) {
      fail(`${path}.reason`, `unknown reason ${JSON.stringify(line.reason)} (expected ${RETURN_REASONS.join(', ')})`);
    }
    return { sku, quantity, condition: line.condition as ReturnCondition, reason: line.reason as ReturnReason };
  });

  const orderNumber = order.number === undefined || order.number === null ? undefined : text(order.number, 'order.number');
  return {
    now,
    order: {
      ...(orderNumber === undefined ? {} : { number: orderNumber }),
      currency,
      placedAt,
      deliveredAt,
      shipping: money(order.shipping, 'order.shipping', 0),
      items: orderLines,
    },
    items: returnLines,
    preferStoreCredit: flag(request.preferStoreCredit, 'preferStoreCredit'),
    preferRefund: flag(request.preferRefund, 'preferRefund'),
  };
}
