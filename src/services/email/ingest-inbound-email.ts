import type { Executor, Store } from '../../store/database.js';
import { saveAttachmentBytes } from '../../store/attachment-files.js';
import { appendCaseEvents, type CaseEventRecord } from '../../store/repositories/case-event.repository.js';
import { findCaseById, updateCase, type CaseRecord } from '../../store/repositories/case.repository.js';
import { findCaseByMessageIds, findEmailMessage, insertEmailMessage, type EmailDisposition, type EmailSource } from '../../store/repositories/email-message.repository.js';
import { findCustomerByEmail } from '../../store/repositories/customer-email.repository.js';
import { classifyInbound } from '../../domain/email/classify-inbound.js';
import { isDeskAddress } from '../../domain/email/desk-address.js';
import { parseMessageIdList } from '../../domain/email/message-id.js';
import { findOrderNumber, guessEmailCategory } from '../../domain/email/guess-category.js';
import { DomainError } from '../../domain/errors.js';
import { parseEmail, type ParsedEmail } from '../../integrations/email/parse-email.js';
import { SYSTEM_ACTOR } from '../actor.js';
import { clock } from '../clock.js';
import { addCaseMessage, MAX_MESSAGE_LENGTH } from '../cases/add-case-message.js';
import { checkCaseFile, recordCaseFile, type CheckedCaseFile } from '../cases/attach-case-file.js';
import { openCase } from '../cases/open-case.js';
import { loadPolicyRuntime } from '../policy/load-policy-runtime.js';
import { findThread, type ThreadMatch } from './thread-inbound-email.js';

export interface InboundEmailSettings {
  /** INBOUND_MAIL_MAX_BYTES */
  maxBytes: number;
  /** INBOUND_MAIL_RECIPIENTS: the desk's addresses and @domains; empty accepts any. */
  recipients: readonly string[];
  /** INBOUND_MAIL_DEFAULT_CATEGORY */
  defaultCategory: string;
  /** The upload limits (UPLOAD_MAX_BYTES, UPLOAD_ALLOWED_TYPES) apply to attachments too. */
  attachments: { maxBytes: number; allowedTypes: readonly string[] };
}

export type IngestOutcome = 'opened_case' | 'added_message' | 'auto_reply' | 'bounce' | 'duplicate';

export interface IngestResult {
  outcome: IngestOutcome;
  messageId: string;
  caseId: number | null;
  threadedBy: ThreadMatch['by'] | null;
  /** Why an auto-reply or bounce was not taken as a customer message. */
  reason: string | null;
  attachments: { kept: number; skipped: { fileName: string; reason: string }[] };
}

export interface IngestOptions {
  source: Exclude<EmailSource, 'agent'>;
  settings: InboundEmailSettings;
  /** SMTP envelope recipients (already checked against the desk's addresses by the listener). */
  envelopeRecipients?: string[];
  log?: (message: string, fields: Record<string, unknown>) => void;
}

/** The mail was recorded by a concurrent delivery first: this transaction rolls back. */
class AlreadyRecorded extends Error {}

const truncate = (text: string) => (text.length <= MAX_MESSAGE_LENGTH ? text : `${text.slice(0, MAX_MESSAGE_LENGTH - 40)}\n[… message truncated by Ladder]`);

/**
 * Turns one raw inbound mail into desk work (issue 7 item 2), exactly once per Message-ID however
 * it arrives (SMTP, IMAP, `ladder mail ingest`). A customer's mail opens a case or continues its
 * thread through the ordinary use cases (openCase, addCaseMessage), so the policy decides it and
 * signals are read from its text; its attachments and its email_messages row are written in that
 * same transaction. Auto-replies and bounces become an internal timeline entry on their thread (or
 * only a log line) and never open, reopen or get answered.
 */
