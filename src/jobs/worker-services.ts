import type { DeliveryTransports } from '../services/notifications/deliver-outbox-row.js';
import type { ClockAlertOptions } from '../services/sla/process-clock-alert.js';
import type { OpenMailbox } from '../integrations/email/inbound-mailbox.js';
import type { InboundEmailSettings } from '../services/email/ingest-inbound-email.js';
import type { MailLog } from '../services/email/inbound-settings.js';

/** What job handlers and sweeps get from the worker that runs them. */
export interface WorkerServices {
  alerts: ClockAlertOptions;
  transports: DeliveryTransports;
  /** The SLA sweep queues alerts due up to this far ahead, each to run at its own instant. */
  slaLookAheadMs: number;
  /** Most alerts of one kind a sweep queues at once; the rest wait for the next slot. */
  sweepBatchLimit: number;
  /** SHOPIFY_PARKED_RETURN_EXPIRY_HOURS: a parked Shopify return older than this stops waiting for its order (default 72). */
  shopifyParkedReturnExpiryHours?: number;
  /** The IMAP mailbox the imap-poll sweep reads (IMAP_URL); absent when none is configured. */
  inboundMail?: { openMailbox: OpenMailbox; settings: InboundEmailSettings; log?: MailLog };
}
