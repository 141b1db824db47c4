import type { RmaRecord } from '../../store/repositories/rma.repository.js';
import type { MoneyMovementRecord } from '../../store/repositories/money-movement.repository.js';
import type { QuoteReason } from '../../domain/returns/quote-return.js';
import { approvalReasonsOf } from '../../domain/returns/rma-approval.js';
import { allowedRmaEvents, rmaIsComplete, type RmaEvent, type RmaState } from '../../domain/returns/rma.js';
import type { RmaDue } from '../../domain/returns/rma-time-targets.js';
import type { Resolution } from '../../domain/returns/return-vocabulary.js';
import { parseRmaRecord, type RmaItem } from './rma-snapshot.js';

// The RMA as the API and CLI show it. Amounts are integers in the currency's minor unit, as in the
// quote (returns-quote.md); ids are strings, as everywhere in the API.

export interface MoneyMovementView {
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

export interface RmaSummaryView {
  number: string;
  state: RmaState;
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

export interface RmaView extends RmaSummaryView {
  eligible: boolean;
  approvalReasons: QuoteReason[];
  storeCreditBonus: number;
  settledTotal: number | null;
  items: RmaItem[];
  quote: unknown;
  requestedBy: string | null;
  approvedBy: string | null;
  deniedBy: string | null;
  decisionNote: string | null;
  trackingNumber: string | null;
  policyVersion: number | null;
  /** When each state was reached. */
  timestamps: Record<string, string | null>;
  /** What the desk owes in this state and by when (R004-05, R004-07, R004-08). */
  due: RmaDue[];
  warnAt: string | null;
  /** The moves the state machine allows from here. */
  allowedEvents: RmaEvent[];
  movements: MoneyMovementView[];
  createdAt: string;
}

const idOf = (v: number | null): string | null => (v === null ? null : String(v));

export function presentRmaSummary(rma: RmaRecord): RmaSummaryView {
  return {
    number: rma.number,
    state: rma.state as RmaState,
    order: { id: String(rma.orderId), number: rma.orderNumber },
    caseId: idOf(rma.caseId),
    reason: rma.reason,
    resolution: rma.resolution,
    method: rma.method,
    currency: rma.currency,
    refundTotal: rma.refundTotalMinor,
    approvalRequired: rma.approvalRequired,
    requestedAt: rma.requestedAt,
    dueKind: rma.dueKind,
    dueAt: rma.dueAt,
    complete: rmaIsComplete(rma.state as RmaState, rma.resolution as Resolution),
    updatedAt: rma.updatedAt,
  };
}

export function presentMovement(m: MoneyMovementRecord): MoneyMovementView {
  return {
    id: String(m.id),
    kind: m.kind,
    method: m.method,
    amount: m.amountMinor,
    bonus: m.bonusMinor,
    currency: m.currency,
    requestedBy: idOf(m.requestedBy),
    approvedBy: idOf(m.approvedBy),
    performedBy: idOf(m.performedBy),
    note: m.note,
    createdAt: m.createdAt,
  };
}

export function presentRma(rma: RmaRecord, movements: MoneyMovementRecord[]): RmaView {
  const parsed = parseRmaRecord(rma);
  return {
    ...presentRmaSummary(rma),
    eligible: rma.eligible,
    approvalReasons: approvalReasonsOf(parsed.quote),
    storeCreditBonus: rma.storeCreditBonusMinor,
    settledTotal: rma.settledTotalMinor,
    items: parsed.items,
    quote: parsed.quote,
    requestedBy: idOf(rma.requestedBy),
    approvedBy: idOf(rma.approvedBy),
    deniedBy: idOf(rma.deniedBy),
    decisionNote: rma.decisionNote,
    trackingNumber: rma.trackingNumber,
    policyVersion: rma.policyVersion,
    timestamps: {
      requestedAt: rma.requestedAt,
      approvedAt: rma.approvedAt,
      deniedAt: rma.deniedAt,
      labelSentAt: rma.labelSentAt,
      inTransitAt: rma.inTransitAt,
      receivedAt: rma.receivedAt,
      inspectedAt: rma.inspectedAt,
      refundedAt: rma.refundedAt,
      creditedAt: rma.creditedAt,
      cancelledAt: rma.cancelledAt,
    },
    due: JSON.parse(rma.dueJson) as RmaDue[],
    warnAt: rma.warnAt,
    allowedEvents: allowedRmaEvents(rma.state as RmaState),
    movements: movements.map(presentMovement),
    createdAt: rma.createdAt,
  };
}
