// Amounts arrive as decimal strings ("129.00") and are compared as integers, never as floats.
// The scale is 1/10,000 of the currency unit: enough for every ISO 4217 minor unit (at most 4
// decimals) while staying well inside Number.MAX_SAFE_INTEGER for 11 integer digits.

export const AMOUNT_SCALE = 10_000;
const DECIMAL = /^(\d{1,11})(?:\.(\d{1,4}))?$/;

/** The amount in 1/10,000 units, or undefined when `text` is not a plain non-negative decimal. */
export function parseDecimalAmount(text: string): number | undefined {
  const m = DECIMAL.exec(text);
  if (!m) return undefined;
  const fraction = m[2] ?? '';
  return Number(m[1]) * AMOUNT_SCALE + (fraction ? Number(fraction.padEnd(4, '0')) : 0);
}

