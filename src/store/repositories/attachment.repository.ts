import type { Executor } from '../database.js';

export interface AttachmentRecord {
  id: number;
  caseId: number;
  eventId: number | null;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  uploadedById: number | null;
  createdAt: string;
}

type Row = {
  id: number; case_id: number; event_id: number | null; file_name: string; content_type: string; size_bytes: number;
  sha256: string; storage_key: string; uploaded_by_id: number | null; created_at: string;
};

function toAttachment(r: Row): AttachmentRecord {
  return {
    id: Number(r.id),
    caseId: Number(r.case_id),
    eventId: r.event_id === null ? null : Number(r.event_id),
    fileName: r.file_name,
    contentType: r.content_type,
    sizeBytes: Number(r.size_bytes),
    sha256: r.sha256,
    storageKey: r.storage_key,
    uploadedById: r.uploaded_by_id === null ? null : Number(r.uploaded_by_id),
    createdAt: r.created_at,
  };
}

export async function insertAttachment(db: Executor, input: Omit<AttachmentRecord, 'id'>): Promise<AttachmentRecord> {
  const row = await db
    .insertInto('attachments')
    .values({
      case_id: input.caseId,
      event_id: input.eventId,
      file_name: input.fileName,
      content_type: input.contentType,
      size_bytes: input.sizeBytes,
      sha256: input.sha256,
      storage_key: input.storageKey,
      uploaded_by_id: input.uploadedById,
      created_at: input.createdAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAttachment(row);
}

export async function setAttachmentEvent(db: Executor, id: number, eventId: number): Promise<void> {
  await db.updateTable('attachments').set({ event_id: eventId }).where('id', '=', id).execute();
}

export async function findAttachment(db: Executor, id: number): Promise<AttachmentRecord | undefined> {
  const row = await db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toAttachment(row);
}

export async function listAttachments(db: Executor, caseId: number): Promise<AttachmentRecord[]> {
  return (await db.selectFrom('attachments').selectAll().where('case_id', '=', caseId).orderBy('id').execute()).map(toAttachment);
}
