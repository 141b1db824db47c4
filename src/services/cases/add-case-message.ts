import type { Executor, Store } from '../../store/database.js';
import { DomainError } from '../../domain/errors.js';
import { roleCanOwnLevel } from '../../domain/access/roles.js';
import { isCaseStatus, statusAfterCustomerMessage } from '../../domain/cases/case-status.js';
import type { Level } from '../../domain/policy/vocabulary.js';
import { requirePermission, type Actor } from '../actor.js';
import { parseCaseId } from './case-access.js';
import { mutateCase } from './mutate-case.js';
import type { CaseView } from './case-view.js';
import type { CasePatch, CaseRecord } from '../../store/repositories/case.repository.js';
import type { CaseEventRecord, NewCaseEvent } from '../../store/repositories/case-event.repository.js';
import { queueEmailReply } from '../email/queue-email-reply.js';

export const MAX_MESSAGE_LENGTH = 20_000;

export interface AddCaseMessageInput {
  caseId: unknown;
  from: unknown;
  text: unknown;
  /** Recorded on the message event beside from/text, e.g. the macro a reply came from (R000-10). */
  eventData?: Record<string, unknown>;
  /** Runs in the message's transaction after it is written (an inbound email records itself here). */
  within?: (trx: Executor, written: { caseRow: CaseRecord; events: CaseEventRecord[] }) => Promise<void>;
}

/**
 * A message on the case: the customer's (logged from email, chat, phone or an integration) or an
 * agent's reply. Customer text is read for signals and the decision re-evaluated (decision.md).
 * Only someone whose level owns the case may reply to the customer (R003-01).
 */
export async function addCaseMessage(store: Store, actor: Actor, input: AddCaseMessageInput): Promise<CaseView> {
  requirePermission(actor, 'cases.reply');
  const caseId = parseCaseId(input.caseId);
  if (input.from !== 'customer' && input.from !== 'agent') throw new DomainError('invalid_input', 'expected "customer" or "agent"', 'from');
  if (typeof input.text !== 'string' || input.text.trim().length === 0) throw new DomainError('invalid_input', 'expected non-empty text', 'text');
  if (input.text.length > MAX_MESSAGE_LENGTH) throw new DomainError('invalid_input', `must be at most ${MAX_MESSAGE_LENGTH} characters`, 'text');
  const from = input.from;
  const text = input.text;

  const within = async (trx: Executor, written: { caseRow: CaseRecord; events: CaseEventRecord[] }) => {
    // An agent's reply on a case the customer wrote in by email goes back by email, queued in the
    // reply's own transaction (issue 7 item 2): one outbox row per reply, never one without the other.
    if (from === 'agent') await queueEmailReply(trx, { caseRow: written.caseRow, text, at: written.caseRow.updatedAt });
    await input.within?.(trx, written);
  };
  return mutateCase(store, actor, caseId, { reevaluate: true, within }, ({ current, at, actorId }) => {
    if (from === 'agent' && !roleCanOwnLevel(actor.role, current.level as Level)) {
      throw new DomainError('forbidden', `this case is at ${current.level}; a ${actor.role} may add notes but not reply`);
    }
    if (from === 'agent' && current.status === 'closed') {
      throw new DomainError('invalid_transition', 'the case is closed; reopen it to reply', 'status');
    }
    const status = isCaseStatus(current.status) ? current.status : 'open';
    const patch: CasePatch = {};
    const events: Omit<NewCaseEvent, 'caseId'>[] = [
      { type: 'message', actorId: from === 'customer' ? null : actorId, actorKind: from === 'customer' ? 'customer' : 'user', at, internal: false, data: { ...input.eventData, from, text, ...(from === 'customer' && actorId ? { loggedBy: actorId } : {}) } },
    ];
    const next = from === 'customer' ? statusAfterCustomerMessage(status) : status === 'new' ? 'open' : status;
    if (next !== status) {
      patch.status = next;
      if (next === 'open' && (status === 'resolved' || status === 'closed')) {
        patch.resolvedAt = null;
        patch.resolvedById = null;
      }
      events.push({ type: 'status_changed', actorId: null, actorKind: 'system', at, internal: true, data: { from: status, to: next, reason: from === 'customer' ? 'customer replied' : 'first reply' } });
    }
    if (from === 'agent' && !current.firstResponseAt) patch.firstResponseAt = at;
    return { patch, events };
  });
}
