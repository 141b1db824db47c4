import type { Store } from '../../store/database.js';
import { listLinkedOrderIds, listLogsWithSku } from '../../store/repositories/case-log.repository.js';
import { can } from '../../domain/access/permissions.js';
import { RESTRICTED_CATEGORIES } from '../../domain/access/case-visibility.js';
import { invalidInput } from '../../domain/errors.js';
import { summarizeDiscrepancies, type SkuDiscrepancy } from '../../domain/logs/inventory-discrepancy.js';
import type { LogFields } from '../../domain/logs/log-type.js';
import { toCsv } from '../../integrations/csv/csv-writer.js';
import { requirePermission, type Actor } from '../actor.js';

function instant(value: unknown, field: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  const t = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(t)) throw invalidInput(field, 'expected an ISO-8601 date or time');
  return new Date(t).toISOString();
}

/** Out-of-stock entries per SKU over a period (opened from ≤ t < to): R001-06 "report inventory discrepancy". */
export async function inventoryDiscrepancyReport(store: Store, actor: Actor, query: { from?: unknown; to?: unknown }) {
  requirePermission(actor, 'logs.report');
  const from = instant(query.from, 'from');
  const to = instant(query.to, 'to');
  if (from && to && from >= to) throw invalidInput('to', 'must be after from');
  const rows = await listLogsWithSku(store.db, {
    type: 'out_of_stock', ...(from ? { from } : {}), ...(to ? { to } : {}),
    excludeCategories: can(actor.role, 'restricted.read') ? [] : [...RESTRICTED_CATEGORIES],
  });
  const linked = await listLinkedOrderIds(store.db, rows.map((r) => r.logId));
  const linksOf = new Map<number, number[]>();
  for (const l of linked) linksOf.set(l.logId, [...(linksOf.get(l.logId) ?? []), l.orderId]);
  const summary = summarizeDiscrepancies(rows.map((r) => ({
    sku: r.sku, open: r.closedAt === null, fields: r.fields as LogFields, openedAt: r.openedAt,
    orderIds: [...(r.orderId !== null ? [r.orderId] : []), ...(linksOf.get(r.logId) ?? [])],
  })));
  return { from: from ?? null, to: to ?? null, ...summary };
}

export function inventoryDiscrepancyCsv(report: { skus: SkuDiscrepancy[] }): string {
  return toCsv<SkuDiscrepancy>([
    { header: 'sku', value: (s) => s.sku },
    { header: 'entries', value: (s) => s.entries },
    { header: 'open_entries', value: (s) => s.openEntries },
    { header: 'affected_orders', value: (s) => s.affectedOrders },
    { header: 'system_count', value: (s) => s.systemCount },
    { header: 'physical_count', value: (s) => s.physicalCount },
    { header: 'discrepancy', value: (s) => s.discrepancy },
    { header: 'substitute', value: (s) => s.outcomes.substitute },
    { header: 'backorder', value: (s) => s.outcomes.backorder },
    { header: 'refund', value: (s) => s.outcomes.refund },
    { header: 'next_restock_date', value: (s) => s.nextRestockDate },
    { header: 'first_reported_at', value: (s) => s.firstReportedAt },
    { header: 'last_reported_at', value: (s) => s.lastReportedAt },
  ], report.skus);
}
