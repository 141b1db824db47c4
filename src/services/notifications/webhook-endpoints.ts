import { randomBytes } from 'node:crypto';
import type { Executor, Store } from '../../store/database.js';
import {
  deleteWebhookEndpoint, findWebhookEndpoint, insertWebhookEndpoint, listWebhookEndpoints, updateWebhookEndpoint,
  type WebhookEndpointPatch, type WebhookEndpointRecord,
} from '../../store/repositories/webhook-endpoint.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import { DomainError } from '../../domain/errors.js';
import { normalizeWebhookEvent, WEBHOOK_EVENTS } from '../../domain/webhooks/webhook-events.js';
import { actorIdOf, requirePermission, type Actor } from '../actor.js';
import { clock } from '../clock.js';

export { WEBHOOK_EVENTS };

// Outgoing webhook endpoints (issue 7 item 5), for admins only ("webhooks.manage"). The signing
// secret is returned once, when it is made; no view, listing, audit entry or log line carries it.

export interface WebhookEndpointView {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  description: string | null;
  includeRestricted: boolean;
  createdAt: string;
  updatedAt: string;
}

export const endpointView = (e: WebhookEndpointRecord): WebhookEndpointView => ({
  id: String(e.id), url: e.url, events: e.events.map((n) => normalizeWebhookEvent(n) ?? n), active: e.active,
  description: e.description, includeRestricted: e.includeRestricted, createdAt: e.createdAt, updatedAt: e.updatedAt,
});

export function parseEndpointId(value: unknown): number {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^\d{1,15}$/.test(text)) throw new DomainError('invalid_input', 'expected a webhook endpoint id', 'id');
  return Number(text);
}

export async function endpointOrNotFound(db: Executor, id: unknown): Promise<WebhookEndpointRecord> {
  const found = await findWebhookEndpoint(db, parseEndpointId(id));
  if (!found) throw new DomainError('not_found', 'no such webhook endpoint', 'id');
  return found;
}

function parseUrl(value: unknown): string {
  if (typeof value !== 'string') throw new DomainError('invalid_input', 'expected an http(s) URL', 'url');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new DomainError('invalid_input', 'expected an http(s) URL', 'url');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new DomainError('invalid_input', 'expected an http(s) URL', 'url');
  if (url.username || url.password) throw new DomainError('invalid_input', 'credentials do not belong in the URL; the signature authenticates Ladder', 'url');
  return url.toString();
}

function parseEvents(value: unknown): string[] {
  const list = typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value;
  if (!Array.isArray(list) || list.length === 0) throw new DomainError('invalid_input', `expected a list of ${WEBHOOK_EVENTS.join(', ')} or "*"`, 'events');
  const names = list.map((e) => (typeof e === 'string' ? normalizeWebhookEvent(e) : null));
  const bad = names.findIndex((n) => n === null);
  if (bad >= 0) throw new DomainError('invalid_input', `unknown event ${JSON.stringify(list[bad])}; expected ${WEBHOOK_EVENTS.join(', ')} or "*"`, 'events');
  return names.includes('*') ? ['*'] : [...new Set(names as string[])];
}

function parseDescription(value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== 'string' || value.length > 200) throw new DomainError('invalid_input', 'expected text of at most 200 characters', 'description');
  return value.trim() || null;
}

function parseBool(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new DomainError('invalid_input', 'expected true or false', field);
  return value;
}

function parseSecret(value: unknown): string {
  if (typeof value !== 'string' || value.length < 16 || value.length > 200) throw new DomainError('invalid_input', 'must be 16 to 200 characters', 'secret');
  return value;
}

const newSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;

async function audit(db: Executor, actor: Actor, action: string, endpoint: WebhookEndpointRecord, data: Record<string, unknown>, at: string): Promise<void> {
  await insertAuditEvent(db, { at, actorId: actorIdOf(actor), action, entityType: 'webhook_endpoint', entityId: String(endpoint.id), data });
}

