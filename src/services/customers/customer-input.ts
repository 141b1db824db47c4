import { DomainError } from '../../domain/errors.js';
import type { CustomerFields } from '../../store/repositories/customer.repository.js';

export function parseCustomerFields(body: Record<string, unknown>): CustomerFields {
  const fields: CustomerFields = {};
  const text = (key: 'name' | 'email' | 'phone', max: number) => {
    const v = body[key];
    if (v === undefined) return;
    if (v !== null && (typeof v !== 'string' || v.length > max)) throw new DomainError('invalid_input', `expected a string of at most ${max} characters or null`, key);
    fields[key] = v === null ? null : key === 'email' ? v.trim().toLowerCase() : v.trim();
  };
  text('name', 200);
  text('email', 254);
  text('phone', 40);
  if (body.vip !== undefined) {
    if (typeof body.vip !== 'boolean') throw new DomainError('invalid_input', 'expected true or false', 'vip');
    fields.vip = body.vip;
  }
  return fields;
}

export function parseExternalId(value: unknown, field = 'id'): string {
  if (typeof value !== 'string' || !value.trim() || value.length > 200) throw new DomainError('invalid_input', 'expected a customer id of at most 200 characters', field);
  return value.trim();
}
