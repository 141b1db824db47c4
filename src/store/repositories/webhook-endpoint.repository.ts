import type { Selectable } from 'kysely';
import type { Executor } from '../database.js';
import type { WebhookEndpointsTable } from '../schema.js';

export interface WebhookEndpointRecord {
  id: number;
  url: string;
  secret: string;
  /** Event names it receives; ["*"] = every event. */
  events: string[];
  active: boolean;
  description: string | null;
  /** Also receives events about chargeback and fraud cases (R000-08). */
  includeRestricted: boolean;
  createdAt: string;
  updatedAt: string;
}

export function toEndpoint(row: Selectable<WebhookEndpointsTable>): WebhookEndpointRecord {
  return {
    id: Number(row.id),
    url: row.url,
    secret: row.secret,
    events: JSON.parse(row.events_json) as string[],
    active: Number(row.active) === 1,
    description: row.description ?? null,
    includeRestricted: Number(row.include_restricted ?? 0) === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertWebhookEndpoint(
  db: Executor,
  input: { url: string; secret: string; events: string[]; at: string; description?: string | null; includeRestricted?: boolean },
): Promise<WebhookEndpointRecord> {
  const row = await db
    .insertInto('webhook_endpoints')
    .values({
      url: input.url, secret: input.secret, events_json: JSON.stringify(input.events), active: 1,
      description: input.description ?? null, include_restricted: input.includeRestricted ? 1 : 0,
      created_at: input.at, updated_at: input.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toEndpoint(row);
}

export async function listWebhookEndpoints(db: Executor, filter: { activeOnly?: boolean } = {}): Promise<WebhookEndpointRecord[]> {
  let q = db.selectFrom('webhook_endpoints').selectAll().orderBy('id');
  if (filter.activeOnly) q = q.where('active', '=', 1);
  return (await q.execute()).map(toEndpoint);
}

export async function findWebhookEndpoint(db: Executor, id: number): Promise<WebhookEndpointRecord | undefined> {
  const row = await db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toEndpoint(row);
}

export async function setWebhookEndpointActive(db: Executor, id: number, active: boolean, at: string): Promise<boolean> {
  const r = await db.updateTable('webhook_endpoints').set({ active: active ? 1 : 0, updated_at: at }).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export interface WebhookEndpointPatch {
  url?: string;
  events?: string[];
  description?: string | null;
  includeRestricted?: boolean;
  active?: boolean;
  secret?: string;
}

export async function updateWebhookEndpoint(db: Executor, id: number, patch: WebhookEndpointPatch, at: string): Promise<WebhookEndpointRecord | undefined> {
  const row = await db
    .updateTable('webhook_endpoints')
    .set({
      updated_at: at,
      ...(patch.url !== undefined ? { url: patch.url } : {}),
      ...(patch.events !== undefined ? { events_json: JSON.stringify(patch.events) } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.includeRestricted !== undefined ? { include_restricted: patch.includeRestricted ? 1 : 0 } : {}),
      ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
      ...(patch.secret !== undefined ? { secret: patch.secret } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && toEndpoint(row);
}

/** Deletes the endpoint; its delivery log (outbox rows) stays, and pending rows fail as undeliverable. */
export async function deleteWebhookEndpoint(db: Executor, id: number): Promise<boolean> {
  const r = await db.deleteFrom('webhook_endpoints').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
