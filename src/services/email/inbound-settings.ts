import type { Config } from '../../config.js';
import type { InboundEmailSettings } from './ingest-inbound-email.js';

export type MailLog = (message: string, fields: Record<string, unknown>) => void;

export function inboundSettingsOf(config: Config): InboundEmailSettings {
  return {
    maxBytes: config.inboundMailMaxBytes,
    recipients: config.inboundMailRecipients,
    defaultCategory: config.inboundMailDefaultCategory,
    attachments: { maxBytes: config.uploadMaxBytes, allowedTypes: config.uploadAllowedTypes },
  };
}
