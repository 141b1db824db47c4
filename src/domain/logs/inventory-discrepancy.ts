import type { LogFields } from './log-type.js';

// R001-06 "Fix: report inventory discrepancy": per SKU, how often the shelf disagreed with the
// system, how many orders it touched, and what was done — so the count gets fixed at its source.

export interface DiscrepancyInput {
  sku: string;
  open: boolean;
  fields: LogFields;
  openedAt: string;
  /** The entry's own order and the orders linked to it. */
  orderIds: readonly number[];
}

export interface SkuDiscrepancy {
  sku: string;
  entries: number;
  openEntries: number;
  affectedOrders: number;
  /** From the latest entry that recorded them. */
  systemCount: number | null;
  physicalCount: number | null;
  /** System minus shelf: units the system believes in that are not there. */
  discrepancy: number | null;
  outcomes: { substitute: number; backorder: number; refund: number };
  /** The earliest restock date among open entries. */
  nextRestockDate: string | null;
  firstReportedAt: string;
  lastReportedAt: string;
}

const int = (v: unknown) => (typeof v === 'number' ? v : null);

export function summarizeDiscrepancies(rows: readonly DiscrepancyInput[]): { skus: SkuDiscrepancy[]; totals: { skus: number; entries: number; affectedOrders: number } } {
  const bySku = new Map<string, { s: SkuDiscrepancy; orders: Set<number> }>();
  const sorted = [...rows].sort((a, b) => a.openedAt.localeCompare(b.openedAt));
  for (const r of sorted) {
    let entry = bySku.get(r.sku);
    if (!entry) {
      entry = {
        s: {
          sku: r.sku, entries: 0, openEntries: 0, affectedOrders: 0, systemCount: null, physicalCount: null, discrepancy: null,
          outcomes: { substitute: 0, backorder: 0, refund: 0 }, nextRestockDate: null, firstReportedAt: r.openedAt, lastReportedAt: r.openedAt,
        },
        orders: new Set(),
      };
      bySku.set(r.sku, entry);
    }
    const s = entry.s;
    s.entries += 1;
    s.lastReportedAt = r.openedAt;
    for (const id of r.orderIds) entry.orders.add(id);
    if (r.open) s.openEntries += 1;
    if (int(r.fields.systemCount) !== null) s.systemCount = int(r.fields.systemCount);
    if (int(r.fields.physicalCount) !== null) s.physicalCount = int(r.fields.physicalCount);
    const outcome = r.fields.outcome;
    if (outcome === 'substitute' || outcome === 'backorder' || outcome === 'refund') s.outcomes[outcome] += 1;
    const restock = r.fields.restockDate;
    if (r.open && typeof restock === 'string' && (s.nextRestockDate === null || restock < s.nextRestockDate)) s.nextRestockDate = restock;
  }
  const skus = [...bySku.values()].map(({ s, orders }) => ({
    ...s,
    affectedOrders: orders.size,
    discrepancy: s.systemCount !== null && s.physicalCount !== null ? s.systemCount - s.physicalCount : null,
  }));
  skus.sort((a, b) => b.affectedOrders - a.affectedOrders || (b.discrepancy ?? 0) - (a.discrepancy ?? 0) || a.sku.localeCompare(b.sku));
  const allOrders = new Set(rows.flatMap((r) => r.orderIds));
  return { skus, totals: { skus: skus.length, entries: rows.length, affectedOrders: allOrders.size } };
}
