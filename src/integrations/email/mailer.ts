/** One outgoing email; `messageId` is stable per notification so a resent copy can be recognised. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  messageId: string;
  headers: Record<string, string>;
  /** Overrides the configured From (an agent's reply comes from the desk address the customer wrote to). */
  from?: string;
  /** Threading of a reply: the message answered, and the thread's ids oldest first ("<id@host>"). */
  inReplyTo?: string;
  references?: string[];
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}
