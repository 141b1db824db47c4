import type { Executor } from '../../store/database.js';
import { findOrderByNumber, type OrderRecord } from '../../store/repositories/order.repository.js';
import { DomainError, invalidInput } from '../../domain/errors.js';
import { checkOrderNumber } from '../../domain/returns/order-number.js';
import { orderNumberFormatFor, type RmaSettings } from '../../domain/returns/rma-settings.parse.js';
import { parseInstant } from '../../domain/returns/utc-day.js';

// What a request for an RMA carries beyond a quote request (returns-quote.md § Request): the
// customer's proof of identity, an optional case, and nothing that lets a caller move the clock.

type Raw = Record<string, unknown>;

export interface RmaRequestParts {
  body: Raw;
  orderNumber: string;
  phoneLast4: string;
  caseId: unknown;
  note: string | null;
}

export function splitRmaRequest(input: unknown): RmaRequestParts {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw invalidInput('request', 'expected a JSON object');
  const body = input as Raw;
  // The window is judged as of the server's clock; a what-if `now` belongs in POST /returns/quote.
  if (body.now !== undefined) throw invalidInput('now', 'an RMA is requested as of now: leave `now` out (quote a what-if with POST /api/v1/returns/quote)');
  const order = body.order;
  if (typeof order !== 'object' || order === null || Array.isArray(order)) throw invalidInput('order', 'expected an object');
  const number = (order as Raw).number;
  if (typeof number !== 'string' || number.trim() === '' || number.length > 100) throw invalidInput('order.number', 'expected the order number');
  if (typeof body.phoneLast4 !== 'string' || body.phoneLast4.trim() === '') {
    throw invalidInput('phoneLast4', 'required: the last 4 digits of the phone number on the order, as the customer gives them (R004-02)');
  }
  let note: string | null = null;
  if (body.note !== undefined && body.note !== null) {
    if (typeof body.note !== 'string' || body.note.length > 2000) throw invalidInput('note', 'expected a string of at most 2000 characters');
    note = body.note.trim() || null;
  }
  return { body, orderNumber: number.trim(), phoneLast4: body.phoneLast4, caseId: body.caseId ?? null, note };
}

/**
 * The stored order the return is for, its number checked against the store's format (R004-02). A
 * number in the wrong format is reported as such rather than as "not found".
 */
export async function findReturnOrder(db: Executor, numberAsGiven: string, settings: RmaSettings): Promise<OrderRecord> {
  const order = (await findOrderByNumber(db, numberAsGiven)) ?? (await findOrderByNumber(db, numberAsGiven.toUpperCase()));
  const template = orderNumberFormatFor(settings, order?.storefront ?? null);
  const check = checkOrderNumber(order?.number ?? numberAsGiven, template);
  if (!check.ok) throw invalidInput('order.number', `${check.reason} (R004-02)`);
  if (!order) throw new DomainError('not_found', 'no such order: create it first (PUT /api/v1/orders/{number})', 'order.number');
  return order;
}

/**
 * The quote request's order with the facts the desk already holds filled in; a request that
 * contradicts them (another currency, another delivery date) is refused, so the window and the
 * amounts are judged on the order as recorded.
 */
export function withStoredOrderFacts(body: Raw, order: OrderRecord): Raw {
  const given: Raw = { ...(body.order as Raw), number: order.number };
  const sameInstant = (a: unknown, b: string): boolean => typeof a === 'string' && parseInstant(a)?.getTime() === new Date(b).getTime();
  const fill = (key: 'placedAt' | 'deliveredAt', stored: string | null): void => {
    if (stored === null) return;
    if (given[key] === undefined || given[key] === null) given[key] = stored;
    else if (!sameInstant(given[key], stored)) throw invalidInput(`order.${key}`, `differs from the order on file (${stored})`);
  };
  fill('placedAt', order.placedAt);
  fill('deliveredAt', order.deliveredAt);
  if (order.currency !== null) {
    if (given.currency === undefined || given.currency === null) given.currency = order.currency;
    else if (given.currency !== order.currency) throw invalidInput('order.currency', `differs from the order on file (${order.currency})`);
  }
  return { ...body, order: given };
}
