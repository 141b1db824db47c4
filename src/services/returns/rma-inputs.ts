import { invalidInput } from '../../domain/errors.js';
import { decimalToMinor, describeDecimalProblem } from '../../domain/money/decimal.js';

// Small validators shared by the RMA use cases. Input arrives as JSON from the API or the CLI.

/** A trimmed string or null when absent or blank. */
export function optionalText(value: unknown, field: string, max = 2000): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.length > max) throw invalidInput(field, `expected a string of at most ${max} characters`);
  return value.trim() || null;
}

export function requiredText(value: unknown, field: string, max = 2000): string {
  const text = optionalText(value, field, max);
  if (text === null) throw invalidInput(field, 'required');
  return text;
}

/** A decimal string in the RMA's currency ("179.58") → minor units; undefined when absent. */
export function optionalAmount(value: unknown, currency: string, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidInput(field, 'expected a decimal string such as "179.58"');
  const parsed = decimalToMinor(value.trim(), currency);
  if (!parsed.ok) throw invalidInput(field, describeDecimalProblem(parsed.problem, currency));
  return parsed.minor;
}

export function inputObject(value: unknown): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidInput('request', 'expected a JSON object');
  return value as Record<string, unknown>;
}
