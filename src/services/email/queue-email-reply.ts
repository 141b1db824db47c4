import { randomBytes } from 'node:crypto';
import type { Executor } from '../../store/database.js';
import type { CaseRecord } from '../../store/repositories/case.repository.js';
import { insertEmailMessage, lastCustomerEmailOfCase } from '../../store/repositories/email-message.repository.js';
import { insertOutboxRows } from '../../store/repositories/outbox.repository.js';
import { replySubject } from '../../domain/email/case-token.js';
import { bracketed } from '../../domain/email/message-id.js';
import { enqueueDeliveries } from '../notifications/outbox-jobs.js';

/** The outbox event of an agent's email reply (X-Ladder-Event). */
export const CASE_REPLY_EVENT = 'case_reply';
const MAX_REFERENCES = 20;

/**
 * Queues an agent's reply as an email when the case is an email thread (the customer wrote in by
 * mail), in the reply's own transaction. The Message-ID is generated and stored here, before
 * sending, so the customer's answer threads back by In-Reply-To even if it arrives before the
 * outbox row is marked sent. The reply answers the customer's latest mail: In-Reply-To is its id,
 * References its References plus its id (RFC 5322 §3.6.4), the subject carries the case token.
 * Returns the Message-ID, or null when the case has no email thread.
 */
export async function queueEmailReply(trx: Executor, input: { caseRow: CaseRecord; text: string; at: string }): Promise<string | null> {
  const { caseRow, text, at } = input;
  const last = await lastCustomerEmailOfCase(trx, caseRow.id);
  if (!last || !last.fromAddress) return null;
  const deskAddress = last.to[0] ?? null;
  const domain = deskAddress?.split('@')[1] ?? 'ladder.invalid';
  const messageId = `ladder-${caseRow.id}-${randomBytes(12).toString('hex')}@${domain}`;
  const references = [...last.references.filter((id) => id !== last.messageId), last.messageId].slice(-MAX_REFERENCES);
  const subject = replySubject(last.subject, caseRow.id);
  const dedupeKey = `email-reply:${messageId}`;
  const [row] = await insertOutboxRows(trx, [{
    channel: 'email', dedupeKey, caseId: caseRow.id, event: CASE_REPLY_EVENT, recipient: last.fromAddress,
    payload: {
      to: last.fromAddress, from: deskAddress, subject, text, event: CASE_REPLY_EVENT,
      deliveryId: messageId, messageId: bracketed(messageId), inReplyTo: bracketed(last.messageId), references: references.map(bracketed),
    },
  }], at);
  await insertEmailMessage(trx, {
    messageId, direction: 'outbound', caseId: caseRow.id, caseEventId: null, outboxId: row?.id ?? null, disposition: 'reply', source: 'agent',
    fromAddress: deskAddress, to: [last.fromAddress], subject, inReplyTo: last.messageId, references, sizeBytes: Buffer.byteLength(text), note: null, createdAt: at,
  });
  if (row) await enqueueDeliveries(trx, [row], at);
  return messageId;
}
