/**
 * A mailbox the desk polls for inbound mail (IMAP_URL). Unseen messages are the unprocessed ones,
 * so the mailbox should be the desk's own (a person reading it in a mail client marks mail \Seen).
 */
export interface MailboxSession {
  /** UIDs of unseen messages, oldest first. */
  unseenUids(): Promise<number[]>;
  size(uid: number): Promise<number | null>;
  fetchRaw(uid: number): Promise<Buffer | null>;
  /** After the message's case committed: flagged \Seen, or moved to IMAP_PROCESSED_MAILBOX. */
  markProcessed(uid: number): Promise<void>;
  /** A message the desk refuses for good (too large, no sender): \Seen plus the $LadderRejected keyword, left in place for a person. */
  markRejected(uid: number): Promise<void>;
  close(): Promise<void>;
}

export type OpenMailbox = () => Promise<MailboxSession>;
