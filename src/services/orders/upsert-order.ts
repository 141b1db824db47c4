import type { Store } from '../../store/database.js';
import { upsertOrder as upsertRow, type OrderFields } from '../../store/repositories/order.repository.js';
import { findCustomerByExternalId } from '../../store/repositories/customer.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import { DESTINATIONS, FULFILLMENT_STATES, STOREFRONTS } from '../../domain/policy/vocabulary.js';
import { decimalToMinor, describeDecimalProblem } from '../../domain/money/decimal.js';
import { isKnownCurrency } from '../../domain/money/currency.js';
import { DomainError } from '../../domain/errors.js';
import { actorIdOf, requirePermission, type Actor } from '../actor.js';
import { nowIso } from '../clock.js';
import { presentOrder, type OrderView } from './order-view.js';
import { parseCarrier } from './order-carrier.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseOrderFields(body: Record<string, unknown>): OrderFields & { customerExternalId?: string } {
  const f: OrderFields & { customerExternalId?: string } = {};
  const oneOf = (key: string, allowed: readonly string[]) => {
    const v = body[key];
    if (v === undefined) return undefined;
    if (v !== null && (typeof v !== 'string' || !allowed.includes(v))) throw new DomainError('invalid_input', `expected one of ${allowed.join(', ')}`, key);
    return v as string | null;
  };
  const time = (key: string) => {
    const v = body[key];
    if (v === undefined) return undefined;
    if (v === null) return null;
    if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) throw new DomainError('invalid_input', 'expected an ISO 8601 date-time', key);
    return new Date(v).toISOString();
  };
  const fulfillment = oneOf('fulfillment', FULFILLMENT_STATES);
  if (fulfillment !== undefined) f.fulfillment = fulfillment;
  const destination = oneOf('destination', DESTINATIONS);
  if (destination !== undefined) f.destination = destination;
  const storefront = oneOf('storefront', STOREFRONTS);
  if (storefront !== undefined) f.storefront = storefront;
  // labelCreatedAt / lastCarrierScanAt time the "label created, 5+ days" SLA (R003-05).
  for (const key of ['placedAt', 'shippedAt', 'deliveredAt', 'labelCreatedAt', 'lastCarrierScanAt'] as const) {
    const t = time(key);
    if (t !== undefined) f[key] = t;
  }
  if (body.neededBy !== undefined) {
    if (body.neededBy !== null && (typeof body.neededBy !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(body.neededBy))) throw new DomainError('invalid_input', 'expected a date YYYY-MM-DD', 'neededBy');
    f.neededBy = body.neededBy as string | null;
  }
  if (body.failedDeliveries !== undefined) {
    if (!Number.isInteger(body.failedDeliveries) || (body.failedDeliveries as number) < 0) throw new DomainError('invalid_input', 'expected a whole number ≥ 0', 'failedDeliveries');
    f.failedDeliveries = body.failedDeliveries as number;
  }
  const carrier = parseCarrier(body.carrier, 'carrier');
  if (carrier !== undefined) f.carrier = carrier;
  if (body.currency !== undefined) {
    if (typeof body.currency !== 'string' || !isKnownCurrency(body.currency.toUpperCase())) throw new DomainError('invalid_input', 'expected an ISO 4217 currency code', 'currency');
    f.currency = body.currency.toUpperCase();
  }
  if (body.total !== undefined) {
    if (!f.currency) throw new DomainError('invalid_input', 'a total needs its currency', 'currency');
    if (typeof body.total !== 'string') throw new DomainError('invalid_input', 'expected a decimal string', 'total');
    const r = decimalToMinor(body.total, f.currency);
    if (!r.ok) throw new DomainError('invalid_input', describeDecimalProblem(r.problem, f.currency), 'total');
    f.totalMinor = r.minor;
  }
  if (body.customerId !== undefined) {
    if (typeof body.customerId !== 'string' || !body.customerId) throw new DomainError('invalid_input', 'expected a customer id', 'customerId');
    f.customerExternalId = body.customerId;
  }
  return f;
}

export async function upsertOrder(store: Store, actor: Actor, input: { number: unknown; body: unknown }): Promise<OrderView> {
  requirePermission(actor, 'orders.write');
  if (typeof input.number !== 'string' || !input.number.trim() || input.number.length > 100) throw new DomainError('invalid_input', 'expected an order number', 'number');
  if (!isObject(input.body)) throw new DomainError('invalid_input', 'expected a JSON object', '');
  const { customerExternalId, ...fields } = parseOrderFields(input.body);
  const number = input.number.trim();
  const at = nowIso();
  return store.db.transaction().execute(async (trx) => {
    if (customerExternalId) {
      const c = await findCustomerByExternalId(trx, customerExternalId);
      if (!c) throw new DomainError('invalid_input', 'no such customer', 'customerId');
      fields.customerId = c.id;
    }
    const o = await upsertRow(trx, number, fields, at);
    await insertAuditEvent(trx, { at, actorId: actorIdOf(actor), action: 'order.saved', entityType: 'order', entityId: String(o.id), data: { number, fields: Object.keys(fields) } });
    return presentOrder(o);
  });
}
