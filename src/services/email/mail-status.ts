import type { Config } from '../../config.js';
import type { Store } from '../../store/database.js';
import { countEmailMessages, countReplyDeliveries, listRecentEmailMessages, type EmailMessageRecord } from '../../store/repositories/email-message.repository.js';

export interface MailStatus {
  intake: { smtpListener: string | null; imap: string | null; imapPollIntervalMs: number; recipients: string[]; maxBytes: number };
  outbound: { smtp: boolean; replies: Record<string, number> };
  counts: { direction: string; disposition: string; count: number }[];
  recent: Pick<EmailMessageRecord, 'createdAt' | 'direction' | 'disposition' | 'source' | 'caseId' | 'messageId' | 'fromAddress' | 'subject' | 'note'>[];
}

/** What `ladder mail status` shows: how mail gets in and out, and what it became. No secrets (the IMAP password is left out). */
export async function mailStatus(store: Store, config: Config, recentLimit = 10): Promise<MailStatus> {
  let imap: string | null = null;
  if (config.imapUrl) {
    const u = new URL(config.imapUrl);
    imap = `${u.protocol}//${decodeURIComponent(u.username)}@${u.host}${u.pathname.length > 1 ? u.pathname : '/INBOX'}`;
  }
  return {
    intake: {
      smtpListener: config.smtpListenPort === null ? null : `${config.smtpListenHost}:${config.smtpListenPort}`,
      imap,
      imapPollIntervalMs: config.imapPollIntervalMs,
      recipients: config.inboundMailRecipients,
      maxBytes: config.inboundMailMaxBytes,
    },
    outbound: { smtp: config.smtpUrl !== null, replies: await countReplyDeliveries(store.db) },
    counts: await countEmailMessages(store.db),
    recent: (await listRecentEmailMessages(store.db, recentLimit)).map((m) => ({
      createdAt: m.createdAt, direction: m.direction, disposition: m.disposition, source: m.source, caseId: m.caseId,
      messageId: m.messageId, fromAddress: m.fromAddress, subject: m.subject, note: m.note,
    })),
  };
}
