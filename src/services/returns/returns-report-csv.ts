import { minorToDecimal } from '../../domain/money/decimal.js';
import { csvRows, type CsvCell } from '../../integrations/csv/csv-writer.js';
import type { ReturnsReport } from './returns-report-math.js';

/**
 * The report as one long table, one section per block, so a spreadsheet can filter by `section`.
 * Money is written as decimals in its currency ("179.58"), as finance reads it.
 */
export const REPORT_CSV_HEADER = ['section', 'key', 'kind', 'currency', 'count', 'units', 'amount', 'bonus', 'large_count', 'large_amount', 'value'] as const;

export function returnsReportCsv(report: ReturnsReport): string {
  const rows: CsvCell[][] = [];
  const row = (cells: Partial<Record<(typeof REPORT_CSV_HEADER)[number], CsvCell>>) => rows.push(REPORT_CSV_HEADER.map((h) => cells[h] ?? null));
  row({ section: 'range', key: 'from', value: report.range.from });
  row({ section: 'range', key: 'to', value: report.range.to });
  row({ section: 'returns', key: 'requested', count: report.returns.requested });
  for (const [state, count] of Object.entries(report.returns.byState)) row({ section: 'returns_by_state', key: state, count });
  for (const r of report.returns.byReason) row({ section: 'returns_by_reason', key: r.key, count: r.rmas, units: r.units });
  for (const r of report.returns.byCategory) row({ section: 'returns_by_category', key: r.key, count: r.rmas, units: r.units });
  for (const r of report.returns.byProduct) row({ section: 'returns_by_product', key: r.key, count: r.rmas, units: r.units, value: r.category });
  for (const [section, list] of [['refunds_by_month', report.refunds.byMonth], ['refunds_by_year', report.refunds.byYear]] as const) {
    for (const m of list) {
      row({
        section, key: m.period, kind: m.kind, currency: m.currency, count: m.count,
        amount: minorToDecimal(m.amount, m.currency), bonus: minorToDecimal(m.bonus, m.currency),
        large_count: m.largeCount, large_amount: minorToDecimal(m.largeAmount, m.currency),
      });
    }
  }
  for (const [key, value] of Object.entries(report.processing)) row({ section: 'processing', key, value: value as CsvCell });
  const { mismatches, ...accuracy } = report.accuracy;
  for (const [key, value] of Object.entries(accuracy)) row({ section: 'accuracy', key, value: value as CsvCell });
  for (const m of mismatches) {
    row({ section: 'accuracy_mismatch', key: m.number, currency: m.currency, amount: minorToDecimal(m.settled, m.currency), value: minorToDecimal(m.quoted, m.currency) });
  }
  return csvRows(REPORT_CSV_HEADER, rows);
}
