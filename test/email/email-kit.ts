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
