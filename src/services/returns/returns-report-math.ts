import type { BusinessCalendar } from '../../domain/calendar/business-calendar.js';
import { addTarget, type RmaTimeTargets } from '../../domain/returns/rma-time-targets.js';
import type { MoneyMovementRecord } from '../../store/repositories/money-movement.repository.js';
import type { RmaRecord } from '../../store/repositories/rma.repository.js';
import type { RmaItem } from './rma-snapshot.js';

// The returns metrics report (R004-10) and the refunds tracker (R000-09), computed from rows the
// service loaded. Pure: the same rows always give the same report, which is what the tests pin.

/** R004-11: return processing accuracy above 98%. */
export const ACCURACY_TARGET = 0.98;

export interface CountRow { key: string; rmas: number; units: number }
export interface ProductRow extends CountRow { category: string; reasons: Record<string, number> }

export interface MoneyRow {
  period: string;
  currency: string;
  kind: string;
  count: number;
  /** Minor units paid out (store credit before its bonus). */
  amount: number;
  bonus: number;
  /** R000-09: large refunds are their own class — those over the approval threshold. */
  largeCount: number;
  largeAmount: number;
}

export interface ReturnsReport {
  range: { from: string; to: string };
  returns: {
    requested: number;
    byState: Record<string, number>;
    byReason: CountRow[];
    byCategory: CountRow[];
    byProduct: ProductRow[];
  };
  refunds: { byMonth: MoneyRow[]; byYear: MoneyRow[] };
  processing: {
    /** RMAs completed in the range that were received (received → refunded, credited or, for a replacement, inspected). */
    completed: number;
    averageBusinessDays: number | null;
    medianBusinessDays: number | null;
    maxBusinessDays: number | null;
    averageHours: number | null;
    withinTarget: number;
    withinDeadline: number;
    shareWithinDeadline: number | null;
  };
  accuracy: {
    settled: number;
    matchingQuote: number;
    share: number | null;
    target: number;
    meetsTarget: boolean | null;
    mismatches: { number: string; currency: string; quoted: number; settled: number }[];
  };
}

export interface ReportInput {
  range: { from: string; to: string };
  rmas: RmaRecord[];
  movements: MoneyMovementRecord[];
  calendar: BusinessCalendar;
  targets: RmaTimeTargets;
  /** The approval threshold in a currency's minor units (R004-08), for the large-refund class. */
  approvalOver: (currency: string) => number;
}

const inRange = (at: string | null, range: { from: string; to: string }): at is string => at !== null && at >= range.from && at < range.to;

export function buildReturnsReport(input: ReportInput): ReturnsReport {
  const { range } = input;
  const requested = input.rmas.filter((r) => inRange(r.requestedAt, range));
  return {
    range,
    returns: countReturns(requested),
    refunds: {
      byMonth: moneyRows(input.movements, 7, input.approvalOver),
      byYear: moneyRows(input.movements, 4, input.approvalOver),
    },
    processing: processingTimes(input),
    accuracy: accuracyOf(input),
  };
}

function countReturns(rmas: RmaRecord[]): ReturnsReport['returns'] {
  const byState: Record<string, number> = {};
  const reasons = new Map<string, { rmas: Set<number>; units: number }>();
  const categories = new Map<string, { rmas: Set<number>; units: number }>();
  const products = new Map<string, { rmas: Set<number>; units: number; category: string; reasons: Record<string, number> }>();
  const bump = (map: Map<string, { rmas: Set<number>; units: number }>, key: string, rmaId: number, units: number) => {
    const entry = map.get(key) ?? { rmas: new Set<number>(), units: 0 };
    entry.rmas.add(rmaId);
    entry.units += units;
    map.set(key, entry);
  };
  for (const rma of rmas) {
    byState[rma.state] = (byState[rma.state] ?? 0) + 1;
    for (const item of JSON.parse(rma.itemsJson) as RmaItem[]) {
      bump(reasons, item.reason, rma.id, item.quantity);
      bump(categories, item.productCategory, rma.id, item.quantity);
      const product = products.get(item.sku) ?? { rmas: new Set<number>(), units: 0, category: item.productCategory, reasons: {} };
      product.rmas.add(rma.id);
      product.units += item.quantity;
      product.reasons[item.reason] = (product.reasons[item.reason] ?? 0) + item.quantity;
      products.set(item.sku, product);
    }
  }
  const rows = (map: Map<string, { rmas: Set<number>; units: number }>): CountRow[] =>
    [...map.entries()].map(([key, v]) => ({ key, rmas: v.rmas.size, units: v.units })).sort(byUnitsThenKey);
  return {
    requested: rmas.length,
    byState,
    byReason: rows(reasons),
    byCategory: rows(categories),
    byProduct: [...products.entries()]
      .map(([key, v]) => ({ key, category: v.category, rmas: v.rmas.size, units: v.units, reasons: v.reasons }))
      .sort(byUnitsThenKey),
  };
}

