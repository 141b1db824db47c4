/** One outgoing email; `messageId` is stable per notification so a resent copy can be recognised. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  messageId: string;
  headers: Record<string, string>;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}
