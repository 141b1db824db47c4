// Wire format of the returns API (contract returns-quote.md; src/services/returns/rma-view.ts).
// Every amount is an integer in the currency's minor unit.

export interface QuoteReason {
  rule: string;
  text: string;
}

export interface QuoteLine {
  sku: string;
  quantity: number;
  amount: number;
  tax: number;
  restockingFee: number;
  reason: string;
  eligible: boolean;
  resolution: string;
}

export interface Quote {
  eligible: boolean;
  resolution: string;
  method: string | null;
  currency: string;
  lines: QuoteLine[];
  itemsTotal: number;
  taxTotal: number;
  shippingRefund: number;
  returnShippingDeduction: number;
  restockingFee: number;
  refundTotal: number;
  storeCreditBonus?: number;
  approvalRequired: boolean;
  reasons: QuoteReason[];
}

export interface RmaSummary {
  number: string;
  state: string;
  order: { id: string; number: string };
  caseId: string | null;
  reason: string;
  resolution: string;
  method: string | null;
  currency: string;
  refundTotal: number;
  approvalRequired: boolean;
  requestedAt: string;
  dueKind: string | null;
  dueAt: string | null;
  complete: boolean;
  updatedAt: string;
}

export interface RmaItem {
  sku: string;
  quantity: number;
  reason: string;
  condition: string;
  productCategory: string;
  unitPrice: number;
  eligible: boolean;
  resolution: string;
  amount: number;
  tax: number;
  restockingFee: number;
  inspection?: { outcome: string; disposition: string; conditionFound?: string; note?: string; at: string };
}

export interface MoneyMovement {
  id: string;
  kind: string;
  method: string;
  amount: number;
  bonus: number;
  currency: string;
  requestedBy: string | null;
  approvedBy: string | null;
  performedBy: string | null;
  note: string | null;
  createdAt: string;
}

export interface RmaDue {
  kind: string;
  rule: string;
  from: string;
  dueAt: string;
  warnAt?: string;
}

/** The moves of src/domain/returns/rma.ts. */
export type RmaEvent = 'approve' | 'deny' | 'send_label' | 'ship' | 'receive' | 'inspect' | 'refund' | 'credit' | 'cancel';

export interface Rma extends RmaSummary {
  eligible: boolean;
  approvalReasons: QuoteReason[];
  storeCreditBonus: number;
  settledTotal: number | null;
  items: RmaItem[];
  quote: Quote;
  requestedBy: string | null;
  approvedBy: string | null;
  deniedBy: string | null;
  decisionNote: string | null;
  trackingNumber: string | null;
  timestamps: Record<string, string | null>;
  due: RmaDue[];
  warnAt: string | null;
  allowedEvents: RmaEvent[];
  movements: MoneyMovement[];
  createdAt: string;
}