function byUnitsThenKey(a: CountRow, b: CountRow): number {
  return b.units - a.units || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Periods are UTC months ("2026-11", prefix 7) or years ("2026", prefix 4) of the movement's time. */
function moneyRows(movements: MoneyMovementRecord[], prefix: number, approvalOver: (currency: string) => number): MoneyRow[] {
  const rows = new Map<string, MoneyRow>();
  for (const m of movements) {
    const period = m.createdAt.slice(0, prefix);
    const key = `${period}|${m.currency}|${m.kind}`;
    const row = rows.get(key) ?? { period, currency: m.currency, kind: m.kind, count: 0, amount: 0, bonus: 0, largeCount: 0, largeAmount: 0 };
    row.count += 1;
    row.amount += m.amountMinor;
    row.bonus += m.bonusMinor;
    if (m.kind !== 'reshipment' && m.amountMinor + m.bonusMinor > approvalOver(m.currency)) {
      row.largeCount += 1;
      row.largeAmount += m.amountMinor;
    }
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => (a.period + a.currency + a.kind < b.period + b.currency + b.kind ? -1 : 1));
}

/** When the RMA's processing ended: paid out, or inspected for a replacement (nothing to pay). */
function completedAt(rma: RmaRecord): string | null {
  if (rma.refundedAt) return rma.refundedAt;
  if (rma.creditedAt) return rma.creditedAt;
  return rma.resolution === 'replacement' ? rma.inspectedAt : null;
}

function processingTimes(input: ReportInput): ReturnsReport['processing'] {
  const days: number[] = [];
  let hours = 0;
  let withinTarget = 0;
  let withinDeadline = 0;
  for (const rma of input.rmas) {
    const done = completedAt(rma);
    if (!inRange(done, input.range) || rma.receivedAt === null) continue;
    const received = new Date(rma.receivedAt);
    const finished = new Date(done);
    days.push(input.calendar.businessDaysBetween(received, finished));
    hours += (finished.getTime() - received.getTime()) / 3_600_000;
    if (finished <= addTarget(received, input.targets.processingTarget, input.calendar)) withinTarget += 1;
    if (finished <= addTarget(received, input.targets.processingDeadline, input.calendar)) withinDeadline += 1;
  }
  const n = days.length;
  const sorted = [...days].sort((a, b) => a - b);
  const median = n === 0 ? null : n % 2 === 1 ? (sorted[(n - 1) / 2] as number) : ((sorted[n / 2 - 1] as number) + (sorted[n / 2] as number)) / 2;
  return {
    completed: n,
    averageBusinessDays: n === 0 ? null : round2(days.reduce((a, b) => a + b, 0) / n),
    medianBusinessDays: median,
    maxBusinessDays: n === 0 ? null : (sorted[n - 1] as number),
    averageHours: n === 0 ? null : round2(hours / n),
    withinTarget,
    withinDeadline,
    shareWithinDeadline: n === 0 ? null : round4(withinDeadline / n),
  };
}

/** R004-11: an RMA is processed accurately when what was paid out equals what was quoted. */
function accuracyOf(input: ReportInput): ReturnsReport['accuracy'] {
  const settled = input.rmas.filter((r) => r.settledTotalMinor !== null && inRange(r.refundedAt ?? r.creditedAt, input.range));
  const mismatches = settled
    .filter((r) => r.settledTotalMinor !== r.refundTotalMinor)
    .map((r) => ({ number: r.number, currency: r.currency, quoted: r.refundTotalMinor, settled: r.settledTotalMinor as number }));
  const share = settled.length === 0 ? null : round4((settled.length - mismatches.length) / settled.length);
  return {
    settled: settled.length,
    matchingQuote: settled.length - mismatches.length,
    share,
    target: ACCURACY_TARGET,
    meetsTarget: share === null ? null : share > ACCURACY_TARGET,
    mismatches,
  };
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;
