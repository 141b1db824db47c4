import type { Executor } from '../../store/database.js';
import type { OrderRecord } from '../../store/repositories/order.repository.js';
import { insertRma, listLiveRmasOfOrder, rmaNumberTaken, type RmaRecord } from '../../store/repositories/rma.repository.js';
import { DomainError } from '../../domain/errors.js';
import type { Quote } from '../../domain/returns/quote-return.js';
import type { ReturnRequest } from '../../domain/returns/return-request.js';
import { formatRmaNumber } from '../../domain/returns/rma.js';
import { approvalReasonsOf } from '../../domain/returns/rma-approval.js';
import { dueFields, recordRmaEvent } from './change-rma.js';
import type { ReturnsSettings } from './returns-settings.js';
import { itemsOf, orderSnapshotOf, rmaReasonOf, type RmaItem } from './rma-snapshot.js';

const NUMBER_ATTEMPTS = 8;

export interface RequestedRma {
  order: OrderRecord;
  request: ReturnRequest;
  quote: Quote;
  caseId: number | null;
  actorId: number | null;
  /** The integration that requested it ("shopify"), or null for a person. */
  via: string | null;
  note: string | null;
  now: Date;
  settings: ReturnsSettings;
  /** Facts for the timeline and audit beyond the quote's (how identity was checked, the platform's ids). */
  data: Record<string, unknown>;
}

/**
 * Stores a quoted return as an RMA in `requested` (R004-05), with its confirmation due in an hour
 * (R004-07), and records it on the case and in the audit trail. The caller holds the order's lock
 * (lockOrderForReturn), so the units check cannot race another request for the same order.
 */
export async function createRequestedRma(trx: Executor, r: RequestedRma): Promise<RmaRecord> {
  await refuseUnitsAlreadyReturned(trx, r.order.id, r.request);
  const at = r.now.toISOString();
  const items = itemsOf(r.request, r.quote);
  const approvalRequired = approvalReasonsOf(r.quote).length > 0;
  const number = await freshRmaNumber(trx, r.now);
  const rma = await insertRma(trx, {
    number,
    orderId: r.order.id,
    orderNumber: r.order.number,
    caseId: r.caseId,
    state: 'requested',
    reason: rmaReasonOf(items),
    resolution: r.quote.resolution,
    method: r.quote.method,
    eligible: r.quote.eligible,
    approvalRequired,
    itemsJson: JSON.stringify(items),
    quoteJson: JSON.stringify(r.quote),
    orderJson: JSON.stringify(orderSnapshotOf(r.request, r.order.number)),
    currency: r.quote.currency,
    refundTotalMinor: r.quote.refundTotal,
    storeCreditBonusMinor: r.quote.storeCreditBonus,
    settledTotalMinor: null,
    requestedBy: r.actorId,
    approvedBy: null,
    deniedBy: null,
    decisionNote: r.note,
    trackingNumber: null,
    policyVersion: r.settings.policyVersion,
    requestedAt: at,
    approvedAt: null, deniedAt: null, labelSentAt: null, inTransitAt: null, receivedAt: null,
    inspectedAt: null, refundedAt: null, creditedAt: null, cancelledAt: null,
    ...dueFields({ state: 'requested', resolution: r.quote.resolution, approvalRequired, requestedAt: at, approvedAt: null, receivedAt: null }, r.settings),
    createdAt: at,
    updatedAt: at,
  });
  await recordRmaEvent(trx, {
    caseId: r.caseId, rmaNumber: number, action: 'rma.requested', at, actorId: r.actorId, via: r.via,
    data: {
      rma: number, event: 'request', to: 'requested', order: r.order.number, ...r.data,
      resolution: r.quote.resolution, refundTotal: r.quote.refundTotal, currency: r.quote.currency, approvalRequired,
      ...(r.note ? { note: r.note } : {}),
    },
  });
  return rma;
}

/** A unit comes back once: units in live RMAs of the order count against what was ordered. */
async function refuseUnitsAlreadyReturned(trx: Executor, orderId: number, request: ReturnRequest): Promise<void> {
  const held = new Map<string, { units: number; rmas: string[] }>();
  for (const rma of await listLiveRmasOfOrder(trx, orderId)) {
    for (const item of JSON.parse(rma.itemsJson) as RmaItem[]) {
      const entry = held.get(item.sku) ?? { units: 0, rmas: [] };
      entry.units += item.quantity;
      if (!entry.rmas.includes(rma.number)) entry.rmas.push(rma.number);
      held.set(item.sku, entry);
    }
  }
  const asked = new Map<string, number>();
  request.items.forEach((line, i) => {
    const total = (asked.get(line.sku) ?? 0) + line.quantity;
    asked.set(line.sku, total);
    const ordered = request.order.items.find((o) => o.sku === line.sku)?.quantity ?? 0;
    const before = held.get(line.sku);
    if (before && before.units + total > ordered) {
      throw new DomainError('conflict', `${before.units} of ${ordered} unit(s) of ${line.sku} are already in ${before.rmas.join(', ')}`, `items[${i}].quantity`);
    }
  });
}

async function freshRmaNumber(trx: Executor, now: Date): Promise<string> {
  for (let i = 0; i < NUMBER_ATTEMPTS; i += 1) {
    const number = formatRmaNumber(now, crypto.getRandomValues(new Uint8Array(3)));
    if (!(await rmaNumberTaken(trx, number))) return number;
  }
  throw new DomainError('conflict', 'could not draw a free RMA number; try again', 'number');
}

/** Two requests drew the same number in the same instant: the unique index caught it. */
export function isRmaNumberClash(err: unknown): boolean {
  const message = err instanceof Error ? err.message : '';
  return /rmas\.number|rmas_number/i.test(message);
}
