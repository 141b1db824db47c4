import { createHash } from 'node:crypto';
import PostalMime, { type Address, type Email } from 'postal-mime';
import { normalizeMessageId, parseMessageIdList } from '../../domain/email/message-id.js';
import { htmlToText, stripQuotedReply } from '../../domain/email/reply-text.js';

export interface EmailAttachment {
  fileName: string;
  /** As the mail declares it; the attachment store sniffs the bytes again. */
  contentType: string;
  bytes: Buffer;
}

/** An inbound mail as the desk reads it (postal-mime does the MIME work). */
export interface ParsedEmail {
  /** Normalized; a mail without one gets `sha256-<hash of its bytes>@ladder.invalid`, so re-sending the same bytes still dedupes. */
  messageId: string;
  hadMessageId: boolean;
  inReplyTo: string[];
  references: string[];
  from: { address: string; name: string | null } | null;
  /** Where an answer goes: Reply-To when given, else From. */
  replyAddress: string | null;
  /** To and Cc addresses, lowercased. */
  recipients: string[];
  subject: string | null;
  /** Header names lowercased, first value each (Auto-Submitted, Precedence, Content-Type …). */
  headers: Map<string, string>;
  /** The customer's new text, quoted history removed. */
  text: string;
  attachments: EmailAttachment[];
  sizeBytes: number;
}

function mailboxes(list: Address[] | Address | undefined): { address: string; name: string }[] {
  const items = list === undefined ? [] : Array.isArray(list) ? list : [list];
  return items.flatMap((a) => (a.group ? a.group : [a])).filter((m) => typeof m.address === 'string' && m.address.includes('@')) as { address: string; name: string }[];
}

function toBuffer(content: Email['attachments'][number]['content']): Buffer {
  if (typeof content === 'string') return Buffer.from(content, 'utf8');
  if (content instanceof ArrayBuffer) return Buffer.from(new Uint8Array(content));
  return Buffer.from(content.buffer, content.byteOffset, content.byteLength);
}

export async function parseEmail(raw: Buffer): Promise<ParsedEmail> {
  const email = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer', maxNestingDepth: 50 });
  const headers = new Map<string, string>();
  for (const h of email.headers) if (!headers.has(h.key)) headers.set(h.key, h.value);

  const given = normalizeMessageId(email.messageId);
  const messageId = given ?? `sha256-${createHash('sha256').update(raw).digest('hex').slice(0, 40)}@ladder.invalid`;
  const from = mailboxes(email.from)[0] ?? null;
  const replyTo = mailboxes(email.replyTo)[0] ?? null;
  const body = email.text?.trim() ? email.text : email.html ? htmlToText(email.html) : '';
  let attachmentIndex = 0;
  return {
    messageId,
    hadMessageId: given !== null,
    inReplyTo: parseMessageIdList(email.inReplyTo),
    references: parseMessageIdList(email.references),
    from: from ? { address: from.address.toLowerCase(), name: from.name?.trim() || null } : null,
    replyAddress: (replyTo ?? from)?.address.toLowerCase() ?? null,
    recipients: [...mailboxes(email.to), ...mailboxes(email.cc)].map((m) => m.address.toLowerCase()),
    subject: email.subject?.trim() || null,
    headers,
    text: stripQuotedReply(body),
    attachments: email.attachments.map((a) => {
      attachmentIndex += 1;
      const name = (a.filename ?? '').replace(/[\\/\0]/g, '_').trim().slice(0, 255);
      return { fileName: name || `attachment-${attachmentIndex}`, contentType: a.mimeType.toLowerCase(), bytes: toBuffer(a.content) };
    }),
    sizeBytes: raw.length,
  };
}
