import { createTransport } from 'nodemailer';
import type { Mailer, MailMessage } from './mailer.js';

export interface SmtpMailerOptions {
  /** smtp://user:pass@host:port or smtps://… (SMTP_URL). */
  url: string;
  /** The From header (MAIL_FROM). */
  from: string;
  /** Parallel SMTP connections kept open. */
  maxConnections?: number;
  /** Give up on a silent server after this long; the delivery job retries later. */
  timeoutMs?: number;
}

/**
 * Sends over SMTP with a pooled nodemailer transport. A send resolves once the server accepted
 * the message (250), which is the moment the outbox row may be marked sent.
 */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  const timeout = options.timeoutMs ?? 30_000;
  const transport = createTransport({
    url: options.url,
    pool: true,
    maxConnections: options.maxConnections ?? 5,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    async send(message: MailMessage) {
      await transport.sendMail({
        from: message.from ? withDisplayName(options.from, message.from) : options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: message.messageId,
        headers: message.headers,
        ...(message.inReplyTo ? { inReplyTo: message.inReplyTo } : {}),
        ...(message.references?.length ? { references: message.references } : {}),
      });
    },
    close() {
      transport.close();
    },
  };
}

/** "Shop Support <desk@x>" + "help@shop" → Shop Support <help@shop>: replies keep the desk's name. */
function withDisplayName(configured: string, address: string): string | { name: string; address: string } {
  const name = /^\s*"?([^"<]*?)"?\s*<[^>]+>\s*$/.exec(configured)?.[1]?.trim();
  return name ? { name, address } : address;
}
