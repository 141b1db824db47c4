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
  createdAt: string;
  updatedAt: string;
}

function toEndpoint(row: Selectable<WebhookEndpointsTable>): WebhookEndpointRecord {
  return {
    id: Number(row.id),
    url: row.url,
    secret: row.secret,
    events: JSON.parse(row.events_json) as string[],
    active: Number(row.active) === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertWebhookEndpoint(
  db: Executor,
  input: { url: string; secret: string; events: string[]; at: string },
): Promise<WebhookEndpointRecord> {
  const row = await db
    .insertInto('webhook_endpoints')
    .values({ url: input.url, secret: input.secret, events_json: JSON.stringify(input.events), active: 1, created_at: input.at, updated_at: input.at })
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
