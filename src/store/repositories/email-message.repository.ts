import type { Selectable } from 'kysely';
import type { Executor } from '../database.js';
import type { EmailMessagesTable } from '../schema.js';

export type EmailDirection = 'inbound' | 'outbound';
export type EmailDisposition = 'opened_case' | 'added_message' | 'auto_reply' | 'bounce' | 'reply';
export type EmailSource = 'smtp' | 'imap' | 'cli' | 'agent';

export interface EmailMessageRecord {
  id: number;
  messageId: string;
  direction: EmailDirection;
  caseId: number | null;
  caseEventId: number | null;
  outboxId: number | null;
  disposition: EmailDisposition;
  source: EmailSource;
  fromAddress: string | null;
  to: string[];
  subject: string | null;
  inReplyTo: string | null;
  references: string[];
  sizeBytes: number;
  note: string | null;
  createdAt: string;
}

export type NewEmailMessage = Omit<EmailMessageRecord, 'id'>;

function toRecord(row: Selectable<EmailMessagesTable>): EmailMessageRecord {
  return {
    id: Number(row.id),
    messageId: row.message_id,
    direction: row.direction as EmailDirection,
    caseId: row.case_id === null ? null : Number(row.case_id),
    caseEventId: row.case_event_id === null ? null : Number(row.case_event_id),
    outboxId: row.outbox_id === null ? null : Number(row.outbox_id),
    disposition: row.disposition as EmailDisposition,
    source: row.source as EmailSource,
    fromAddress: row.from_address,
    to: JSON.parse(row.to_json) as string[],
    subject: row.subject,
    inReplyTo: row.in_reply_to,
    references: JSON.parse(row.references_json) as string[],
    sizeBytes: Number(row.size_bytes),
    note: row.note,
    createdAt: row.created_at,
  };
}

/**
 * Records a mail once: undefined when its Message-ID is already recorded (the same mail by another
 * path, or a concurrent delivery that committed first), which the caller turns into a rollback.
 */
export async function insertEmailMessage(db: Executor, m: NewEmailMessage): Promise<EmailMessageRecord | undefined> {
  const row = await db
    .insertInto('email_messages')
    .values({
      message_id: m.messageId, direction: m.direction, case_id: m.caseId, case_event_id: m.caseEventId, outbox_id: m.outboxId,
      disposition: m.disposition, source: m.source, from_address: m.fromAddress, to_json: JSON.stringify(m.to), subject: m.subject,
      in_reply_to: m.inReplyTo, references_json: JSON.stringify(m.references), size_bytes: m.sizeBytes, note: m.note, created_at: m.createdAt,
    })
    .onConflict((oc) => oc.column('message_id').doNothing())
    .returningAll()
    .executeTakeFirst();
  return row && toRecord(row);
}

export async function findEmailMessage(db: Executor, messageId: string): Promise<EmailMessageRecord | undefined> {
  const row = await db.selectFrom('email_messages').selectAll().where('message_id', '=', messageId).executeTakeFirst();
  return row && toRecord(row);
}

/** The case of the newest recorded mail among these Message-IDs (a reply's In-Reply-To and References). */
export async function findCaseByMessageIds(db: Executor, messageIds: string[]): Promise<number | null> {
  if (messageIds.length === 0) return null;
  const row = await db
    .selectFrom('email_messages')
    .select('case_id')
    .where('message_id', 'in', messageIds)
    .where('case_id', 'is not', null)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.case_id == null ? null : Number(row.case_id);
}

/** The customer's latest mail on a case: what an agent's reply answers (In-Reply-To, References). */
export async function lastCustomerEmailOfCase(db: Executor, caseId: number): Promise<EmailMessageRecord | undefined> {
  const row = await db
    .selectFrom('email_messages')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('direction', '=', 'inbound')
    .where('disposition', 'in', ['opened_case', 'added_message'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && toRecord(row);
}

export async function countEmailMessages(db: Executor): Promise<{ direction: string; disposition: string; count: number }[]> {
  const rows = await db
    .selectFrom('email_messages')
    .select(['direction', 'disposition', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['direction', 'disposition'])
    .orderBy('direction')
    .orderBy('disposition')
    .execute();
  return rows.map((r) => ({ direction: r.direction, disposition: r.disposition, count: Number(r.n) }));
}

export async function listRecentEmailMessages(db: Executor, limit: number): Promise<EmailMessageRecord[]> {
  return (await db.selectFrom('email_messages').selectAll().orderBy('id', 'desc').limit(limit).execute()).map(toRecord);
}

/** Agent replies by email per outbox state (pending, sent, dead). */
export async function countReplyDeliveries(db: Executor): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('outbox')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('channel', '=', 'email')
    .where('event', '=', 'case_reply')
    .groupBy('state')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}
