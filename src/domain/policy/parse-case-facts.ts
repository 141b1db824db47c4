import { DomainError } from '../errors.js';
import type { CaseFacts, TimelineFact } from './case-facts.js';
import { parseDecimalAmount } from './decimal-amount.js';
import { parseIsoDate, parseIsoDateTime } from './iso-time.js';
import type { Policy } from './policy-model.js';
import { CHANNELS, DESTINATIONS, FULFILLMENT_STATES, SEVERITIES, SIGNALS, STOREFRONTS } from './vocabulary.js';
import type { Signal } from './vocabulary.js';

// Case facts from outside (CLI, HTTP, policy examples) are checked here once, so the engine can trust
// them. Only `category` is required; a missing fact is unknown. Unknown extra keys are ignored, which
// lets callers send richer objects (the API's subject, a Shopify order) without a separate mapping.

type Obj = Record<string, unknown>;

const fail = (field: string, message: string): never => {
  throw new DomainError('invalid_input', message, field);
};

function obj(value: unknown, field: string): Obj {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(field, 'expected an object');
  return value as Obj;
}

function optString(o: Obj, key: string, field: string): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') fail(field, 'expected a string');
  return v as string;
}

function optEnum<T extends string>(o: Obj, key: string, field: string, options: readonly T[]): T | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || !(options as readonly string[]).includes(v)) fail(field, `expected one of ${options.join(', ')}`);
  return v as T;
}

function optDateTime(o: Obj, key: string, field: string): string | undefined {
  const v = optString(o, key, field);
  if (v !== undefined && parseIsoDateTime(v) === undefined) fail(field, 'expected an ISO 8601 date-time');
  return v;
}

function optDecimal(o: Obj, key: string, field: string): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || parseDecimalAmount(v) === undefined) fail(field, 'expected a decimal string');
  return v as string;
}

function category(value: unknown, field: string, policy: Policy): string {
  if (typeof value !== 'string') return fail(field, 'expected a category id');
  if (!Object.hasOwn(policy.categories, value)) fail(field, `unknown category ${JSON.stringify(value)}`);
  return value as string;
}

const SIGNAL_SET: ReadonlySet<string> = new Set(SIGNALS);

export function parseCaseFacts(input: unknown, policy: Policy): CaseFacts {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new DomainError('invalid_input', 'expected a case-facts object');
  }
  const o = input as Obj;
  if (o.category === undefined || o.category === null) fail('category', 'required');
  const facts: CaseFacts = { category: category(o.category, 'category', policy) };

  const now = optDateTime(o, 'now', 'now');
  if (now !== undefined) facts.now = now;
  const channel = optEnum(o, 'channel', 'channel', CHANNELS);
  if (channel) facts.channel = channel;
  const storefront = optEnum(o, 'storefront', 'storefront', STOREFRONTS);
  if (storefront) facts.storefront = storefront;
  const severity = optEnum(o, 'severity', 'severity', SEVERITIES);
  if (severity) facts.severity = severity;
  if (o.customer !== undefined && o.customer !== null) facts.customer = parseCustomer(obj(o.customer, 'customer'), policy);
  if (o.order !== undefined && o.order !== null) facts.order = parseOrder(obj(o.order, 'order'));
  if (o.refund !== undefined && o.refund !== null) {
    const amount = optDecimal(obj(o.refund, 'refund'), 'amount', 'refund.amount');
    facts.refund = amount === undefined ? {} : { amount };
  }
  if (o.timeline !== undefined && o.timeline !== null) {
    if (!Array.isArray(o.timeline)) fail('timeline', 'expected an array');
    facts.timeline = (o.timeline as unknown[]).map((e, i) => parseTimelineFact(e, `timeline[${i}]`));
  }
  return facts;
}

