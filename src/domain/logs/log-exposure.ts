import type { Role } from '../access/roles.js';
import { can } from '../access/permissions.js';
import type { LogFields, LogTypeDef } from './log-type.js';

// Field exposure per log type (issue 5 item 2): the supplier sees and acts only on the entries in
// its queue, and of those only what its task needs — the template lists it. Everyone else who may
// read logs sees the whole entry. Keys here are the view's keys; anything not listed is never sent.

export const CUSTOMER_KEYS = ['name', 'phone', 'email', 'vip'] as const;
export type CustomerKey = (typeof CUSTOMER_KEYS)[number];
export const ORDER_KEYS = [
  'number', 'fulfillment', 'placedAt', 'shippedAt', 'deliveredAt', 'destination', 'neededBy', 'currency', 'total', 'failedDeliveries',
] as const;
export type OrderKey = (typeof ORDER_KEYS)[number];

export interface LogExposure {
  fields: readonly string[];
  customer: readonly CustomerKey[];
  order: readonly OrderKey[];
  /** Internal context beyond the task: the case's subject, the decision, other cases of the customer. */
  caseContext: boolean;
}

/** Whether the role may see an entry of this type in this state at all (visibility of the case aside). */
export function roleMaySeeLog(type: LogTypeDef, state: string, role: Role): boolean {
  if (type.restricted && !can(role, 'restricted.read')) return false;
  if (role !== 'supplier') return true;
  if (!type.supplier) return false;
  return type.supplier.states === undefined || type.supplier.states.includes(state);
}

export function exposureOf(type: LogTypeDef, role: Role): LogExposure {
  if (role === 'supplier') {
    return {
      fields: type.supplier?.fields ?? [],
      customer: type.supplier?.customer ?? [],
      order: type.supplier?.order ?? [],
      caseContext: false,
    };
  }
  return { fields: type.fields.map((f) => f.key), customer: CUSTOMER_KEYS, order: ORDER_KEYS, caseContext: true };
}

export function pick<K extends string>(source: Partial<Record<K, unknown>>, keys: readonly K[]): Partial<Record<K, unknown>> {
  const out: Partial<Record<K, unknown>> = {};
  for (const k of keys) if (source[k] !== undefined) out[k] = source[k];
  return out;
}

export function exposedFields(type: LogTypeDef, role: Role, fields: LogFields): LogFields {
  return pick(fields, exposureOf(type, role).fields) as LogFields;
}
