import type { Store } from '../../store/database.js';
import { DomainError } from '../../domain/errors.js';
import type { OpenMailbox } from '../../integrations/email/inbound-mailbox.js';
import { ingestInboundEmail, type InboundEmailSettings, type IngestOutcome } from './ingest-inbound-email.js';
import type { MailLog } from './inbound-settings.js';

export type PollResult = { fetched: number; rejected: number; failed: number } & Record<IngestOutcome, number>;

/**
 * One IMAP poll (issue 7 item 2): each unseen message is ingested, and only after its case
 * committed is it flagged \Seen (or moved). A crash between the two leaves it unseen; the next poll
 * fetches it again and the Message-ID dedupe makes that a no-op before it is marked. Bad mail is
 * flagged rejected and left for a person; a failure of ours leaves it unseen for the next poll.
 */
export async function pollMailbox(
  store: Store,
  open: OpenMailbox,
  input: { settings: InboundEmailSettings; maxMessages: number; log?: MailLog },
): Promise<PollResult> {
  const result: PollResult = { fetched: 0, rejected: 0, failed: 0, opened_case: 0, added_message: 0, auto_reply: 0, bounce: 0, duplicate: 0 };
  const log = input.log ?? (() => undefined);
  const session = await open();
  try {
    const uids = (await session.unseenUids()).slice(0, input.maxMessages);
    for (const uid of uids) {
      const size = await session.size(uid);
      if (size !== null && size > input.settings.maxBytes) {
        await session.markRejected(uid);
        result.rejected += 1;
        log('imap message over INBOUND_MAIL_MAX_BYTES left in the mailbox', { uid, size });
        continue;
      }
      const raw = await session.fetchRaw(uid);
      if (!raw) continue;
      result.fetched += 1;
      try {
        const ingested = await ingestInboundEmail(store, raw, { source: 'imap', settings: input.settings, log });
        result[ingested.outcome] += 1;
        await session.markProcessed(uid);
      } catch (err) {
        if (err instanceof DomainError) {
          await session.markRejected(uid);
          result.rejected += 1;
          log('imap message refused and left in the mailbox', { uid, reason: err.message });
        } else {
          result.failed += 1;
          log('imap message not stored; it stays unseen for the next poll', { uid, error: (err as Error).message });
        }
      }
    }
  } finally {
    await session.close();
  }
  return result;
}
