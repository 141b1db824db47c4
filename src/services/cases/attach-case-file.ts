import type { Executor, Store } from '../../store/database.js';
import { DomainError } from '../../domain/errors.js';
import { insertAttachment, setAttachmentEvent, findAttachment, type AttachmentRecord } from '../../store/repositories/attachment.repository.js';
import { appendCaseEvents } from '../../store/repositories/case-event.repository.js';
import { updateCase } from '../../store/repositories/case.repository.js';
import { saveAttachmentBytes, readAttachmentBytes } from '../../store/attachment-files.js';
import { requirePermission, actorIdOf, type Actor } from '../actor.js';
import { nowIso } from '../clock.js';
import { loadVisibleCase, parseCaseId } from './case-access.js';
import { detectContentType } from './content-type.js';

export interface AttachCaseFileInput {
  caseId: unknown;
  fileName: unknown;
  /** The type the client claims; checked against the bytes. */
  contentType: unknown;
  bytes: Buffer;
  note?: unknown;
  limits: { maxBytes: number; allowedTypes: readonly string[] };
}

export interface CheckedCaseFile {
  fileName: string;
  /** Sniffed from the bytes where they are recognisable, else the claimed type. */
  contentType: string;
  bytes: Buffer;
}

/** The size, name and type rules every stored file passes, whether uploaded or arriving by email. */
export function checkCaseFile(input: Pick<AttachCaseFileInput, 'fileName' | 'contentType' | 'bytes' | 'limits'>): CheckedCaseFile {
  if (typeof input.fileName !== 'string' || !input.fileName.trim() || input.fileName.length > 255 || /[\\/\0]/.test(input.fileName)) {
    throw new DomainError('invalid_input', 'expected a file name without path separators, at most 255 characters', 'fileName');
  }
  if (input.bytes.length === 0) throw new DomainError('invalid_input', 'the file is empty', 'file');
  if (input.bytes.length > input.limits.maxBytes) throw new DomainError('payload_too_large', `the file is larger than ${input.limits.maxBytes} bytes`, 'file');
  const claimed = typeof input.contentType === 'string' ? input.contentType.split(';')[0]!.trim().toLowerCase() : '';
  const sniffed = detectContentType(input.bytes);
  // Trust the bytes over the claim: a "photo" that is really HTML would be served back as HTML.
  const contentType = sniffed ?? claimed;
  if (!contentType || !input.limits.allowedTypes.includes(contentType) || (sniffed === null && claimed.startsWith('image/'))) {
    throw new DomainError('unsupported_media_type', `files of type ${contentType || 'unknown'} are not accepted; allowed: ${input.limits.allowedTypes.join(', ')}`, 'file');
  }
  return { fileName: input.fileName, contentType, bytes: input.bytes };
}

/**
 * Records a stored file on a case inside the caller's transaction: the attachment row and its
 * internal timeline event. The bytes are saved (saveAttachmentBytes) before the transaction.
 */
export async function recordCaseFile(
  trx: Executor,
  input: {
    caseId: number; file: CheckedCaseFile; stored: { storageKey: string; sha256: string };
    actorId: number | null; actorKind: string; at: string; data?: Record<string, unknown>;
  },
): Promise<AttachmentRecord> {
  const { caseId, file, stored, at } = input;
  const record = await insertAttachment(trx, {
    caseId, eventId: null, fileName: file.fileName, contentType: file.contentType, sizeBytes: file.bytes.length, sha256: stored.sha256, storageKey: stored.storageKey, uploadedById: input.actorId, createdAt: at,
  });
  const [event] = await appendCaseEvents(trx, [{
    caseId, type: 'attachment_added', actorId: input.actorId, actorKind: input.actorKind, at, internal: true,
    data: { attachmentId: record.id, fileName: record.fileName, contentType: file.contentType, sizeBytes: record.sizeBytes, sha256: stored.sha256, ...input.data },
  }]);
  await setAttachmentEvent(trx, record.id, event!.id);
  return { ...record, eventId: event!.id };
}

/** Evidence on a case (R000-11 photos, R000-12 screenshots): size and type limits, content hash. */
export async function attachCaseFile(store: Store, actor: Actor, input: AttachCaseFileInput): Promise<AttachmentRecord> {
  requirePermission(actor, 'cases.attach');
  const caseId = parseCaseId(input.caseId);
  const file = checkCaseFile(input);
  const note = input.note === undefined ? undefined : String(input.note).slice(0, 5000);
  await loadVisibleCase(store.db, actor, caseId);
  const stored = await saveAttachmentBytes(store.dataDir, file.bytes);
  const at = nowIso();
  const actorId = actorIdOf(actor);
  return store.db.transaction().execute(async (trx) => {
    const record = await recordCaseFile(trx, { caseId, file, stored, actorId, actorKind: 'user', at, ...(note ? { data: { note } } : {}) });
    await updateCase(trx, caseId, { updatedAt: at });
    return record;
  });
}

export async function readCaseAttachment(store: Store, actor: Actor, input: { caseId: unknown; attachmentId: unknown }): Promise<{ record: AttachmentRecord; bytes: Buffer }> {
  requirePermission(actor, 'cases.read');
  const caseId = parseCaseId(input.caseId);
  await loadVisibleCase(store.db, actor, caseId);
  const id = Number(input.attachmentId);
  const record = Number.isSafeInteger(id) ? await findAttachment(store.db, id) : undefined;
  if (!record || record.caseId !== caseId) throw new DomainError('not_found', 'no such attachment', 'attachmentId');
  return { record, bytes: await readAttachmentBytes(store.dataDir, record.storageKey) };
}
