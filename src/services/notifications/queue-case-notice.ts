import type { Executor } from '../../store/database.js';
import { insertOutboxRowsWithEffects, type NewOutboxRow, type OutboxRecord } from '../../store/repositories/outbox.repository.js';
import { listWebhookEndpoints, type WebhookEndpointRecord } from '../../store/repositories/webhook-endpoint.repository.js';
import { findCaseById } from '../../store/repositories/case.repository.js';
import { subscribesTo, webhookEventOfNotice } from '../../domain/webhooks/webhook-events.js';
import { DELIVER_OUTBOX_JOB, deliveryIdOf } from './outbox-jobs.js';
import { endpointMayReceive } from './publish-case-events.js';

/** Which channels this instance writes notifications for (email only when SMTP is configured). */
export interface NotificationChannels {
  email: boolean;
  inApp: boolean;
  webhooks: boolean;
}

export interface NoticeRecipient {
  id: number;
  email: string | null;
}

/** Something that happened to a case and is worth telling people about. */
export interface CaseNotice {
  /** Null for a notice about something outside any case (an RMA not linked to one): `scope` names it. */
  caseId: number | null;
  /** What the dedupe key is scoped to; defaults to "case:<caseId>". */
  scope?: string;
  /** Event name: the notification kind, the webhook's X-Ladder-Event ("sla_warning", "sla_breached"). */
  event: string;
  /** Identifies this occurrence of the event on the case (a clock and its due instant). */
  occurrence: string;
  subject: string;
  text: string;
  /** The webhook body's `data`. */
  data: Record<string, unknown>;
}

export function dedupeKeyOf(notice: Pick<CaseNotice, 'caseId' | 'event' | 'occurrence' | 'scope'>, channel: string, recipient: string): string {
  return `${notice.scope ?? `case:${notice.caseId}`}|${notice.event}:${notice.occurrence}|${channel}|${recipient}`;
}

/**
 * Writes the outbox rows for a notice — in-app and email per recipient, one per subscribed webhook
 * endpoint — in the caller's transaction (the transactional outbox of issue 4 item 6): in-app
 * notifications are stored at once, email and webhook rows get a delivery job each. A row whose (case, event, channel, recipient) key exists is not written again,
 * so a retried change notifies once. Returns the rows written now.
 */
export async function queueCaseNotice(
  trx: Executor,
  notice: CaseNotice,
  recipients: NoticeRecipient[],
  channels: NotificationChannels,
  at: string,
  /** What the caller already read in this transaction: the active webhook endpoints, the case's category. */
  known: { endpoints?: readonly WebhookEndpointRecord[]; category?: string | null } = {},
): Promise<OutboxRecord[]> {
  const rows: NewOutboxRow[] = [];
  const base = { caseId: notice.caseId, event: notice.event };
  const seen = new Set<number>();
  for (const user of recipients) {
    if (seen.has(user.id)) continue;
    seen.add(user.id);
    if (channels.inApp) {
      const recipient = `user:${user.id}`;
      rows.push({ ...base, channel: 'in_app', recipient, dedupeKey: dedupeKeyOf(notice, 'in_app', recipient), sentOnInsert: true, payload: { userId: user.id, kind: notice.event, text: notice.subject } });
    }
    if (channels.email && user.email) {
      const recipient = user.email.toLowerCase();
      const dedupeKey = dedupeKeyOf(notice, 'email', recipient);
      rows.push({
        ...base, channel: 'email', recipient, dedupeKey,
        payload: { to: recipient, subject: notice.subject, text: notice.text, deliveryId: deliveryIdOf(dedupeKey), event: notice.event },
      });
    }
  }
  if (channels.webhooks) {
    const endpoints = known.endpoints ?? await listWebhookEndpoints(trx, { activeOnly: true });
    // Webhooks carry the public dotted name ("sla.warning"); in-app and email keep the notice kind.
    const event = webhookEventOfNotice(notice.event);
    const category = endpoints.length === 0 || notice.caseId === null ? null
      : known.category !== undefined ? known.category : (await findCaseById(trx, notice.caseId))?.category ?? null;
    for (const endpoint of endpoints) {
      if (!subscribesTo(endpoint.events, event) || !endpointMayReceive(endpoint, category)) continue;
      const recipient = `endpoint:${endpoint.id}`;
      const dedupeKey = dedupeKeyOf(notice, 'webhook', recipient);
      const deliveryId = deliveryIdOf(dedupeKey);
      rows.push({
        ...base, event, channel: 'webhook', recipient, dedupeKey,
        payload: {
          endpointId: endpoint.id, deliveryId, event,
          body: { id: deliveryId, event, occurredAt: at, caseId: notice.caseId === null ? null : String(notice.caseId), data: notice.data },
        },
      });
    }
  }
  // In-app notifications are rows in this database: they take effect in this very transaction,
  // exactly once, and their outbox rows are inserted as sent. Email and webhooks leave through
  // delivery jobs.
  return insertOutboxRowsWithEffects(trx, rows, at, DELIVER_OUTBOX_JOB);
}
