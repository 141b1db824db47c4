import { randomBytes } from 'node:crypto';
import type { Store } from '../../store/database.js';
import {
  insertWebhookEndpoint, listWebhookEndpoints, setWebhookEndpointActive, type WebhookEndpointRecord,
} from '../../store/repositories/webhook-endpoint.repository.js';
import { DomainError } from '../../domain/errors.js';
import { requirePermission, type Actor } from '../actor.js';
import { clock } from '../clock.js';

/** Events a webhook endpoint may subscribe to; "*" is every event. */
export const WEBHOOK_EVENTS = ['sla_warning', 'sla_breached'] as const;

export interface WebhookEndpointView {
  id: number;
  url: string;
  events: string[];
  active: boolean;
  createdAt: string;
}

const view = (e: WebhookEndpointRecord): WebhookEndpointView => ({ id: e.id, url: e.url, events: e.events, active: e.active, createdAt: e.createdAt });

/** Registers an endpoint; the signing secret is returned once, here (generated when not given). */
export async function addWebhookEndpoint(
  store: Store,
  actor: Actor,
  input: { url: unknown; events?: unknown; secret?: unknown },
): Promise<WebhookEndpointView & { secret: string }> {
  requirePermission(actor, 'tokens.manage');
  if (typeof input.url !== 'string') throw new DomainError('invalid_input', 'expected an http(s) URL', 'url');
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    throw new DomainError('invalid_input', 'expected an http(s) URL', 'url');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new DomainError('invalid_input', 'expected an http(s) URL', 'url');
  const events = input.events === undefined ? ['*'] : input.events;
  if (!Array.isArray(events) || events.length === 0 || !events.every((e) => e === '*' || (WEBHOOK_EVENTS as readonly unknown[]).includes(e))) {
    throw new DomainError('invalid_input', `expected a list of ${WEBHOOK_EVENTS.join(', ')} or "*"`, 'events');
  }
  if (input.secret !== undefined && (typeof input.secret !== 'string' || input.secret.length < 16)) {
    throw new DomainError('invalid_input', 'must be at least 16 characters', 'secret');
  }
  const secret = typeof input.secret === 'string' ? input.secret : randomBytes(24).toString('base64url');
  const endpoint = await insertWebhookEndpoint(store.db, { url: url.toString(), secret, events: events as string[], at: clock.now().toISOString() });
  return { ...view(endpoint), secret };
}

export async function listWebhookEndpointViews(store: Store, actor: Actor): Promise<WebhookEndpointView[]> {
  requirePermission(actor, 'tokens.manage');
  return (await listWebhookEndpoints(store.db)).map(view);
}

export async function setWebhookEndpointEnabled(store: Store, actor: Actor, id: number, active: boolean): Promise<void> {
  requirePermission(actor, 'tokens.manage');
  if (!(await setWebhookEndpointActive(store.db, id, active, clock.now().toISOString()))) throw new DomainError('not_found', 'no such webhook endpoint', 'id');
}
