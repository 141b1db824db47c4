// ISO 4217 minor-unit exponents. The ISO table, not ICU's display digits, is what payment platforms
// (Shopify, Stripe, card networks) settle in: ICU shows HUF, IDR or COP without decimals, yet they
// are still settled in hundredths. Only the exceptions to "2" are listed.
const EXPONENT_EXCEPTIONS: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0,
  VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

let knownCodes: ReadonlySet<string> | undefined;

function currencyCodes(): ReadonlySet<string> {
  // ICU's list of currencies in circulation; `Intl.NumberFormat` alone accepts any three letters.
  knownCodes ??= new Set([...Intl.supportedValuesOf('currency'), ...Object.keys(EXPONENT_EXCEPTIONS)]);
  return knownCodes;
}

/** True for an upper-case ISO 4217 code of a currency in circulation ("USD", "JPY", "KWD"). */
export function isKnownCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && currencyCodes().has(code);
}

/** Digits after the decimal point in the currency's minor unit: USD 2, JPY 0, KWD 3. */
export function currencyExponent(code: string): number {
  if (!isKnownCurrency(code)) throw new RangeError(`unknown currency ${JSON.stringify(code)}`);
  return EXPONENT_EXCEPTIONS[code] ?? 2;
}