function parseCustomer(c: Obj, policy: Policy): NonNullable<CaseFacts['customer']> {
  const out: NonNullable<CaseFacts['customer']> = {};
  const id = c.id;
  if (typeof id === 'string') out.id = id;
  else if (typeof id === 'number') out.id = String(id);
  else if (id !== undefined && id !== null) fail('customer.id', 'expected a string');
  if (c.vip !== undefined && c.vip !== null) {
    if (typeof c.vip !== 'boolean') fail('customer.vip', 'expected true or false');
    out.vip = c.vip as boolean;
  }
  if (c.priorIssues !== undefined && c.priorIssues !== null) {
    if (!Array.isArray(c.priorIssues)) fail('customer.priorIssues', 'expected an array');
    out.priorIssues = (c.priorIssues as unknown[]).map((raw, i) => {
      const field = `customer.priorIssues[${i}]`;
      const p = obj(raw, field);
      if (p.category === undefined || p.category === null) fail(`${field}.category`, 'required');
      const issueCategory = category(p.category, `${field}.category`, policy);
      const at = optDateTime(p, 'at', `${field}.at`);
      return at === undefined ? { category: issueCategory } : { category: issueCategory, at };
    });
  }
  return out;
}

function parseOrder(o: Obj): NonNullable<CaseFacts['order']> {
  const out: NonNullable<CaseFacts['order']> = {};
  const number = o.number;
  if (typeof number === 'string') out.number = number;
  else if (typeof number === 'number') out.number = String(number);
  else if (number !== undefined && number !== null) fail('order.number', 'expected a string');
  const total = optDecimal(o, 'total', 'order.total');
  if (total !== undefined) out.total = total;
  const currency = optString(o, 'currency', 'order.currency');
  if (currency !== undefined) out.currency = currency;
  const placedAt = optDateTime(o, 'placedAt', 'order.placedAt');
  if (placedAt !== undefined) out.placedAt = placedAt;
  const deliveredAt = optDateTime(o, 'deliveredAt', 'order.deliveredAt');
  if (deliveredAt !== undefined) out.deliveredAt = deliveredAt;
  const fulfillment = optEnum(o, 'fulfillment', 'order.fulfillment', FULFILLMENT_STATES);
  if (fulfillment) out.fulfillment = fulfillment;
  const destination = optEnum(o, 'destination', 'order.destination', DESTINATIONS);
  if (destination) out.destination = destination;
  const neededBy = optString(o, 'neededBy', 'order.neededBy');
  if (neededBy !== undefined) {
    if (parseIsoDate(neededBy) === undefined && parseIsoDateTime(neededBy) === undefined) {
      fail('order.neededBy', 'expected a date YYYY-MM-DD');
    }
    out.neededBy = neededBy;
  }
  const fd = o.failedDeliveries;
  if (fd !== undefined && fd !== null) {
    if (typeof fd !== 'number' || !Number.isInteger(fd) || fd < 0) fail('order.failedDeliveries', 'expected a non-negative integer');
    out.failedDeliveries = fd as number;
  }
  return out;
}

function parseTimelineFact(raw: unknown, field: string): TimelineFact {
  const e = obj(raw, field);
  const at = optDateTime(e, 'at', `${field}.at`);
  const withAt = <T extends object>(fact: T): T => (at === undefined ? fact : { at, ...fact });
  if (typeof e.type !== 'string') return fail(`${field}.type`, 'expected one of message, signal, note');
  if (e.type === 'message') {
    const from = optEnum(e, 'from', `${field}.from`, ['customer', 'agent'] as const);
    if (from === undefined) fail(`${field}.from`, 'required');
    const text = optString(e, 'text', `${field}.text`);
    if (text === undefined) fail(`${field}.text`, 'required');
    return withAt({ type: 'message' as const, from: from!, text: text! });
  }
  if (e.type === 'signal') {
    if (typeof e.signal !== 'string') fail(`${field}.signal`, 'required');
    if (!SIGNAL_SET.has(e.signal as string)) fail(`${field}.signal`, `unknown signal ${JSON.stringify(e.signal)}`);
    return withAt({ type: 'signal' as const, signal: e.signal as Signal });
  }
  // Notes, status changes and other events are carried but never decide.
  const text = typeof e.text === 'string' ? e.text : undefined;
  return withAt({ type: 'note' as const, ...(text !== undefined && { text }) });
}
