import type { Id, Int } from './column-types.js';

// RMAs, their alerts, money movements and the refunds/reshipments form (issue 6, R000-09).

export interface RmasTable {
  id: Id;
  /** RMA-YYYYMMDD-XXXX (src/domain/returns/rma.ts). */
  number: string;
  order_id: number;
  order_number: string;
  case_id: number | null;
  /** requested | approved | denied | label_sent | in_transit | received | inspected | refunded | credited | cancelled */
  state: string;
  /** The lines' reason when they share one, else "mixed". */
  reason: string;
  resolution: string;
  method: string | null;
  eligible: number;
  approval_required: number;
  /** The returned lines with category, price and, once inspected, outcome and disposition. */
  items_json: string;
  /** The quote as issued (returns-quote.md), minor units. */
  quote_json: string;
  /** The order as quoted: lines, shipping, dates, minor units. */
  order_json: string;
  currency: string;
  refund_total_minor: Int;
  store_credit_bonus_minor: Int;
  /** What was actually paid out (refund, or credit before its bonus); null until settled. */
  settled_total_minor: Int | null;
  requested_by: number | null;
  approved_by: number | null;
  denied_by: number | null;
  decision_note: string | null;
  tracking_number: string | null;
  policy_version: number | null;
  requested_at: string;
  approved_at: string | null;
  denied_at: string | null;
  label_sent_at: string | null;
  in_transit_at: string | null;
  received_at: string | null;
  inspected_at: string | null;
  refunded_at: string | null;
  credited_at: string | null;
  cancelled_at: string | null;
  /** The earliest pending target of the current state; null when nothing is due. */
  due_kind: string | null;
  due_at: string | null;
  warn_at: string | null;
  /** Every target of the current state (RmaDue[]). */
  due_json: string;
  created_at: string;
  updated_at: string;
  /** The next instant a warning or breach of the current state is pending; null when none. */
  alert_at: string | null;
}

export interface RmaAlertsTable {
  id: Id;
  rma_id: number;
  state: string;
  /** confirmation | follow_up | label | processing */
  due_kind: string;
  /** warning | breach */
  alert: string;
  /** The instant that fell due. */
  due_at: string;
  created_at: string;
}

export interface MoneyMovementsTable {
  id: Id;
  rma_id: number;
  order_id: number;
  /** refund | store_credit | reshipment */
  kind: string;
  amount_minor: Int;
  /** Store credit bonus included on top of amount_minor (R004-12); 0 otherwise. */
  bonus_minor: Int;
  currency: string;
  /** original_payment | store_credit | reshipment */
  method: string;
  requested_by: number | null;
  approved_by: number | null;
  performed_by: number | null;
  note: string | null;
  created_at: string;
}

export interface FinanceEntriesTable {
  id: Id;
  /** refund | reshipment */
  kind: string;
  /** pending_approval | approved | rejected | performed */
  state: string;
  case_id: number | null;
  order_number: string | null;
  amount_minor: Int;
  currency: string;
  method: string;
  reason: string;
  note: string | null;
  /** The payment, voucher or tracking reference once performed. */
  reference: string | null;
  requested_by: number | null;
  approved_by: number | null;
  performed_by: number | null;
  created_at: string;
  approved_at: string | null;
  performed_at: string | null;
  updated_at: string;
}

export interface ReturnTables {
  rmas: RmasTable;
  rma_alerts: RmaAlertsTable;
  money_movements: MoneyMovementsTable;
  finance_entries: FinanceEntriesTable;
}