export async function ingestInboundEmail(store: Store, raw: Buffer, options: IngestOptions): Promise<IngestResult> {
  const { settings } = options;
  if (raw.length > settings.maxBytes) throw new DomainError('payload_too_large', `the message is larger than ${settings.maxBytes} bytes (INBOUND_MAIL_MAX_BYTES)`, 'message');
  if (raw.length === 0) throw new DomainError('invalid_input', 'the message is empty', 'message');
  const mail = await parseEmail(raw);
  const log = options.log ?? (() => undefined);
  const base = { messageId: mail.messageId, reason: null, attachments: { kept: 0, skipped: [] } };

  const known = await findEmailMessage(store.db, mail.messageId);
  if (known) return { ...base, outcome: 'duplicate', caseId: known.caseId, threadedBy: null };

  const deskAddresses = options.envelopeRecipients?.length
    ? options.envelopeRecipients.map((a) => a.toLowerCase())
    : settings.recipients.length > 0 ? mail.recipients.filter((a) => isDeskAddress(a, settings.recipients)) : mail.recipients;
  const record = (disposition: EmailDisposition, caseId: number | null, caseEventId: number | null, note: string | null) => ({
    messageId: mail.messageId, direction: 'inbound' as const, caseId, caseEventId, outboxId: null, disposition, source: options.source,
    fromAddress: mail.replyAddress, to: deskAddresses, subject: mail.subject, inReplyTo: mail.inReplyTo.at(-1) ?? null, references: mail.references,
    sizeBytes: mail.sizeBytes, note, createdAt: clock.now().toISOString(),
  });

  try {
    const thread = await findThread(store.db, mail);
    const classified = classifyInbound({ headers: mail.headers, fromAddress: mail.from?.address ?? null, subject: mail.subject });
    if (classified.kind !== 'customer') {
      // A DSN names the bounced mail in its report part (text/rfc822-headers), not in In-Reply-To.
      const bounced = classified.kind === 'bounce' && !thread ? await findCaseByMessageIds(store.db, reportedMessageIds(raw, mail.messageId)) : null;
      const caseId = await recordMachineMail(store, mail, thread?.caseId ?? bounced, classified.kind, classified.reason ?? '', record);
      log(`inbound ${classified.kind} not treated as a customer message`, { messageId: mail.messageId, caseId, reason: classified.reason });
      return { ...base, outcome: classified.kind, caseId, threadedBy: caseId === null ? null : thread?.by ?? null, reason: classified.reason };
    }
    if (!mail.from) throw new DomainError('invalid_input', 'the message has no sender address (From)', 'from');

    const files = await prepareAttachments(store, mail, settings);
    const within = async (trx: Executor, written: { caseRow: CaseRecord; events: CaseEventRecord[] }, disposition: EmailDisposition) => {
      const message = written.events.find((e) => e.type === 'message' && e.actorKind === 'customer');
      const at = written.caseRow.updatedAt;
      if (!(await insertEmailMessage(trx, record(disposition, written.caseRow.id, message?.id ?? null, null)))) throw new AlreadyRecorded();
      for (const f of files.kept) {
        await recordCaseFile(trx, { caseId: written.caseRow.id, file: f.file, stored: f.stored, actorId: null, actorKind: 'customer', at, data: { source: 'email', messageId: mail.messageId } });
      }
    };
    const text = truncate(mail.text || (files.kept.length > 0 ? `(email without text; ${files.kept.length} attachment${files.kept.length === 1 ? '' : 's'})` : '(empty email)'));
    const eventData = { email: { messageId: mail.messageId, subject: mail.subject }, ...(files.skipped.length ? { attachmentsSkipped: files.skipped } : {}) };
    const result = { ...base, attachments: { kept: files.kept.length, skipped: files.skipped } };

    const continued = thread ? await findCaseById(store.db, thread.caseId) : undefined;
    // A closed case stays closed (its outcome is final): the customer's new mail is a new case.
    if (thread && continued && continued.status !== 'closed') {
      await addCaseMessage(store, SYSTEM_ACTOR, { caseId: thread.caseId, from: 'customer', text, eventData, within: (trx, w) => within(trx, w, 'added_message') });
      log('inbound email added to its case', { messageId: mail.messageId, caseId: thread.caseId, threadedBy: thread.by });
      return { ...result, outcome: 'added_message', caseId: thread.caseId, threadedBy: thread.by };
    }
    const view = await openCase(store, SYSTEM_ACTOR, {
      actorKind: 'integration',
      body: await openCaseBody(store, mail, text, settings, continued?.id ?? null),
      within: (trx, w) => within(trx, w, 'opened_case'),
    });
    log('inbound email opened a case', { messageId: mail.messageId, caseId: Number(view.id) });
    return { ...result, outcome: 'opened_case', caseId: Number(view.id), threadedBy: null };
  } catch (err) {
    if (!(err instanceof AlreadyRecorded)) throw err;
    // Read on the writer (a transaction): with SQLite group commit the winner may not be visible to the read connection yet.
    const winner = await store.db.transaction().execute((trx) => findEmailMessage(trx, mail.messageId));
    return { ...base, outcome: 'duplicate', caseId: winner?.caseId ?? null, threadedBy: null };
  }
}

