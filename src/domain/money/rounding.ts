// Integer arithmetic for money: every result is a whole number of minor units, rounded half up
// (away from zero for the non-negative amounts used here). BigInt keeps products exact.

/** round(amount × numerator / denominator), half up; all inputs non-negative integers, denominator > 0. */
export function mulDivHalfUp(amount: number, numerator: number, denominator: number): number {
  if (amount < 0 || numerator < 0 || denominator <= 0) throw new RangeError('mulDivHalfUp takes non-negative inputs');
  const a = BigInt(amount) * BigInt(numerator) * 2n + BigInt(denominator);
  return Number(a / (BigInt(denominator) * 2n));
}

/** A percentage held in basis points (15% = 1500) so policy rates like 12.5% stay exact. */
export type BasisPoints = number;

/** `amount × rate`, rounded half up to the minor unit. */
export function percentHalfUp(amount: number, rate: BasisPoints): number {
  return mulDivHalfUp(amount, rate, 10_000);
}

/**
 * The share of `total` belonging to units `from`..`to` (0-based, exclusive end) of `count` units,
 * rounded half up. Computed as the difference of two cumulative roundings, so splitting one line's
 * tax over several returns never hands back more than the line carried: the shares always sum to
 * round(total × to / count) ≤ total.
 */
export function proRataShare(total: number, from: number, to: number, count: number): number {
  if (!(0 <= from && from <= to && to <= count)) throw new RangeError('proRataShare: bad unit range');
  return mulDivHalfUp(total, to, count) - mulDivHalfUp(total, from, count);
}

/** "15", "12.5", 15 → basis points; undefined when not a percentage with at most two decimals. */
export function percentToBasisPoints(value: string | number): BasisPoints | undefined {
  const text = typeof value === 'number' ? String(value) : value;
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return undefined;
  const points = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return points <= 10_000 ? points : undefined;
}

/** 1500 → "15", 1250 → "12.5". */
export function basisPointsToPercent(points: BasisPoints): string {
  const whole = Math.trunc(points / 100);
  const fraction = String(points % 100).padStart(2, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}
