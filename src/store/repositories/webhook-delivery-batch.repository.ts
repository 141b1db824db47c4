import { sql } from 'kysely';
import type { Executor } from '../database.js';
import type { IntegrationRefKey, NewWebhookDelivery } from './webhook-delivery.repository.js';

// Multi-row forms of the delivery statements, for a batch of webhooks in one transaction (issue 7
// item 4): one round trip per batch instead of one per webhook. On this kind of machine a round
// trip to PostgreSQL costs more CPU than everything else a webhook needs.

/** Which of these delivery ids are already stored (committed, or written by this transaction). */
export async function existingDeliveryIds(db: Executor, source: string, deliveryIds: readonly string[]): Promise<Set<string>> {
  if (deliveryIds.length === 0) return new Set();
  const rows = await db.selectFrom('webhook_deliveries').select('delivery_id').where('source', '=', source).where('delivery_id', 'in', deliveryIds).execute();
  return new Set(rows.map((r) => r.delivery_id));
}

/**
 * Inserts the deliveries whose (source, delivery id) is not stored yet; the new rows' ids by
 * delivery id. Rows go in delivery-id order, so two instances claiming overlapping batches take the
 * unique-key locks in the same order and one waits for the other instead of deadlocking; a waiter
 * then finds the conflict, and exactly one instance maps each delivery.
 */
export async function claimWebhookDeliveries(db: Executor, deliveries: readonly NewWebhookDelivery[]): Promise<Map<string, number>> {
  if (deliveries.length === 0) return new Map();
  const sorted = [...deliveries].sort((a, b) => (a.deliveryId < b.deliveryId ? -1 : a.deliveryId > b.deliveryId ? 1 : 0));
  const rows = await db
    .insertInto('webhook_deliveries')
    .values(sorted.map((d) => ({
      source: d.source, delivery_id: d.deliveryId, topic: d.topic, shop_domain: d.shopDomain, received_at: d.receivedAt, raw_body: d.rawBody,
    })))
    .onConflict((oc) => oc.columns(['source', 'delivery_id']).doNothing())
    .returning(['id', 'delivery_id'])
    .execute();
  return new Map(rows.map((r) => [r.delivery_id, Number(r.id)]));
}

/** Records what the mapping did for each claimed delivery of the batch, in one statement. */
export async function finishWebhookDeliveries(
  db: Executor,
  processedAt: string,
  outcomes: readonly { id: number; result: Record<string, unknown> }[],
): Promise<void> {
  if (outcomes.length === 0) return;
  const cases = sql.join(outcomes.map((o) => sql`when ${o.id} then ${JSON.stringify(o.result)}`), sql` `);
  await db
    .updateTable('webhook_deliveries')
    .set({ processed_at: processedAt, error: null, result_json: sql<string>`case id ${cases} end` })
    .where('id', 'in', outcomes.map((o) => o.id))
    .execute();
}

/**
 * Claims a platform id and returns its entity id in one statement: null when new or claimed but not
 * yet set. On PostgreSQL the no-op update locks the mapping row for the rest of the transaction, as
 * claimIntegrationRef followed by lockIntegrationRef does in two round trips (SQLite transactions
 * already hold the single write lock).
 */
export async function claimAndLockIntegrationRef(db: Executor, key: IntegrationRefKey, at: string): Promise<number | null> {
  const row = await db
    .insertInto('integration_refs')
    .values({ source: key.source, kind: key.kind, external_id: key.externalId, entity_id: null, created_at: at, updated_at: at })
    .onConflict((oc) => oc.columns(['source', 'kind', 'external_id']).doUpdateSet({ entity_id: (eb) => eb.ref('integration_refs.entity_id') }))
    .returning('entity_id')
    .executeTakeFirstOrThrow();
  return row.entity_id === null ? null : Number(row.entity_id);
}
