import { currencyExponent, isKnownCurrency } from '../../domain/money/currency.js';
import { minorToDecimal } from '../../domain/money/decimal.js';

// Money arrives from the API as integers in the currency's minor unit (returns-quote.md). It is
// shown through the exact decimal string, never a float division, with the ISO 4217 exponent the
// amount was settled in (ICU would show HUF or IDR without their hundredths).

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string, locale: string | undefined): Intl.NumberFormat {
  const key = `${locale ?? ''}:${currency}`;
  let f = formatters.get(key);
  if (!f) {
    const digits = currencyExponent(currency);
    f = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(key, f);
  }
  return f;
}

/** 17958 USD → "$179.58"; 1000 JPY → "¥1,000"; 5990 KWD → "KWD 5.990" (in the browser's locale). */
export function formatMinor(minor: number, currency: string, locale?: string): string {
  if (!isKnownCurrency(currency)) return `${minor} ${currency} (minor units)`;
  const decimal = minorToDecimal(minor, currency);
  // Intl formats a numeric string exactly (ECMA-402 v3); amounts never pass through a binary float.
  return formatterFor(currency, locale).format(decimal as `${number}`);
}

