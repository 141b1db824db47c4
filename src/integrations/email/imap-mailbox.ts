import type { MailboxSession, OpenMailbox } from './inbound-mailbox.js';

export interface ImapMailboxOptions {
  /** imap://user:password@host[:port][/MAILBOX] or imaps://… (IMAP_URL); the mailbox defaults to INBOX. */
  url: string;
  /** IMAP_PROCESSED_MAILBOX: move processed mail there instead of only flagging it \Seen. */
  processedMailbox: string | null;
  timeoutMs?: number;
}

/** Opens one IMAP session per poll (imapflow): connect, lock the mailbox, and log out at the end. */
export function imapMailbox(options: ImapMailboxOptions): OpenMailbox {
  const url = new URL(options.url);
  const secure = url.protocol === 'imaps:';
  const mailbox = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'INBOX';
  const timeout = options.timeoutMs ?? 60_000;
  return async (): Promise<MailboxSession> => {
    // Loaded on first poll: instances without IMAP_URL never load the IMAP client.
    const { ImapFlow } = await import('imapflow');
    const client = new ImapFlow({
      host: url.hostname,
      port: url.port ? Number(url.port) : secure ? 993 : 143,
      secure,
      auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
      logger: false,
      disableAutoIdle: true,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
    await client.connect();
    const lock = await client.getMailboxLock(mailbox);
    const byUid = { uid: true } as const;
    return {
      async unseenUids() {
        const uids = await client.search({ seen: false }, byUid);
        return Array.isArray(uids) ? [...uids].sort((a, b) => a - b) : [];
      },
      async size(uid) {
        const m = await client.fetchOne(String(uid), { size: true }, byUid);
        return m && typeof m.size === 'number' ? m.size : null;
      },
      async fetchRaw(uid) {
        const m = await client.fetchOne(String(uid), { source: true }, byUid);
        return m && m.source ? m.source : null;
      },
      async markProcessed(uid) {
        if (options.processedMailbox) await client.messageMove(String(uid), options.processedMailbox, byUid);
        else await client.messageFlagsAdd(String(uid), ['\\Seen'], byUid);
      },
      async markRejected(uid) {
        await client.messageFlagsAdd(String(uid), ['\\Seen', '$LadderRejected'], byUid);
      },
      async close() {
        lock.release();
        await client.logout().catch(() => client.close());
      },
    };
  };
}
