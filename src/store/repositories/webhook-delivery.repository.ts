import type { Selectable } from 'kysely';
import type { Executor } from '../database.js';
import type { WebhookDeliveriesTable } from '../schema.js';

export interface WebhookDeliveryRecord {
  id: number;
  source: string;
  deliveryId: string;
  topic: string;
  shopDomain: string | null;
  receivedAt: string;
  rawBody: string;
  processedAt: string | null;
  result: Record<string, unknown> | null;
  error: string | null;
}

export interface NewWebhookDelivery {
  source: string;
  deliveryId: string;
  topic: string;
  shopDomain: string | null;
  receivedAt: string;
  rawBody: string;
}

function toDelivery(row: Selectable<WebhookDeliveriesTable>): WebhookDeliveryRecord {
  return {
    id: Number(row.id),
    source: row.source,
    deliveryId: row.delivery_id,
    topic: row.topic,
    shopDomain: row.shop_domain,
    receivedAt: row.received_at,
    rawBody: row.raw_body,
    processedAt: row.processed_at,
    result: row.result_json === null ? null : (JSON.parse(row.result_json) as Record<string, unknown>),
    error: row.error,
  };
}

function values(d: NewWebhookDelivery) {
  return {
    source: d.source,
    delivery_id: d.deliveryId,
    topic: d.topic,
    shop_domain: d.shopDomain,
    received_at: d.receivedAt,
    raw_body: d.rawBody,
  };
}

export async function findWebhookDelivery(db: Executor, source: string, deliveryId: string): Promise<WebhookDeliveryRecord | undefined> {
  const row = await db.selectFrom('webhook_deliveries').selectAll().where('source', '=', source).where('delivery_id', '=', deliveryId).executeTakeFirst();
  return row && toDelivery(row);
}

/** Whether a delivery id was seen, without reading its body (the cheap check before any write). */
export async function webhookDeliveryExists(db: Executor, source: string, deliveryId: string): Promise<boolean> {
  const row = await db.selectFrom('webhook_deliveries').select('id').where('source', '=', source).where('delivery_id', '=', deliveryId).executeTakeFirst();
  return row !== undefined;
}

/**
 * Inserts the delivery unless its (source, delivery id) is already stored; the new row's id, or null
 * for a repeat. On PostgreSQL a concurrent insert of the same id waits for the first transaction and
 * then finds the conflict, so exactly one of two racing redeliveries does the work.
 */
export async function claimWebhookDelivery(db: Executor, delivery: NewWebhookDelivery): Promise<number | null> {
  const row = await db
    .insertInto('webhook_deliveries')
    .values(values(delivery))
    .onConflict((oc) => oc.columns(['source', 'delivery_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}

export async function finishWebhookDelivery(
  db: Executor,
  id: number,
  outcome: { processedAt: string; result: Record<string, unknown>; error: string | null },
): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ processed_at: outcome.processedAt, result_json: JSON.stringify(outcome.result), error: outcome.error })
    .where('id', '=', id)
    .execute();
}

/** A delivery whose mapping failed for good: stored with its error after the mapping rolled back. */
export async function insertFailedWebhookDelivery(
  db: Executor,
  delivery: NewWebhookDelivery,
  outcome: { processedAt: string; result: Record<string, unknown>; error: string },
): Promise<boolean> {
  const row = await db
    .insertInto('webhook_deliveries')
    .values({ ...values(delivery), processed_at: outcome.processedAt, result_json: JSON.stringify(outcome.result), error: outcome.error })
    .onConflict((oc) => oc.columns(['source', 'delivery_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

// ---- platform id → Ladder row ----

export interface IntegrationRefKey {
  source: string;
  kind: string;
  externalId: string;
}

/** The Ladder id a platform id maps to; null while claimed but not yet set; undefined when unknown. */
export async function findIntegrationRef(db: Executor, key: IntegrationRefKey): Promise<number | null | undefined> {
  const row = await db
    .selectFrom('integration_refs')
    .select('entity_id')
    .where('source', '=', key.source)
    .where('kind', '=', key.kind)
    .where('external_id', '=', key.externalId)
    .executeTakeFirst();
  if (!row) return undefined;
  return row.entity_id === null ? null : Number(row.entity_id);
}

/**
 * Claims a platform id for the caller's transaction: true when this call inserted it (the caller
 * creates the row and sets it), false when it already existed. Racing claims wait on the unique key.
 */
export async function claimIntegrationRef(db: Executor, key: IntegrationRefKey, at: string): Promise<boolean> {
  const row = await db
    .insertInto('integration_refs')
    .values({ source: key.source, kind: key.kind, external_id: key.externalId, entity_id: null, created_at: at, updated_at: at })
    .onConflict((oc) => oc.columns(['source', 'kind', 'external_id']).doNothing())
    .returning('external_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Points a platform id at a Ladder row, creating the mapping when it is new. */
export async function setIntegrationRef(db: Executor, key: IntegrationRefKey, entityId: number, at: string): Promise<void> {
  await db
    .insertInto('integration_refs')
    .values({ source: key.source, kind: key.kind, external_id: key.externalId, entity_id: entityId, created_at: at, updated_at: at })
    .onConflict((oc) => oc.columns(['source', 'kind', 'external_id']).doUpdateSet({ entity_id: entityId, updated_at: at }))
    .execute();
}

/**
 * The mapping's entity id, with the mapping row locked for the rest of the transaction on
 * PostgreSQL: webhooks about one platform object (an order's updates and carrier events) then
 * apply one after another, so read-then-write changes such as "count one more failed delivery" or
 * "fulfilment only moves forward" cannot interleave. SQLite transactions already hold the single
 * write lock.
 */
export async function lockIntegrationRef(db: Executor, key: IntegrationRefKey, dialect: 'sqlite' | 'postgres'): Promise<number | null | undefined> {
  let q = db
    .selectFrom('integration_refs')
    .select('entity_id')
    .where('source', '=', key.source)
    .where('kind', '=', key.kind)
    .where('external_id', '=', key.externalId);
  if (dialect === 'postgres') q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) return undefined;
  return row.entity_id === null ? null : Number(row.entity_id);
}