/** Registers an endpoint; the signing secret is returned once, here (generated when not given). */
export async function addWebhookEndpoint(
  store: Store,
  actor: Actor,
  input: { url: unknown; events?: unknown; secret?: unknown; description?: unknown; includeRestricted?: unknown },
): Promise<WebhookEndpointView & { secret: string }> {
  requirePermission(actor, 'webhooks.manage');
  const url = parseUrl(input.url);
  const events = input.events === undefined ? ['*'] : parseEvents(input.events);
  const secret = input.secret === undefined ? newSecret() : parseSecret(input.secret);
  const description = input.description === undefined ? null : parseDescription(input.description);
  const includeRestricted = input.includeRestricted === undefined ? false : parseBool(input.includeRestricted, 'includeRestricted');
  const at = clock.now().toISOString();
  const endpoint = await store.db.transaction().execute(async (trx) => {
    const created = await insertWebhookEndpoint(trx, { url, secret, events, description, includeRestricted, at });
    await audit(trx, actor, 'webhook.created', created, { url, events, includeRestricted }, at);
    return created;
  });
  return { ...endpointView(endpoint), secret };
}

export async function listWebhookEndpointViews(store: Store, actor: Actor): Promise<{ items: WebhookEndpointView[] }> {
  requirePermission(actor, 'webhooks.manage');
  return { items: (await listWebhookEndpoints(store.db)).map(endpointView) };
}

export async function getWebhookEndpointView(store: Store, actor: Actor, id: unknown): Promise<WebhookEndpointView> {
  requirePermission(actor, 'webhooks.manage');
  return endpointView(await endpointOrNotFound(store.db, id));
}

/**
 * Changes url, events, description, includeRestricted or active; `rotateSecret: true` makes a new
 * secret, returned once in this answer. Audited with what changed (never a secret).
 */
export async function updateWebhookEndpointSettings(
  store: Store,
  actor: Actor,
  id: unknown,
  body: unknown,
): Promise<WebhookEndpointView & { secret?: string }> {
  requirePermission(actor, 'webhooks.manage');
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new DomainError('invalid_input', 'expected an object', 'body');
  const input = body as Record<string, unknown>;
  const known = ['url', 'events', 'description', 'includeRestricted', 'active', 'rotateSecret'];
  const unknownKey = Object.keys(input).find((k) => !known.includes(k));
  if (unknownKey) throw new DomainError('invalid_input', `unknown field; expected ${known.join(', ')}`, unknownKey);
  const patch: WebhookEndpointPatch = {};
  if (input.url !== undefined) patch.url = parseUrl(input.url);
  if (input.events !== undefined) patch.events = parseEvents(input.events);
  if (input.description !== undefined) patch.description = parseDescription(input.description);
  if (input.includeRestricted !== undefined) patch.includeRestricted = parseBool(input.includeRestricted, 'includeRestricted');
  if (input.active !== undefined) patch.active = parseBool(input.active, 'active');
  const rotate = input.rotateSecret === undefined ? false : parseBool(input.rotateSecret, 'rotateSecret');
  if (rotate) patch.secret = newSecret();
  const at = clock.now().toISOString();
  const updated = await store.db.transaction().execute(async (trx) => {
    const before = await endpointOrNotFound(trx, id);
    const after = (await updateWebhookEndpoint(trx, before.id, patch, at))!;
    const { secret: _secret, ...changed } = patch;
    await audit(trx, actor, 'webhook.updated', after, { ...changed, ...(rotate ? { secretRotated: true } : {}) }, at);
    return after;
  });
  return { ...endpointView(updated), ...(rotate ? { secret: updated.secret } : {}) };
}

export async function setWebhookEndpointEnabled(store: Store, actor: Actor, id: unknown, active: boolean): Promise<WebhookEndpointView> {
  return updateWebhookEndpointSettings(store, actor, id, { active });
}

/** Deletes the endpoint; its delivery log stays readable under the id, and pending deliveries stop. */
export async function removeWebhookEndpoint(store: Store, actor: Actor, id: unknown): Promise<void> {
  requirePermission(actor, 'webhooks.manage');
  const at = clock.now().toISOString();
  await store.db.transaction().execute(async (trx) => {
    const endpoint = await endpointOrNotFound(trx, id);
    await deleteWebhookEndpoint(trx, endpoint.id);
    await audit(trx, actor, 'webhook.deleted', endpoint, { url: endpoint.url }, at);
  });
}
