import { DomainError } from '../../domain/errors.js';
import type { CaseFacts } from '../../domain/policy/case-facts.js';
import { decimalToMinor, describeDecimalProblem } from '../../domain/money/decimal.js';
import type { CustomerFields } from '../../store/repositories/customer.repository.js';
import type { OrderFields } from '../../store/repositories/order.repository.js';
import { parseCarrier } from '../orders/order-carrier.js';
import type { PolicyRuntime } from '../policy/policy-runtime.js';

/**
 * The body of "open a case": the contract's case facts plus optional subject and the extra
 * customer and order details a desk keeps (operations.md). Facts are validated by the policy in
 * force; the extras here.
 */
export interface OpenCaseRequest {
  facts: CaseFacts;
  subject: string | null;
  customer: { externalId: string; fields: CustomerFields; linkedExternalIds: string[] } | null;
  order: { number: string; fields: OrderFields } | null;
  teamKey: string | null;
}

const MAX_LINKED_ACCOUNTS = 100;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function optionalString(obj: Record<string, unknown>, key: string, field: string, max: number): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v.length > max) throw new DomainError('invalid_input', `expected a string of at most ${max} characters`, field);
  return v.trim();
}

export function parseOpenCaseRequest(body: unknown, runtime: PolicyRuntime): OpenCaseRequest {
  if (!isObject(body)) throw new DomainError('invalid_input', 'expected a JSON object', '');
  const facts = runtime.parseFacts(body);
  const subject = optionalString(body, 'subject', 'subject', 300) ?? null;
  const teamKey = optionalString(body, 'team', 'team', 60) ?? null;

  let customer: OpenCaseRequest['customer'] = null;
  const c = body.customer;
  if (isObject(c) && typeof c.id === 'string' && c.id.trim()) {
    if (c.id.length > 200) throw new DomainError('invalid_input', 'expected at most 200 characters', 'customer.id');
    const fields: CustomerFields = {};
    const name = optionalString(c, 'name', 'customer.name', 200);
    const email = optionalString(c, 'email', 'customer.email', 254);
    const phone = optionalString(c, 'phone', 'customer.phone', 40);
    if (name !== undefined) fields.name = name;
    if (email !== undefined) fields.email = email.toLowerCase();
    if (phone !== undefined) fields.phone = phone;
    if (typeof c.vip === 'boolean') fields.vip = c.vip;
    const linked = c.linkedAccounts;
    const linkedExternalIds: string[] = [];
    if (linked !== undefined) {
      if (!Array.isArray(linked)) throw new DomainError('invalid_input', 'expected an array of customer ids', 'customer.linkedAccounts');
      // Each linked account is a customer row and two link rows written with the case; a person
      // has a handful of accounts, and a body naming thousands is a mistake, not a customer.
      if (linked.length > MAX_LINKED_ACCOUNTS) {
        throw new DomainError('invalid_input', `at most ${MAX_LINKED_ACCOUNTS} linked accounts per case`, 'customer.linkedAccounts');
      }
      linked.forEach((id, i) => {
        if (typeof id !== 'string' || !id.trim() || id.length > 200) throw new DomainError('invalid_input', 'expected a customer id', `customer.linkedAccounts[${i}]`);
        if (id !== c.id) linkedExternalIds.push(id.trim());
      });
    }
    customer = { externalId: c.id.trim(), fields, linkedExternalIds };
  }

  let order: OpenCaseRequest['order'] = null;
  const o = facts.order;
  if (o?.number) {
    const fields: OrderFields = {};
    if (o.currency) fields.currency = o.currency.toUpperCase();
    if (o.total !== undefined && o.currency) {
      const r = decimalToMinor(o.total, o.currency.toUpperCase());
      if (!r.ok) throw new DomainError('invalid_input', describeDecimalProblem(r.problem, o.currency), 'order.total');
      fields.totalMinor = r.minor;
    }
    if (o.placedAt) fields.placedAt = o.placedAt;
    if (o.deliveredAt) fields.deliveredAt = o.deliveredAt;
    if (o.fulfillment) fields.fulfillment = o.fulfillment;
    if (o.destination) fields.destination = o.destination;
    if (o.neededBy) fields.neededBy = o.neededBy;
    if (o.failedDeliveries !== undefined) fields.failedDeliveries = o.failedDeliveries;
    if (facts.storefront) fields.storefront = facts.storefront;
    const raw = isObject(body.order) ? body.order : {};
    const shippedAt = optionalString(raw, 'shippedAt', 'order.shippedAt', 40);
    if (shippedAt !== undefined) {
      if (Number.isNaN(Date.parse(shippedAt))) throw new DomainError('invalid_input', 'expected an ISO 8601 date-time', 'order.shippedAt');
      fields.shippedAt = new Date(shippedAt).toISOString();
    }
    const carrier = parseCarrier(raw.carrier, 'order.carrier');
    if (carrier) fields.carrier = carrier;
    order = { number: o.number, fields };
  }
  return { facts, subject, customer, order, teamKey };
}
