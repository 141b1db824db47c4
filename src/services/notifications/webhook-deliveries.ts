import { randomUUID } from 'node:crypto';
import type { Store } from '../../store/database.js';
import {
  findOutboxRow, insertOutboxRows, listOutboxByRecipient, markOutboxFailed, markOutboxSent, requeueOutboxRow,
  type OutboxRecord, type OutboxState,
} from '../../store/repositories/outbox.repository.js';
import { enqueueJobs } from '../../store/repositories/job.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import { DomainError } from '../../domain/errors.js';
import { WEBHOOK_TEST_EVENT } from '../../domain/webhooks/webhook-events.js';
import type { WebhookSender } from '../../integrations/webhooks/webhook-sender.js';
import { actorIdOf, requirePermission, type Actor } from '../actor.js';
import { clock } from '../clock.js';
import { DELIVER_OUTBOX_JOB, deliveryIdOf } from './outbox-jobs.js';
import { endpointOrNotFound } from './webhook-endpoints.js';

// An endpoint's delivery log (issue 7 item 5): its webhook outbox rows, with state, attempts and
// the last error; a manual redelivery and a test ping, both audited.

export interface WebhookDeliveryView {
  id: string;
  /** X-Ladder-Delivery and the body's `id`: the same on every retry and redelivery. */
  deliveryId: string;
  event: string;
  caseId: string | null;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: string | null;
  sentAt: string | null;
  lastError: string | null;
  createdAt: string;
}

export const deliveryView = (row: OutboxRecord): WebhookDeliveryView => ({
  id: String(row.id),
  deliveryId: String((row.payload as { deliveryId?: unknown }).deliveryId ?? ''),
  event: row.event,
  caseId: row.caseId === null ? null : String(row.caseId),
  state: row.state,
  attempts: row.attempts,
  nextAttemptAt: row.state === 'pending' ? row.nextAttemptAt : null,
  sentAt: row.sentAt,
  lastError: row.lastError,
  createdAt: row.createdAt,
});

const STATES: readonly OutboxState[] = ['pending', 'sent', 'dead'];

export async function listWebhookDeliveries(
  store: Store,
  actor: Actor,
  input: { id: unknown; state?: unknown; cursor?: unknown; limit?: unknown },
): Promise<{ items: WebhookDeliveryView[]; nextCursor: string | null }> {
  requirePermission(actor, 'webhooks.manage');
  const endpoint = await endpointOrNotFound(store.db, input.id);
  const limit = input.limit === undefined ? 50 : Number(input.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new DomainError('invalid_input', 'expected 1 to 500', 'limit');
  if (input.state !== undefined && !STATES.includes(input.state as OutboxState)) throw new DomainError('invalid_input', `expected one of ${STATES.join(', ')}`, 'state');
  if (input.cursor !== undefined && (typeof input.cursor !== 'string' || !/^\d{1,15}$/.test(input.cursor))) throw new DomainError('invalid_input', 'not a cursor this server issued', 'cursor');
  const rows = await listOutboxByRecipient(store.db, `endpoint:${endpoint.id}`, {
    limit: limit + 1,
    ...(input.cursor !== undefined ? { beforeId: Number(input.cursor) } : {}),
    ...(input.state !== undefined ? { state: input.state as OutboxState } : {}),
  });
  const items = rows.slice(0, limit);
  return { items: items.map(deliveryView), nextCursor: rows.length > limit ? String(items[items.length - 1]!.id) : null };
}

/**
 * Sends a delivered or dead delivery again with the same delivery id and body (a receiver that
 * keeps ids will drop it as a repeat): the row goes back to pending with a fresh delivery job.
 */
export async function redeliverWebhook(store: Store, actor: Actor, input: { id: unknown; deliveryId: unknown }): Promise<WebhookDeliveryView> {
  requirePermission(actor, 'webhooks.manage');
  if (typeof input.deliveryId !== 'string' || !/^\d{1,15}$/.test(input.deliveryId)) throw new DomainError('invalid_input', 'expected a delivery id', 'deliveryId');
  const at = clock.now().toISOString();
  return store.db.transaction().execute(async (trx) => {
    const endpoint = await endpointOrNotFound(trx, input.id);
    const row = await findOutboxRow(trx, Number(input.deliveryId), store.dialect);
    if (!row || row.channel !== 'webhook' || row.recipient !== `endpoint:${endpoint.id}`) throw new DomainError('not_found', 'no such delivery for this endpoint', 'deliveryId');
    if (row.state === 'pending') throw new DomainError('conflict', 'the delivery is still queued', 'deliveryId');
    const requeued = (await requeueOutboxRow(trx, row.id, at))!;
    await enqueueJobs(trx, [{
      kind: DELIVER_OUTBOX_JOB.kind, key: `${DELIVER_OUTBOX_JOB.kind}:${row.id}:redeliver:${randomUUID()}`,
      payload: { outboxId: row.id, channel: 'webhook' }, runAt: at, maxAttempts: DELIVER_OUTBOX_JOB.maxAttempts,
    }], at);
    await insertAuditEvent(trx, {
      at, actorId: actorIdOf(actor), action: 'webhook.redelivered', entityType: 'webhook_endpoint', entityId: String(endpoint.id),
      data: { outboxId: row.id, event: row.event, previousState: row.state },
    });
    return deliveryView(requeued);
  });
}

/**
 * Sends a signed `webhook.test` ping now and answers with what the receiver said; the attempt is in
 * the delivery log like any other (not retried: the person testing is watching).
 */
export async function testWebhookEndpoint(
  store: Store,
  actor: Actor,
  input: { id: unknown },
  send: WebhookSender,
): Promise<{ ok: boolean; status: number | null; error: string | null; delivery: WebhookDeliveryView }> {
  requirePermission(actor, 'webhooks.manage');
  const endpoint = await endpointOrNotFound(store.db, input.id);
  const at = clock.now().toISOString();
  const recipient = `endpoint:${endpoint.id}`;
  const dedupeKey = `${WEBHOOK_TEST_EVENT}:${randomUUID()}|webhook|${recipient}`;
  const deliveryId = deliveryIdOf(dedupeKey);
  const body = { id: deliveryId, event: WEBHOOK_TEST_EVENT, occurredAt: at, caseId: null, data: { endpointId: String(endpoint.id) } };
  const [row] = await store.db.transaction().execute(async (trx) => {
    const written = await insertOutboxRows(trx, [{
      channel: 'webhook', caseId: null, event: WEBHOOK_TEST_EVENT, recipient, dedupeKey,
      payload: { endpointId: endpoint.id, deliveryId, event: WEBHOOK_TEST_EVENT, body },
    }], at);
    await insertAuditEvent(trx, { at, actorId: actorIdOf(actor), action: 'webhook.tested', entityType: 'webhook_endpoint', entityId: String(endpoint.id), data: { outboxId: written[0]!.id } });
    return written;
  });
  let status: number | null = null;
  let error: string | null = null;
  try {
    status = (await send({ url: endpoint.url, secret: endpoint.secret, event: WEBHOOK_TEST_EVENT, deliveryId, body: JSON.stringify(body) })).status;
    await markOutboxSent(store.db, row!.id, clock.now().toISOString());
  } catch (err) {
    error = (err as Error).message;
    status = (err as { status?: number | null }).status ?? null;
    await markOutboxFailed(store.db, row!.id, { error, nextAttemptAt: null, at: clock.now().toISOString() });
  }
  return { ok: error === null, status, error, delivery: deliveryView((await findOutboxRow(store.db, row!.id))!) };
}
