import type { Store } from '../../store/database.js';
import { listPerformedFinanceEntries, listRmaPayoutsBetween } from '../../store/repositories/finance-entry.repository.js';
import { invalidInput } from '../../domain/errors.js';
import { buildRefundsTracker, type RefundsTracker, type TrackerItem, type TrackerKind } from '../../domain/finance/refunds-tracker.js';
import { minorToDecimal } from '../../domain/money/decimal.js';
import { policyAmount } from '../../domain/returns/quote-return.js';
import { csvRows, type CsvCell } from '../../integrations/csv/csv-writer.js';
import { requirePermission, type Actor } from '../actor.js';
import { clock } from '../clock.js';
import { loadReturnsSettings } from '../returns/returns-settings.js';

/**
 * The refunds tracker of a year (R000-09): returns' payouts (money_movements, written when an RMA
 * is refunded, credited or replaced) and the performed refunds/reshipments of the form, per month
 * and currency, with the large refunds — over the approval threshold — listed on their own.
 */
export interface RefundsTrackerView extends RefundsTracker {
  /** Per currency, the threshold above which a refund is "large" (R004-08), as a decimal. */
  largeOver: Record<string, string>;
}

export async function refundsTracker(store: Store, actor: Actor, input: { year?: unknown }): Promise<RefundsTrackerView> {
  requirePermission(actor, 'returns.report');
  const year = input.year === undefined || input.year === '' ? clock.now().getUTCFullYear() : Number(input.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw invalidInput('year', 'expected a year from 2000 to 2100');
  const range = { from: `${year}-01-01T00:00:00.000Z`, to: `${year + 1}-01-01T00:00:00.000Z` };
  const settings = await loadReturnsSettings(store);
  const largeOver = (currency: string) => policyAmount(settings.returnPolicy.approvalOver, currency);
  const [payouts, entries] = await Promise.all([listRmaPayoutsBetween(store.db, range), listPerformedFinanceEntries(store.db, range)]);
  const items: TrackerItem[] = [
    ...payouts.map((p): TrackerItem => ({
      source: 'rma', reference: p.rmaNumber, kind: p.kind as TrackerKind, at: p.at, currency: p.currency, amountMinor: p.amountMinor,
      method: p.method, reason: p.note, orderNumber: p.orderNumber, approvedBy: p.approvedBy,
    })),
    ...entries.map((e): TrackerItem => ({
      source: 'form', reference: `F-${e.id}`, kind: e.kind === 'refund' && e.method === 'store_credit' ? 'store_credit' : (e.kind as TrackerKind), at: e.performedAt!,
      currency: e.currency, amountMinor: e.amountMinor, method: e.method, reason: e.reason, orderNumber: e.orderNumber, approvedBy: e.approvedBy,
    })),
  ];
  const tracker = buildRefundsTracker(year, items, largeOver);
  const currencies = [...new Set(items.map((i) => i.currency))].sort();
  return { ...tracker, largeOver: Object.fromEntries(currencies.map((c) => [c, minorToDecimal(largeOver(c), c)])) };
}

export const TRACKER_CSV_HEADER = [
  'section', 'month', 'currency', 'refunds', 'refund_amount', 'store_credits', 'store_credit_amount', 'reshipments', 'reshipment_amount',
  'large_refunds', 'large_amount', 'source', 'reference', 'at', 'amount', 'method', 'reason', 'order_number',
] as const;

/** One table: a row per month and currency, the year's totals, then each large refund on its own row. */
export function refundsTrackerCsv(t: RefundsTracker): string {
  const rows: CsvCell[][] = [];
  const row = (cells: Partial<Record<(typeof TRACKER_CSV_HEADER)[number], CsvCell>>) => rows.push(TRACKER_CSV_HEADER.map((h) => cells[h] ?? null));
  const d = (minor: number, currency: string) => minorToDecimal(minor, currency);
  for (const [section, list] of [['month', t.months], ['total', t.totals.map((x) => ({ ...x, month: String(t.year) }))]] as const) {
    for (const m of list) {
      row({
        section, month: m.month, currency: m.currency,
        refunds: m.refund.count, refund_amount: d(m.refund.amountMinor, m.currency),
        store_credits: m.store_credit.count, store_credit_amount: d(m.store_credit.amountMinor, m.currency),
        reshipments: m.reshipment.count, reshipment_amount: d(m.reshipment.amountMinor, m.currency),
        large_refunds: m.large.count, large_amount: d(m.large.amountMinor, m.currency),
      });
    }
  }
  for (const i of t.large) {
    row({
      section: 'large_refund', month: i.at.slice(0, 7), currency: i.currency, source: i.source, reference: i.reference, at: i.at,
      amount: d(i.amountMinor, i.currency), method: i.method, reason: i.reason, order_number: i.orderNumber,
    });
  }
  return csvRows(TRACKER_CSV_HEADER, rows);
}
