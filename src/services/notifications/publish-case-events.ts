import type { Executor } from '../../store/database.js';
import type { CaseRecord } from '../../store/repositories/case.repository.js';
import { insertOutboxRows, type NewOutboxRow, type OutboxRecord } from '../../store/repositories/outbox.repository.js';
import { listWebhookEndpoints, type WebhookEndpointRecord } from '../../store/repositories/webhook-endpoint.repository.js';
import { RESTRICTED_CATEGORIES } from '../../domain/access/case-visibility.js';
import { publishedEventsOf, subscribesTo } from '../../domain/webhooks/webhook-events.js';
import { deliveryIdOf, enqueueDeliveries } from './outbox-jobs.js';

export interface PublishableCaseEvent {
  id: number;
  type: string;
  at: string;
  actorId: number | null;
  actorKind: string;
  data: Record<string, unknown>;
}

/**
 * What every case webhook says about the case: its routing state, never its subject, customer,
 * order, messages or decision (a receiver wanting those reads the case over the API with a token
 * whose role allows it). Ids are strings, as everywhere in the API.
 */
export function webhookCaseOf(c: CaseRecord): Record<string, unknown> {
  const id = (n: number | null) => (n === null ? null : String(n));
  return {
    id: String(c.id), status: c.status, priority: c.priority, level: c.level, category: c.category, escalated: c.escalated,
    channel: c.channel, storefront: c.storefront, teamId: id(c.teamId), assigneeId: id(c.assigneeId),
    createdAt: c.createdAt, updatedAt: c.updatedAt, resolvedAt: c.resolvedAt,
  };
}

/** Endpoints that may hear about this case at all: events on chargeback and fraud cases only go to those marked for them (R000-08). */
export function endpointMayReceive(endpoint: WebhookEndpointRecord, category: string | null): boolean {
  return category === null || !RESTRICTED_CATEGORIES.has(category) || endpoint.includeRestricted;
}

/**
 * Writes one webhook outbox row per (timeline event, published name, subscribed endpoint) in the
 * caller's transaction — the one that changed the case — and queues their delivery (issue 7
 * item 5). The dedupe key names the timeline event, so a retried transaction or a second call for
 * the same event writes nothing new: each event reaches each endpoint once.
 */
export async function publishCaseEvents(
  trx: Executor, caseRow: CaseRecord, events: readonly PublishableCaseEvent[], at: string,
  /** The active endpoints when the caller already read them in this transaction. */
  activeEndpoints?: readonly WebhookEndpointRecord[],
): Promise<OutboxRecord[]> {
  return publishEventsOfCases(trx, [{ caseRow, events }], at, activeEndpoints);
}

/**
 * publishCaseEvents for several cases changed in one transaction (a batch of openings): their
 * outbox rows and delivery jobs go in one statement each.
 */
export async function publishEventsOfCases(
  trx: Executor, changes: readonly { caseRow: CaseRecord; events: readonly PublishableCaseEvent[] }[], at: string,
  activeEndpoints?: readonly WebhookEndpointRecord[],
): Promise<OutboxRecord[]> {
  if (!changes.some((c) => c.events.some((e) => publishedEventsOf(e).length > 0))) return [];
  const active = activeEndpoints ?? await listWebhookEndpoints(trx, { activeOnly: true });
  if (active.length === 0) return [];
  const rows = changes.flatMap((c) => outboxRowsOf(c.caseRow, c.events, active));
  const written = await insertOutboxRows(trx, rows, at);
  await enqueueDeliveries(trx, written, at);
  return written;
}

function outboxRowsOf(caseRow: CaseRecord, events: readonly PublishableCaseEvent[], active: readonly WebhookEndpointRecord[]): NewOutboxRow[] {
  const published = events.flatMap((e) => publishedEventsOf(e).map((p) => ({ ...p, source: e })));
  if (published.length === 0) return [];
  const endpoints = active.filter((e) => endpointMayReceive(e, caseRow.category));
  if (endpoints.length === 0) return [];
  const caseView = webhookCaseOf(caseRow);
  const rows: NewOutboxRow[] = [];
  for (const endpoint of endpoints) {
    for (const p of published) {
      if (!subscribesTo(endpoint.events, p.event)) continue;
      const recipient = `endpoint:${endpoint.id}`;
      const dedupeKey = `case:${caseRow.id}|${p.event}:${p.source.id}|webhook|${recipient}`;
      const deliveryId = deliveryIdOf(dedupeKey);
      rows.push({
        channel: 'webhook', caseId: caseRow.id, event: p.event, recipient, dedupeKey,
        payload: {
          endpointId: endpoint.id, deliveryId, event: p.event,
          body: {
            id: deliveryId, event: p.event, occurredAt: p.source.at, caseId: String(caseRow.id), case: caseView,
            actor: { kind: p.source.actorKind, id: p.source.actorId === null ? null : String(p.source.actorId) },
            data: p.data,
          },
        },
      });
    }
  }
  return rows;
}
