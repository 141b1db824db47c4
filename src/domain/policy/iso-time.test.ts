import { describe, expect, it } from 'vitest';
import { parseDecimalAmount } from './decimal-amount.js';
import { localEpochDay, parseIsoDate, parseIsoDateTime } from './iso-time.js';

describe('parseIsoDateTime (facts carry UTC ISO instants)', () => {
  it('reads the canonical UTC form and offsets alike', () => {
    expect(parseIsoDateTime('2026-11-20T15:00:00Z')).toBe(Date.UTC(2026, 10, 20, 15));
    expect(parseIsoDateTime('2026-11-20T16:00:00+01:00')).toBe(Date.UTC(2026, 10, 20, 15));
    expect(parseIsoDateTime('2026-11-20T15:00Z')).toBe(Date.UTC(2026, 10, 20, 15));
    expect(parseIsoDateTime('2026-11-20T15:00:00.250Z')).toBe(Date.UTC(2026, 10, 20, 15, 0, 0, 250));
  });

  it('rejects impossible dates and times on the fast path too', () => {
    for (const t of ['2026-02-29T00:00:00Z', '2026-11-20T24:00:00Z', '2026-11-20T15:60:00Z', '2026-13-01T00:00:00Z', '2026-11-2OT15:00:00Z']) {
      expect(parseIsoDateTime(t), t).toBeUndefined();
    }
    expect(parseIsoDateTime('2028-02-29T00:00:00Z')).toBe(Date.UTC(2028, 1, 29));
    expect(parseIsoDateTime('2028-02-29T00:00:00.007Z')).toBe(Date.UTC(2028, 1, 29, 0, 0, 0, 7));
    expect(parseIsoDateTime('2026-11-20T15:00:00.0x0Z')).toBeUndefined();
  });

  it('rejects a local time without an offset', () => {
    expect(parseIsoDateTime('2026-11-20T15:00:00')).toBeUndefined();
  });
});

describe('localEpochDay', () => {
  it('gives the local date in the zone, across a DST change', () => {
    const ny = 'America/New_York';
    // 2026-11-01 06:00Z is 01:00 EST after the fall-back; 03:59Z the same evening is still Oct 31 EDT.
    expect(localEpochDay(Date.parse('2026-11-01T03:59:00Z'), ny)).toBe(parseIsoDate('2026-10-31'));
    expect(localEpochDay(Date.parse('2026-11-01T04:00:00Z'), ny)).toBe(parseIsoDate('2026-11-01'));
    expect(localEpochDay(Date.parse('2026-11-02T04:59:00Z'), ny)).toBe(parseIsoDate('2026-11-01'));
    expect(localEpochDay(Date.parse('2026-11-02T05:00:00Z'), ny)).toBe(parseIsoDate('2026-11-02'));
  });

  it('handles quarter-hour zones', () => {
    expect(localEpochDay(Date.parse('2026-11-20T18:14:00Z'), 'Asia/Kathmandu')).toBe(parseIsoDate('2026-11-20'));
    expect(localEpochDay(Date.parse('2026-11-20T18:15:00Z'), 'Asia/Kathmandu')).toBe(parseIsoDate('2026-11-21'));
  });
});

describe('parseDecimalAmount (money is never a float)', () => {
  it('compares 500.00 and 500.01 exactly (R004-08)', () => {
    expect(parseDecimalAmount('500.01')! - parseDecimalAmount('500.00')!).toBe(100);
    expect(parseDecimalAmount('500')).toBe(parseDecimalAmount('500.0000'));
  });

  it('accepts only plain non-negative decimals', () => {
    for (const t of ['', '1e3', '-1.00', '1,000.00', '.5', '1.', '1.00001', ' 1']) expect(parseDecimalAmount(t), t).toBeUndefined();
  });
});
