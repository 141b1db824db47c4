import { currencyExponent } from './currency.js';

// Money crosses every boundary as a decimal string ("199.00") and lives inside as an integer count of
// the currency's minor unit. Conversions go through BigInt so no binary float ever touches an amount.

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

export type DecimalProblem = 'not_decimal' | 'too_precise' | 'negative' | 'too_large';

export type DecimalResult = { ok: true; minor: number } | { ok: false; problem: DecimalProblem };

/**
 * "199.00" in USD → 19900. Trailing zeros past the exponent are fine ("10.0" JPY → 10); a non-zero
 * digit there is `too_precise` unless `roundHalfUp` is set. Negative amounts only with `allowNegative`.
 */
export function decimalToMinor(
  text: string,
  currency: string,
  options: { allowNegative?: boolean; roundHalfUp?: boolean } = {},
): DecimalResult {
  const match = DECIMAL.exec(text);
  if (!match) return { ok: false, problem: 'not_decimal' };
  const [, sign = '', whole = '', fraction = ''] = match;
  const exponent = currencyExponent(currency);
  const kept = fraction.slice(0, exponent).padEnd(exponent, '0');
  const dropped = fraction.slice(exponent);
  let minor = BigInt(whole + kept);
  if (/[1-9]/.test(dropped)) {
    if (!options.roundHalfUp) return { ok: false, problem: 'too_precise' };
    if (dropped.charCodeAt(0) >= '5'.charCodeAt(0)) minor += 1n;
  }
  if (sign === '-' && minor !== 0n) {
    if (!options.allowNegative) return { ok: false, problem: 'negative' };
    minor = -minor;
  }
  if (minor > BigInt(Number.MAX_SAFE_INTEGER) || minor < -BigInt(Number.MAX_SAFE_INTEGER)) {
    return { ok: false, problem: 'too_large' };
  }
  return { ok: true, minor: Number(minor) };
}

/** 19900 USD → "199.00"; 1500 JPY → "1500"; 5990 KWD → "5.990". */
export function minorToDecimal(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`not an integer amount: ${minor}`);
  const exponent = currencyExponent(currency);
  const digits = Math.abs(minor).toString().padStart(exponent + 1, '0');
  const sign = minor < 0 ? '-' : '';
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** Explains a DecimalResult problem for an error message. */
export function describeDecimalProblem(problem: DecimalProblem, currency: string): string {
  switch (problem) {
    case 'not_decimal':
      return 'expected a decimal string such as "19.99"';
    case 'too_precise':
      return `more decimal places than ${currency} has (${currencyExponent(currency)})`;
    case 'negative':
      return 'must not be negative';
    case 'too_large':
      return 'amount too large';
  }
}
