import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';

export interface SmtpEnvelope {
  mailFrom: string | null;
  rcptTo: string[];
}

/** A message the intake refuses for good (no sender, unreadable): the client gets a 5xx and does not retry. */
export class PermanentMailRejection extends Error {}

export interface SmtpListenerOptions {
  host: string;
  port: number;
  /** Advertised as SIZE and enforced on the data stream (552 when exceeded). */
  maxBytes: number;
  /** RCPT TO is refused (550) for any other address. */
  acceptsRecipient(address: string): boolean;
  /** Resolves once the message is committed; a rejection is a 4xx (the sender retries) unless permanent. */
  onMessage(raw: Buffer, envelope: SmtpEnvelope): Promise<void>;
  onError?(err: unknown): void;
}

export interface SmtpListener {
  port: number;
  close(): Promise<void>;
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

/**
 * The built-in SMTP listener for inbound mail (issue 7 item 2). A message is acknowledged with 250
 * only after the desk committed it, so a crash before that makes the sending MTA retry, and the
 * Message-ID dedupe absorbs any repeat. Plain SMTP without AUTH or STARTTLS: it is meant to sit
 * behind the organisation's MX (or on localhost), which does TLS, spam and sender checks.
 */
export async function startSmtpListener(options: SmtpListenerOptions): Promise<SmtpListener> {
  const server = new SMTPServer({
    name: 'ladder',
    banner: 'Ladder mail intake',
    size: options.maxBytes,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.acceptsRecipient(address.address)) return callback();
      callback(smtpError(`5.1.1 <${address.address}>: no such mailbox here`, 550));
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(smtpError(`5.3.4 message larger than ${options.maxBytes} bytes`, 552));
        const envelope: SmtpEnvelope = {
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address || null : null,
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
        };
        options.onMessage(Buffer.concat(chunks), envelope).then(
          () => callback(),
          (err: unknown) => {
            options.onError?.(err);
            if (err instanceof PermanentMailRejection) callback(smtpError(`5.6.0 ${err.message}`, 554));
            else callback(smtpError('4.3.0 temporary failure storing the message, try again later', 451));
          },
        );
      });
    },
  });
  // A client that drops its connection mid-session is not our failure.
  server.on('error', (err) => options.onError?.(err));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
