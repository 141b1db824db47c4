import { DomainError } from '../../domain/errors.js';

/**
 * The shipping carrier or tracking company ("UPS", "DHL Express"): desks without Shopify give it
 * here so incident suggestions by carrier (R001-15) see their complaints. Null clears it.
 */
export function parseCarrier(value: unknown, field: string): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || value === '') return null;
  if (typeof value !== 'string' || value.trim() === '' || value.length > 100) throw new DomainError('invalid_input', 'expected a carrier name of 1 to 100 characters', field);
  return value.trim();
}
