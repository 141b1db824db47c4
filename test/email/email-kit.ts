import { readFileSync } from 'node:fs';
import type { InboundEmailSettings } from '../../src/services/email/ingest-inbound-email.js';

export const DESK_SETTINGS: InboundEmailSettings = {
  maxBytes: 1024 * 1024,
  recipients: ['support@shop.test'],
  defaultCategory: 'order_status',
  attachments: { maxBytes: 1024 * 1024, allowedTypes: ['image/png', 'image/jpeg', 'application/pdf', 'text/plain'] },
};

/** A fixture from test/fixtures/email, with the run-time ids of Ladder's reply filled in. */
export function fixture(name: string, fill: { replyTo?: string; token?: string } = {}): Buffer {
  const text = readFileSync(new URL(`../fixtures/email/${name}`, import.meta.url), 'latin1');
  return Buffer.from(text.replaceAll('{{REPLY_TO}}', fill.replyTo ?? 'none@ladder.invalid').replaceAll('{{TOKEN}}', fill.token ?? ''), 'latin1');
}

/** A small plain mail, written the way a mail client would. */
export function plainMail(input: { from: string; subject: string; text: string; messageId: string; to?: string; headers?: Record<string, string> }): Buffer {
  const lines = [
    `From: ${input.from}`,
    `To: ${input.to ?? 'Shop Support <support@shop.test>'}`,
    `Subject: ${input.subject}`,
    `Message-ID: <${input.messageId}>`,
    'Date: Sat, 21 Nov 2026 12:00:00 +0000',
    'MIME-Version: 1.0',
    ...Object.entries(input.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    'Content-Type: text/plain; charset=utf-8',
    '',
    input.text,
  ];
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

/** A real SMTP server on a free local port keeping every message whole (what a customer's MX would get). */
export async function startRawSmtpSink(): Promise<{ url: string; mails: { to: string[]; raw: Buffer }[]; close(): Promise<void> }> {
  const { SMTPServer } = await import('smtp-server');
  const mails: { to: string[]; raw: Buffer }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
        callback();
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as import('node:net').AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
