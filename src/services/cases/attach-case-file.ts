import type { Store } from '../../store/database.js';
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

/** Evidence on a case (R000-11 photos, R000-12 screenshots): size and type limits, content hash. */
export async function attachCaseFile(store: Store, actor: Actor, input: AttachCaseFileInput): Promise<AttachmentRecord> {
  requirePermission(actor, 'cases.attach');
  const caseId = parseCaseId(input.caseId);
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
  const note = input.note === undefined ? undefined : String(input.note).slice(0, 5000);
  await loadVisibleCase(store.db, actor, caseId);
  const { storageKey, sha256 } = await saveAttachmentBytes(store.dataDir, input.bytes);
  const at = nowIso();
  const actorId = actorIdOf(actor);
  return store.db.transaction().execute(async (trx) => {
    const record = await insertAttachment(trx, {
      caseId, eventId: null, fileName: input.fileName as string, contentType, sizeBytes: input.bytes.length, sha256, storageKey, uploadedById: actorId, createdAt: at,
    });
    const [event] = await appendCaseEvents(trx, [{
      caseId, type: 'attachment_added', actorId, actorKind: 'user', at, internal: true,
      data: { attachmentId: record.id, fileName: record.fileName, contentType, sizeBytes: record.sizeBytes, sha256, ...(note ? { note } : {}) },
    }]);
    await setAttachmentEvent(trx, record.id, event!.id);
    await updateCase(trx, caseId, { updatedAt: at });
    return { ...record, eventId: event!.id };
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
