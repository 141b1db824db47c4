// Answers of /api/v1/finance/entries and /api/v1/reports/refunds-tracker (src/services/finance).

export interface FinanceEntry {
  id: string;
  kind: 'refund' | 'reshipment';
  state: 'pending_approval' | 'approved' | 'rejected' | 'performed';
  caseId: string | null;
  orderNumber: string | null;
  /** Decimal in the currency ("129.00"). */
  amount: string;
  amountMinor: number;
  currency: string;
  method: string;
  reason: string;
  note: string | null;
  reference: string | null;
  requestedBy: string | null;
  approvedBy: string | null;
  performedBy: string | null;
  createdAt: string;
  approvedAt: string | null;
  performedAt: string | null;
  updatedAt: string;
}

export interface TrackerCell { count: number; amountMinor: number }

export interface TrackerMonth {
  month: string;
  currency: string;
  refund: TrackerCell;
  store_credit: TrackerCell;
  reshipment: TrackerCell;
  /** Refunds and store credit over the threshold, also counted above. */
  large: TrackerCell;
}

export interface TrackerItem {
  source: 'rma' | 'form';
  reference: string;
  kind: string;
  at: string;
  currency: string;
  amountMinor: number;
  method: string;
  reason: string | null;
  orderNumber: string | null;
  approvedBy: number | null;
}

export interface RefundsTracker {
  year: number;
  months: TrackerMonth[];
  totals: Omit<TrackerMonth, 'month'>[];
  large: TrackerItem[];
  /** Per currency, the threshold above which a refund is "large" (R004-08). */
  largeOver: Record<string, string>;
}