async function openCaseBody(store: Store, mail: ParsedEmail, text: string, settings: InboundEmailSettings, followUpOf: number | null): Promise<Record<string, unknown>> {
  const runtime = await loadPolicyRuntime(store);
  const knows = (category: string) => {
    try {
      runtime.parseFacts({ category });
      return true;
    } catch {
      return false;
    }
  };
  const words = `${mail.subject ?? ''}\n${text}`;
  const existing = await findCustomerByEmail(store.db, mail.from!.address);
  const orderNumber = findOrderNumber(words);
  return {
    category: guessEmailCategory(words, knows, settings.defaultCategory),
    channel: 'email',
    subject: (mail.subject ?? `Email from ${mail.from!.address}`).slice(0, 300),
    // A known address is that customer (details kept as they are); a new one becomes a customer.
    customer: existing
      ? { id: existing.externalId }
      : { id: `email:${mail.from!.address}`, email: mail.from!.address, ...(mail.from!.name ? { name: mail.from!.name.slice(0, 200) } : {}) },
    ...(orderNumber ? { order: { number: orderNumber } } : {}),
    timeline: [
      ...(followUpOf !== null ? [{ type: 'note', text: `Follow-up by email to closed case #${followUpOf}` }] : []),
      { type: 'message', from: 'customer', text },
    ],
  };
}

async function prepareAttachments(store: Store, mail: ParsedEmail, settings: InboundEmailSettings) {
  const kept: { file: CheckedCaseFile; stored: { storageKey: string; sha256: string } }[] = [];
  const skipped: { fileName: string; reason: string }[] = [];
  for (const a of mail.attachments) {
    try {
      const file = checkCaseFile({ fileName: a.fileName, contentType: a.contentType, bytes: a.bytes, limits: settings.attachments });
      kept.push({ file, stored: await saveAttachmentBytes(store.dataDir, file.bytes) });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      skipped.push({ fileName: a.fileName, reason: err.field ? err.message.replace(`${err.field}: `, '') : err.message });
    }
  }
  return { kept, skipped };
}

/** An auto-reply or bounce: recorded once, on its thread as an internal entry when it has one; the case itself is not touched. */
async function recordMachineMail(
  store: Store,
  mail: ParsedEmail,
  caseId: number | null,
  kind: 'auto_reply' | 'bounce',
  reason: string,
  record: (d: EmailDisposition, caseId: number | null, eventId: number | null, note: string | null) => Parameters<typeof insertEmailMessage>[1],
): Promise<number | null> {
  return store.db.transaction().execute(async (trx) => {
    let eventId: number | null = null;
    if (caseId !== null) {
      const at = clock.now().toISOString();
      const [event] = await appendCaseEvents(trx, [{
        caseId, type: 'email_ignored', actorId: null, actorKind: 'system', at, internal: true,
        data: { kind, reason, messageId: mail.messageId, from: mail.from?.address ?? null, subject: mail.subject },
      }]);
      eventId = event!.id;
      await updateCase(trx, caseId, { updatedAt: at });
    }
    if (!(await insertEmailMessage(trx, record(kind, caseId, eventId, reason)))) throw new AlreadyRecorded();
    return caseId;
  });
}

/** Message-IDs quoted in a delivery report's returned headers (at most the first 64 KiB are read). */
function reportedMessageIds(raw: Buffer, own: string): string[] {
  const text = raw.subarray(0, 65_536).toString('latin1');
  return [...text.matchAll(/^Message-ID:[ \t]*(<[^>\s]+>)/gim)].flatMap((m) => parseMessageIdList(m[1])).filter((id) => id !== own);
}
