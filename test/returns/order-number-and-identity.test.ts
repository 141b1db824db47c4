import { describe, expect, it } from 'vitest';
import { verifyPhoneLast4 } from '../../src/domain/returns/identity-check.js';
import { checkOrderNumber } from '../../src/domain/returns/order-number.js';

describe('order numbers (R004-02)', () => {
  it('accepts ORD-YYYYMMDD-#### with a real date', () => {
    expect(checkOrderNumber('ORD-20261020-0001')).toEqual({ ok: true, normalized: 'ORD-20261020-0001', date: '2026-10-20', sequence: '0001' });
    expect(checkOrderNumber(' ord-20240229-1234 ')).toMatchObject({ ok: true, normalized: 'ORD-20240229-1234', date: '2024-02-29' });
  });

  it.each(['ORD-20261020-001', 'ORD-2026102-0001', 'ORD20261020-0001', 'INV-20261020-0001', 'ORD-20261020-00012'])(
    '%s does not match the format',
    (number) => expect(checkOrderNumber(number)).toEqual({ ok: false, reason: 'expected the format ORD-YYYYMMDD-####' }),
  );

  it.each([['ORD-20260230-0001', '2026-02-30'], ['ORD-20231301-0001', '2023-13-01'], ['ORD-20250229-0001', '2025-02-29']])(
    '%s has an impossible date',
    (number, date) => expect(checkOrderNumber(number)).toEqual({ ok: false, reason: `${date} is not a calendar date` }),
  );

  it('a store may use its own template', () => {
    expect(checkOrderNumber('#1001', '#####')).toEqual({ ok: false, reason: 'expected the format #####' });
    expect(checkOrderNumber('SHOP.2026-0042', 'SHOP.####-####')).toEqual({ ok: true, normalized: 'SHOP.2026-0042', sequence: '20260042' });
    expect(checkOrderNumber('W20261231X77', 'WYYYYMMDDX##')).toMatchObject({ ok: true, date: '2026-12-31', sequence: '77' });
  });
});

describe('identity check by the last four phone digits (R004-02)', () => {
  it('compares digits only, whatever the formatting', () => {
    expect(verifyPhoneLast4('1199', '555-625-1199')).toBe(true);
    expect(verifyPhoneLast4('11-99', '+1 (555) 625 1199')).toBe(true);
    expect(verifyPhoneLast4('１１９９', '555.625.1199')).toBe(true);
    expect(verifyPhoneLast4('555 625 1199', '+15556251199')).toBe(true);
  });

  it('refuses wrong or too-short answers', () => {
    expect(verifyPhoneLast4('1198', '555-625-1199')).toBe(false);
    expect(verifyPhoneLast4('199', '555-625-1199')).toBe(false);
    expect(verifyPhoneLast4('', '555-625-1199')).toBe(false);
    expect(verifyPhoneLast4('1199', '')).toBe(false);
    expect(verifyPhoneLast4('1199', 'n/a')).toBe(false);
  });
});
