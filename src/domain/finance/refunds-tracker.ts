// The refunds tracker per year (R000-09, "Refunds Tracker 2025"): per month and currency, what
// went out — refunds, store credit, reshipments — with totals, and the large refunds (over the
// approval threshold, 500.00 by default) listed one by one as their own class. Pure: built from
// RMA payouts and performed form entries the service loaded.

export type TrackerKind = 'refund' | 'store_credit' | 'reshipment';

export interface TrackerItem {
  source: 'rma' | 'form';
  /** RMA number or form entry id. */
  reference: string;
  kind: TrackerKind;
  at: string;
  currency: string;
  amountMinor: number;
  method: string;
  reason: string | null;
  orderNumber: string | null;
  approvedBy: number | null;
}

export interface TrackerCell {
  count: number;
  amountMinor: number;
}

export interface TrackerMonth {
  month: string;
  currency: string;
  refund: TrackerCell;
  store_credit: TrackerCell;
  reshipment: TrackerCell;
  /** Refunds and store credit over the threshold (their own class), also counted above. */
  large: TrackerCell;
}

export interface RefundsTracker {
  year: number;
  months: TrackerMonth[];
  totals: Omit<TrackerMonth, 'month'>[];
  large: TrackerItem[];
}

const empty = (): TrackerCell => ({ count: 0, amountMinor: 0 });
const add = (cell: TrackerCell, amount: number) => {
  cell.count += 1;
  cell.amountMinor += amount;
};

export function buildRefundsTracker(year: number, items: readonly TrackerItem[], largeOver: (currency: string) => number): RefundsTracker {
  const months = new Map<string, TrackerMonth>();
  const totals = new Map<string, Omit<TrackerMonth, 'month'>>();
  const large: TrackerItem[] = [];
  const sorted = [...items].filter((i) => i.at.startsWith(`${year}-`)).sort((a, b) => (a.at === b.at ? a.reference.localeCompare(b.reference) : a.at < b.at ? -1 : 1));
  for (const item of sorted) {
    const month = item.at.slice(0, 7);
    const key = `${month}|${item.currency}`;
    const row = months.get(key) ?? { month, currency: item.currency, refund: empty(), store_credit: empty(), reshipment: empty(), large: empty() };
    const total = totals.get(item.currency) ?? { currency: item.currency, refund: empty(), store_credit: empty(), reshipment: empty(), large: empty() };
    add(row[item.kind], item.amountMinor);
    add(total[item.kind], item.amountMinor);
    if (item.kind !== 'reshipment' && item.amountMinor > largeOver(item.currency)) {
      add(row.large, item.amountMinor);
      add(total.large, item.amountMinor);
      large.push(item);
    }
    months.set(key, row);
    totals.set(item.currency, total);
  }
  return {
    year,
    months: [...months.values()].sort((a, b) => (a.month + a.currency < b.month + b.currency ? -1 : 1)),
    totals: [...totals.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1)),
    large,
  };
}
