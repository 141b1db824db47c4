import { pollMailbox } from '../services/email/poll-mailbox.js';
import type { SweepDefinition } from './recurring-sweeps.js';
import type { WorkerServices } from './worker-services.js';

/** At most this many messages per poll, so one poll ends well inside its slot. */
const MAX_MESSAGES_PER_POLL = 200;

/**
 * IMAP polling as a recurring sweep (IMAP_POLL_INTERVAL_MS): the slot is claimed in sweep_slots,
 * so of all instances exactly one opens the mailbox per interval and two never fetch the same
 * slot. (Should a poll outlast its interval and another instance start the next slot, the shared
 * Message-ID dedupe still lands each mail once.)
 */
export function imapPollSweep(intervalMs: number): SweepDefinition<WorkerServices> {
  return {
    name: 'imap-poll',
    intervalMs,
    async run({ store, services }) {
      const mail = services.inboundMail;
      if (!mail) return { queued: 0 };
      const r = await pollMailbox(store, mail.openMailbox, { settings: mail.settings, maxMessages: MAX_MESSAGES_PER_POLL, ...(mail.log ? { log: mail.log } : {}) });
      return { queued: 0, ...r };
    },
  };
}
