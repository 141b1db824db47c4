import type { Store, Executor } from '../../store/database.js';
import { findOrderById } from '../../store/repositories/order.repository.js';
import { findCustomerById } from '../../store/repositories/customer.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import { insertRma, listLiveRmasOfOrder, lockOrderForReturn, rmaNumberTaken } from '../../store/repositories/rma.repository.js';
import { DomainError } from '../../domain/errors.js';
import { verifyPhoneLast4 } from '../../domain/returns/identity-check.js';
import { quoteReturn } from '../../domain/returns/quote-return.js';
import { parseReturnRequest, type ReturnRequest } from '../../domain/returns/return-request.js';
import { formatRmaNumber } from '../../domain/returns/rma.js';
import { approvalReasonsOf } from '../../domain/returns/rma-approval.js';
import { actorIdOf, requirePermission, type Actor } from '../actor.js';
import { clock } from '../clock.js';
import { loadVisibleCase, parseCaseId } from '../cases/case-access.js';
import { dueFields, recordRmaEvent } from './change-rma.js';
import { loadReturnsSettings } from './returns-settings.js';
import { findReturnOrder, splitRmaRequest, withStoredOrderFacts } from './rma-request-input.js';
import { itemsOf, orderSnapshotOf, rmaReasonOf, type RmaItem } from './rma-snapshot.js';
import { presentRma, type RmaView } from './rma-view.js';

const NUMBER_ATTEMPTS = 8;

/**
 * Requests an RMA (R004-02..R004-05): the caller's identity checked by the last 4 phone digits on
 * the order, the order number by the store's format, the return quoted under the policy in force
 * and stored with that quote, in `requested`, with its confirmation due in an hour (R004-07).
 */
export async function requestRma(store: Store, actor: Actor, input: unknown): Promise<RmaView> {
  requirePermission(actor, 'returns.manage');
  const parts = splitRmaRequest(input);
  const settings = await loadReturnsSettings(store);
  const actorId = actorIdOf(actor);

  const order = await findReturnOrder(store.db, parts.orderNumber, settings.rma);
  await verifyIdentity(store, actorId, order, parts.phoneLast4);

  for (let attempt = 1; ; attempt += 1) {
    try {
      return await store.db.transaction().execute(async (trx) => {
        await lockOrderForReturn(trx, order.id, store.dialect);
        const now = clock.now();
        const at = now.toISOString();
        const request = parseReturnRequest(withStoredOrderFacts(parts.body, order), { now });
        const quote = quoteReturn(request, settings.returnPolicy);
        const caseId = await linkedCaseId(trx, actor, parts.caseId, order.id);
        await refuseUnitsAlreadyReturned(trx, order.id, request);

        const items = itemsOf(request, quote);
        const approvalRequired = approvalReasonsOf(quote).length > 0;
        const number = await freshRmaNumber(trx, now);
        const rma = await insertRma(trx, {
          number,
          orderId: order.id,
          orderNumber: order.number,
          caseId,
          state: 'requested',
          reason: rmaReasonOf(items),
          resolution: quote.resolution,
          method: quote.method,
          eligible: quote.eligible,
          approvalRequired,
          itemsJson: JSON.stringify(items),
          quoteJson: JSON.stringify(quote),
          orderJson: JSON.stringify(orderSnapshotOf(request, order.number)),
          currency: quote.currency,
          refundTotalMinor: quote.refundTotal,
          storeCreditBonusMinor: quote.storeCreditBonus,
          settledTotalMinor: null,
          requestedBy: actorId,
          approvedBy: null,
          deniedBy: null,
          decisionNote: parts.note,
          trackingNumber: null,
          policyVersion: settings.policyVersion,
          requestedAt: at,
          approvedAt: null, deniedAt: null, labelSentAt: null, inTransitAt: null, receivedAt: null,
          inspectedAt: null, refundedAt: null, creditedAt: null, cancelledAt: null,
          ...dueFields({ state: 'requested', resolution: quote.resolution, approvalRequired, requestedAt: at, approvedAt: null, receivedAt: null }, settings),
          createdAt: at,
          updatedAt: at,
        });
        await recordRmaEvent(trx, {
          caseId, rmaNumber: number, action: 'rma.requested', at, actorId,
          data: {
            rma: number, event: 'request', to: 'requested', order: order.number, identity: 'phone_last4',
            resolution: quote.resolution, refundTotal: quote.refundTotal, currency: quote.currency, approvalRequired,
            ...(parts.note ? { note: parts.note } : {}),
          },
        });
        return presentRma(rma, []);
      });
    } catch (err) {
      // Two requests drew the same number in the same instant: the unique index caught it; draw again.
      if (attempt < 3 && isRmaNumberClash(err)) continue;
      throw err;
    }
  }
}

async function verifyIdentity(store: Store, actorId: number | null, order: { id: number; customerId: number | null; number: string }, given: string): Promise<void> {
  const customer = order.customerId === null ? undefined : await findCustomerById(store.db, order.customerId);
  if (!customer?.phone) {
    throw new DomainError('precondition_failed', 'no phone number on file for this order\'s customer: identity cannot be verified (R004-02)', 'phoneLast4');
  }
  if (!verifyPhoneLast4(given, customer.phone)) {
    // Kept outside any transaction: a failed check is on record even though nothing else is written.
    await insertAuditEvent(store.db, {
      at: clock.now().toISOString(), actorId, action: 'rma.identity_failed', entityType: 'order', entityId: String(order.id), data: { order: order.number },
    });
    throw new DomainError('invalid_input', 'does not match the phone number on file (R004-02)', 'phoneLast4');
  }
}

async function linkedCaseId(trx: Executor, actor: Actor, raw: unknown, orderId: number): Promise<number | null> {
  if (raw === null || raw === undefined) return null;
  let id: number;
  try {
    id = parseCaseId(raw);
  } catch {
    throw new DomainError('invalid_input', 'expected a case id', 'caseId');
  }
  const linked = await loadVisibleCase(trx, actor, id).catch((err: unknown) => {
    if (err instanceof DomainError && err.code === 'not_found') throw new DomainError('not_found', 'no such case', 'caseId');
    throw err;
  });
  if (linked.orderId !== null && linked.orderId !== orderId) {
    const other = await findOrderById(trx, linked.orderId);
    throw new DomainError('invalid_input', `the case is about order ${other?.number ?? linked.orderId}, not this one`, 'caseId');
  }
  return linked.id;
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

function isRmaNumberClash(err: unknown): boolean {
  const message = err instanceof Error ? err.message : '';
  return /rmas\.number|rmas_number/i.test(message);
}
