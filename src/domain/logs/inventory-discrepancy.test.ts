import { describe, expect, it } from 'vitest';
import { summarizeDiscrepancies } from './inventory-discrepancy.js';

describe('inventory discrepancy report (R001-06)', () => {
  it('groups entries per SKU with the latest counts, distinct affected orders and outcomes, the most orders first', () => {
    const report = summarizeDiscrepancies([
      { sku: 'RING-7', open: false, fields: { systemCount: 5, physicalCount: 0, outcome: 'refund' }, openedAt: '2026-11-01T10:00:00.000Z', orderIds: [1, 2] },
      { sku: 'RING-7', open: true, fields: { systemCount: 4, physicalCount: 1, restockDate: '2026-12-01' }, openedAt: '2026-11-03T10:00:00.000Z', orderIds: [2, 3] },
      { sku: 'EAR-1', open: true, fields: { outcome: 'substitute' }, openedAt: '2026-11-02T10:00:00.000Z', orderIds: [9] },
    ]);
    expect(report.totals).toEqual({ skus: 2, entries: 3, affectedOrders: 4 });
    expect(report.skus[0]).toEqual({
      sku: 'RING-7', entries: 2, openEntries: 1, affectedOrders: 3, systemCount: 4, physicalCount: 1, discrepancy: 3,
      outcomes: { substitute: 0, backorder: 0, refund: 1 }, nextRestockDate: '2026-12-01',
      firstReportedAt: '2026-11-01T10:00:00.000Z', lastReportedAt: '2026-11-03T10:00:00.000Z',
    });
    expect(report.skus[1]).toMatchObject({ sku: 'EAR-1', discrepancy: null, outcomes: { substitute: 1 } });
  });

  it('an empty period is an empty report', () => {
    expect(summarizeDiscrepancies([])).toEqual({ skus: [], totals: { skus: 0, entries: 0, affectedOrders: 0 } });
  });
});
