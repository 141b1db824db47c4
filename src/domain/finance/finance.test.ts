import { describe, expect, it } from 'vitest';
import { codeOf } from '../../../test/support/code-of.js';
import { checkFinanceMove, initialFinanceState } from './finance-entry.js';
import { buildRefundsTracker, type TrackerItem } from './refunds-tracker.js';

const item = (reference: string, at: string, kind: TrackerItem['kind'], amountMinor: number, currency = 'EUR'): TrackerItem =>
  ({ source: 'form', reference, kind, at, currency, amountMinor, method: 'original_payment', reason: 'r', orderNumber: null, approvedBy: null });

describe('refunds/reshipments form (R000-09)', () => {
  it('a refund over 500.00 waits for a supervisor (R004-08); 500.00 exactly and reshipments do not', () => {
    expect(initialFinanceState('refund', 50_001, 50_000)).toBe('pending_approval');
    expect(initialFinanceState('refund', 50_000, 50_000)).toBe('approved');
    expect(initialFinanceState('reshipment', 90_000, 50_000)).toBe('approved');
  });
  it('the requester cannot approve their own large refund; an agent cannot approve at all (four eyes)', () => {
    expect(codeOf(() => checkFinanceMove({ state: 'pending_approval', requestedBy: 7 }, 'approved', { id: 7, mayApprove: true }))).toMatchObject({ code: 'forbidden' });
    expect(codeOf(() => checkFinanceMove({ state: 'pending_approval', requestedBy: 7 }, 'approved', { id: 8, mayApprove: false }))).toEqual({ code: 'forbidden', field: 'to' });
    expect(checkFinanceMove({ state: 'pending_approval', requestedBy: 7 }, 'approved', { id: 8, mayApprove: true })).toBe('approved');
  });
  it('a refund waiting for approval cannot be performed; a performed one never changes', () => {
    expect(codeOf(() => checkFinanceMove({ state: 'pending_approval', requestedBy: 7 }, 'performed', { id: 8, mayApprove: true }))).toEqual({ code: 'invalid_transition', field: 'to' });
    expect(codeOf(() => checkFinanceMove({ state: 'performed', requestedBy: 7 }, 'rejected', { id: 8, mayApprove: true }))).toEqual({ code: 'invalid_transition', field: 'to' });
    expect(codeOf(() => checkFinanceMove({ state: 'approved', requestedBy: 7 }, 'paid', { id: 8, mayApprove: true }))).toEqual({ code: 'invalid_input', field: 'to' });
  });
});

describe('refunds tracker per year (R000-09)', () => {
  const items = [
    item('A', '2026-01-15T10:00:00.000Z', 'refund', 12_900),
    item('B', '2026-01-20T10:00:00.000Z', 'refund', 65_000),
    item('C', '2026-01-21T10:00:00.000Z', 'reshipment', 80_000),
    item('D', '2026-03-02T10:00:00.000Z', 'store_credit', 50_001),
    item('E', '2026-03-02T11:00:00.000Z', 'refund', 1_000, 'USD'),
    item('F', '2025-12-31T23:59:59.999Z', 'refund', 99_999),
  ];
  const t = buildRefundsTracker(2026, items, () => 50_000);
  it('totals per month and currency; only the year asked for', () => {
    expect(t.months.map((m) => [m.month, m.currency, m.refund.amountMinor, m.store_credit.amountMinor, m.reshipment.count])).toEqual([
      ['2026-01', 'EUR', 77_900, 0, 1], ['2026-03', 'EUR', 0, 50_001, 0], ['2026-03', 'USD', 1_000, 0, 0],
    ]);
    expect(t.totals.find((x) => x.currency === 'EUR')).toMatchObject({ refund: { count: 2, amountMinor: 77_900 }, large: { count: 2, amountMinor: 115_001 } });
  });
  it('refunds over 500.00 are listed separately, one by one; a reshipment is never a large refund', () => {
    expect(t.large.map((i) => i.reference)).toEqual(['B', 'D']);
  });
});
