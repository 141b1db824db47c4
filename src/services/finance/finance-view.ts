import type { FinanceEntryRecord } from '../../store/repositories/finance-entry.repository.js';
import { minorToDecimal } from '../../domain/money/decimal.js';

export interface FinanceEntryView {
  id: string;
  kind: string;
  state: string;
  caseId: string | null;
  orderNumber: string | null;
  /** Decimal in the currency ("129.00"), as money crosses every boundary. */
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

const idOf = (n: number | null) => (n === null ? null : String(n));

export function presentFinanceEntry(e: FinanceEntryRecord): FinanceEntryView {
  return {
    id: String(e.id), kind: e.kind, state: e.state, caseId: idOf(e.caseId), orderNumber: e.orderNumber,
    amount: minorToDecimal(e.amountMinor, e.currency), amountMinor: e.amountMinor, currency: e.currency, method: e.method, reason: e.reason,
    note: e.note, reference: e.reference, requestedBy: idOf(e.requestedBy), approvedBy: idOf(e.approvedBy), performedBy: idOf(e.performedBy),
    createdAt: e.createdAt, approvedAt: e.approvedAt, performedAt: e.performedAt, updatedAt: e.updatedAt,
  };
}
