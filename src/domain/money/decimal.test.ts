import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currencyExponent, isKnownCurrency } from './currency.js';
import { decimalToMinor, minorToDecimal } from './decimal.js';
import { basisPointsToPercent, mulDivHalfUp, percentHalfUp, percentToBasisPoints, proRataShare } from './rounding.js';

describe('currency minor units (ISO 4217)', () => {
  it.each([['USD', 2], ['EUR', 2], ['JPY', 0], ['KRW', 0], ['KWD', 3], ['BHD', 3], ['HUF', 2], ['IDR', 2]])(
    '%s has %i decimals',
    (code, exponent) => expect(currencyExponent(code)).toBe(exponent),
  );

  it('only upper-case codes of real currencies are known', () => {
    expect(isKnownCurrency('USD')).toBe(true);
    for (const code of ['usd', 'XXX', 'ABC', 'US', 'USDX']) expect(isKnownCurrency(code)).toBe(false);
  });
});

describe('decimal strings ↔ minor units (never floats)', () => {
  it('reads amounts in the currency\'s minor unit', () => {
    expect(decimalToMinor('199.00', 'USD')).toEqual({ ok: true, minor: 19900 });
    expect(decimalToMinor('199', 'USD')).toEqual({ ok: true, minor: 19900 });
    expect(decimalToMinor('0.1', 'USD')).toEqual({ ok: true, minor: 10 });
    expect(decimalToMinor('1500', 'JPY')).toEqual({ ok: true, minor: 1500 });
    expect(decimalToMinor('10.0', 'JPY')).toEqual({ ok: true, minor: 10 });
    expect(decimalToMinor('5.99', 'KWD')).toEqual({ ok: true, minor: 5990 });
  });

  it('refuses what is not a plain decimal', () => {
    for (const text of ['', '1e3', '1,000.00', ' 1.00', '.5', '1.', '+1', 'NaN']) {
      expect(decimalToMinor(text, 'USD')).toEqual({ ok: false, problem: 'not_decimal' });
    }
  });

  it('refuses extra precision unless asked to round half up', () => {
    expect(decimalToMinor('5.999', 'USD')).toEqual({ ok: false, problem: 'too_precise' });
    expect(decimalToMinor('5.995', 'USD', { roundHalfUp: true })).toEqual({ ok: true, minor: 600 });
    expect(decimalToMinor('5.994', 'USD', { roundHalfUp: true })).toEqual({ ok: true, minor: 599 });
    expect(decimalToMinor('5.99', 'JPY', { roundHalfUp: true })).toEqual({ ok: true, minor: 6 });
    expect(decimalToMinor('5.49', 'JPY', { roundHalfUp: true })).toEqual({ ok: true, minor: 5 });
  });

  it('refuses negatives unless allowed, and amounts past 2^53 minor units', () => {
    expect(decimalToMinor('-1.00', 'USD')).toEqual({ ok: false, problem: 'negative' });
    expect(decimalToMinor('-1.00', 'USD', { allowNegative: true })).toEqual({ ok: true, minor: -100 });
    expect(decimalToMinor('-0.00', 'USD')).toEqual({ ok: true, minor: 0 });
    expect(decimalToMinor('90071992547409.92', 'USD')).toEqual({ ok: false, problem: 'too_large' });
  });

  it('writes minor units back with the currency\'s decimals', () => {
    expect(minorToDecimal(19900, 'USD')).toBe('199.00');
    expect(minorToDecimal(5, 'USD')).toBe('0.05');
    expect(minorToDecimal(-5, 'USD')).toBe('-0.05');
    expect(minorToDecimal(1500, 'JPY')).toBe('1500');
    expect(minorToDecimal(5990, 'KWD')).toBe('5.990');
  });

  it('round-trips every whole minor amount in USD, JPY and KWD', () => {
    fc.assert(fc.property(
      fc.constantFrom('USD', 'JPY', 'KWD', 'CLF'),
      fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
      (currency, minor) => {
        expect(decimalToMinor(minorToDecimal(minor, currency), currency)).toEqual({ ok: true, minor });
      },
    ));
  });
});

describe('half-up rounding in integers', () => {
  it('rounds halves up', () => {
    expect(mulDivHalfUp(1, 1, 2)).toBe(1);
    expect(mulDivHalfUp(1, 1, 3)).toBe(0);
    expect(mulDivHalfUp(2, 1, 3)).toBe(1);
    expect(percentHalfUp(19900, 1500)).toBe(2985);
    expect(percentHalfUp(59995, 1500)).toBe(8999); // 8999.25
    expect(percentHalfUp(19999, 1500)).toBe(3000); // 2999.85
    expect(percentHalfUp(10, 1500)).toBe(2); // 1.5
  });

  it('stays exact beyond 2^53 intermediate products', () => {
    expect(mulDivHalfUp(Number.MAX_SAFE_INTEGER, 3, 3)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('matches half-up rounding of the exact quotient', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 1e4 }), fc.integer({ min: 1, max: 1e4 }),
      (amount, numerator, denominator) => {
        const r = mulDivHalfUp(amount, numerator, denominator);
        // r − a·n/d ∈ (−1/2, 1/2], in integers: 2(r·d − a·n) ∈ (−d, d].
        const error = 2n * (BigInt(r) * BigInt(denominator) - BigInt(amount) * BigInt(numerator));
        expect(error > -BigInt(denominator) && error <= BigInt(denominator)).toBe(true);
      },
    ));
  });

  it('pro rata shares of consecutive unit ranges add up to the rounded whole, never more than the total', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 50 }), fc.array(fc.integer({ min: 1, max: 10 }), { maxLength: 10 }),
      (total, count, chunks) => {
        let from = 0;
        let sum = 0;
        for (const chunk of chunks) {
          const to = Math.min(count, from + chunk);
          sum += proRataShare(total, from, to, count);
          from = to;
        }
        expect(sum).toBe(mulDivHalfUp(total, from, count));
        expect(sum).toBeLessThanOrEqual(total);
      },
    ));
  });

  it('reads percentages into basis points and back', () => {
    expect(percentToBasisPoints('15')).toBe(1500);
    expect(percentToBasisPoints(12.5)).toBe(1250);
    expect(percentToBasisPoints('0.05')).toBe(5);
    expect(percentToBasisPoints('100')).toBe(10_000);
    expect(percentToBasisPoints('100.01')).toBeUndefined();
    expect(percentToBasisPoints('-1')).toBeUndefined();
    expect(percentToBasisPoints('1.234')).toBeUndefined();
    expect(basisPointsToPercent(1250)).toBe('12.5');
    expect(basisPointsToPercent(1500)).toBe('15');
    expect(basisPointsToPercent(5)).toBe('0.05');
  });
});
