import type { Config } from '../../config.js';
import type { Store } from '../../store/database.js';
import { DomainError } from '../../domain/errors.js';
import { isDeskAddress } from '../../domain/email/desk-address.js';
import { PermanentMailRejection, startSmtpListener, type SmtpListener } from '../../integrations/email/smtp-listener.js';
import { ingestInboundEmail } from './ingest-inbound-email.js';
import { inboundSettingsOf, type MailLog } from './inbound-settings.js';

/** Starts the SMTP listener when SMTP_LISTEN_PORT is set; every accepted message is ingested before the 250. */
export async function startMailIntake(input: { store: Store; config: Config; log?: MailLog; onError?: (err: unknown) => void }): Promise<SmtpListener | null> {
  const { store, config } = input;
  if (config.smtpListenPort === null) return null;
  const settings = inboundSettingsOf(config);
  return startSmtpListener({
    host: config.smtpListenHost,
    port: config.smtpListenPort,
    maxBytes: config.inboundMailMaxBytes,
    acceptsRecipient: (address) => isDeskAddress(address, config.inboundMailRecipients),
    async onMessage(raw, envelope) {
      try {
        const result = await ingestInboundEmail(store, raw, { source: 'smtp', settings, envelopeRecipients: envelope.rcptTo, ...(input.log ? { log: input.log } : {}) });
        input.log?.('smtp message accepted', { messageId: result.messageId, outcome: result.outcome, caseId: result.caseId });
      } catch (err) {
        // Bad mail stays bad however often it is retried: refuse it for good (5xx). Anything else is ours: 4xx, retried.
        if (err instanceof DomainError) throw new PermanentMailRejection(err.message);
        throw err;
      }
    },
    ...(input.onError ? { onError: input.onError } : {}),
  });
}
