import type { Store, Executor } from '../../store/database.js';
import { findOrderById } from '../../store/repositories/order.repository.js';
import { findCustomerById } from '../../store/repositories/customer.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import { lockOrderForReturn } from '../../store/repositories/rma.repository.js';
import { DomainError } from '../../domain/errors.js';
import { verifyPhoneLast4 } from '../../domain/returns/identity-check.js';
import { quoteReturn } from '../../domain/returns/quote-return.js';
import { parseReturnRequest } from '../../domain/returns/return-request.js';
import { actorIdOf, requirePermission, type Actor } from '../actor.js';
import { clock } from '../clock.js';
import { loadVisibleCase, parseCaseId } from '../cases/case-access.js';
import { createRequestedRma, isRmaNumberClash } from './create-requested-rma.js';
import { loadReturnsSettings } from './returns-settings.js';
import { findReturnOrder, splitRmaRequest, withStoredOrderFacts } from './rma-request-input.js';
import { presentRma, type RmaView } from './rma-view.js';

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
        const request = parseReturnRequest(withStoredOrderFacts(parts.body, order), { now });
        const quote = quoteReturn(request, settings.returnPolicy);
        const caseId = await linkedCaseId(trx, actor, parts.caseId, order.id);

        const rma = await createRequestedRma(trx, {
          order, request, quote, caseId, actorId, via: null, note: parts.note, now, settings, data: { identity: 'phone_last4' },
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
