// Outgoing webhooks for case events (issue 7 item 5): which timeline events an endpoint can
// subscribe to, under which public name, and exactly which fields of each leave the desk. The
// field lists are allow-lists on purpose: a new field on a timeline event (a message's text, a
// decision's reasoning, a customer's address) stays inside until someone decides it may go out.

/** Public event names, stable across releases; "*" subscribes to every one. */
export const WEBHOOK_EVENTS = [
  'case.opened',
  'case.status_changed',
  'case.resolved',
  'case.assigned',
  'case.escalated',
  'case.de_escalated',
  'case.priority_changed',
  'case.level_changed',
  'case.message_added',
  'case.satisfaction_rated',
  'sla.warning',
  'sla.breached',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Sent only by `POST /webhooks/:id/test`, whatever the endpoint subscribes to. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

/** Names accepted from endpoints registered before events were dotted (they meant the same thing). */
const LEGACY_NAMES: Record<string, WebhookEvent> = { sla_warning: 'sla.warning', sla_breached: 'sla.breached' };

/** The public name of a subscription entry, or null when it names no event. */
export function normalizeWebhookEvent(name: string): WebhookEvent | '*' | null {
  if (name === '*') return '*';
  if ((WEBHOOK_EVENTS as readonly string[]).includes(name)) return name as WebhookEvent;
  return LEGACY_NAMES[name] ?? null;
}

export function subscribesTo(subscription: readonly string[], event: string): boolean {
  return subscription.some((s) => {
    const name = normalizeWebhookEvent(s);
    return name === '*' || name === event;
  });
}

/** The outgoing name of an internal notice event ("sla_warning" → "sla.warning"); other names pass. */
export function webhookEventOfNotice(event: string): string {
  return LEGACY_NAMES[event] ?? event;
}

export interface TimelineEventLike {
  type: string;
  data: Record<string, unknown>;
}

export interface PublishedEvent {
  event: WebhookEvent;
  data: Record<string, unknown>;
}

function pick(data: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (data[k] !== undefined) out[k] = data[k];
  return out;
}

/** {from, to} pairs of ids become strings, like every id in the API. */
function idPair(v: unknown): unknown {
  if (!v || typeof v !== 'object') return undefined;
  const { from, to } = v as { from?: unknown; to?: unknown };
  const id = (x: unknown) => (x === null || x === undefined ? null : String(x));
  return { from: id(from), to: id(to) };
}

/**
 * The webhook events one timeline event announces, with the fields that may leave. Notes,
 * signals, decisions, attachments and log entries announce nothing; a message announces that it
 * arrived and who wrote it, never its text (the receiver reads it over the API with its own
 * token, under that token's role); SLA alerts travel through their own notice (sla.*).
 */
export function publishedEventsOf(e: TimelineEventLike): PublishedEvent[] {
  switch (e.type) {
    case 'opened':
      return [{ event: 'case.opened', data: pick(e.data, ['category', 'channel', 'priority', 'level']) }];
    case 'status_changed': {
      const data = pick(e.data, ['from', 'to', 'reason']);
      const out: PublishedEvent[] = [{ event: 'case.status_changed', data }];
      if (e.data.to === 'resolved') out.push({ event: 'case.resolved', data });
      return out;
    }
    case 'assigned': {
      const data: Record<string, unknown> = {};
      if (e.data.assignee !== undefined) data.assignee = idPair(e.data.assignee);
      if (e.data.team !== undefined) data.team = idPair(e.data.team);
      return [{ event: 'case.assigned', data }];
    }
    case 'escalated':
      return [{ event: 'case.escalated', data: pick(e.data, ['from', 'to', 'by']) }];
    case 'deescalated':
      return [{ event: 'case.de_escalated', data: pick(e.data, ['from', 'to']) }];
    case 'priority_changed':
      return [{ event: 'case.priority_changed', data: pick(e.data, ['from', 'to']) }];
    case 'level_changed':
      return [{ event: 'case.level_changed', data: pick(e.data, ['from', 'to']) }];
    case 'message':
      return [{ event: 'case.message_added', data: { from: e.data.from === 'customer' ? 'customer' : 'agent', ...pick(e.data, ['channel']) } }];
    case 'satisfaction_rated':
      return [{ event: 'case.satisfaction_rated', data: pick(e.data, ['score', 'scale']) }];
    default:
      return [];
  }
}
