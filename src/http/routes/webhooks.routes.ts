import type { FastifyPluginAsync } from 'fastify';
import type { Store } from '../../store/database.js';
import { actorOf } from '../request-context.js';
import { anyObject, errorResponses, idParams, pageOf } from '../schemas.js';
import {
  addWebhookEndpoint, getWebhookEndpointView, listWebhookEndpointViews, removeWebhookEndpoint, updateWebhookEndpointSettings,
} from '../../services/notifications/webhook-endpoints.js';
import { listWebhookDeliveries, redeliverWebhook, testWebhookEndpoint } from '../../services/notifications/webhook-deliveries.js';
import { createWebhookSender, type WebhookSender } from '../../integrations/webhooks/webhook-sender.js';
import { WEBHOOK_EVENTS } from '../../domain/webhooks/webhook-events.js';

const endpointBody = {
  type: 'object',
  properties: {
    url: { type: 'string' },
    events: { type: 'array', items: { type: 'string' }, description: `Any of ${WEBHOOK_EVENTS.join(', ')}, or ["*"] (the default)` },
    secret: { type: 'string', description: 'At least 16 characters; generated when absent. Shown only in this answer.' },
    description: { type: ['string', 'null'] },
    includeRestricted: { type: 'boolean', description: 'Also send events about chargeback and fraud cases (R000-08)' },
  },
} as const;

const deliveryParams = {
  type: 'object',
  required: ['id', 'deliveryId'],
  properties: { id: idParams.properties.id, deliveryId: { type: 'string', pattern: '^[0-9]{1,15}$' } },
} as const;

/** /api/v1/webhooks (issue 7 item 5): outgoing webhook endpoints and their delivery logs, admins only. */
export function webhookRoutes(deps: { store: Store; sendWebhook?: WebhookSender }): FastifyPluginAsync {
  const { store } = deps;
  const send = deps.sendWebhook ?? createWebhookSender();
  const id = (request: { params: unknown }) => (request.params as { id: string }).id;
  return async (app) => {
    app.get('/webhooks', {
      config: { access: 'webhooks.manage' },
      schema: { tags: ['webhooks'], summary: 'Webhook endpoints (never their secrets)', response: { 200: pageOf(anyObject), ...errorResponses } },
    }, async (request) => listWebhookEndpointViews(store, actorOf(request)));

    app.post('/webhooks', {
      config: { access: 'webhooks.manage' },
      schema: { tags: ['webhooks'], summary: 'Register an endpoint; the answer carries its signing secret, once', body: endpointBody, response: { 201: anyObject, ...errorResponses } },
    }, async (request, reply) => reply.status(201).send(await addWebhookEndpoint(store, actorOf(request), (request.body ?? {}) as { url: unknown })));

    app.get('/webhooks/:id', {
      config: { access: 'webhooks.manage' },
      schema: { tags: ['webhooks'], summary: 'One endpoint', params: idParams, response: { 200: anyObject, ...errorResponses } },
    }, async (request) => getWebhookEndpointView(store, actorOf(request), id(request)));

    app.patch('/webhooks/:id', {
      config: { access: 'webhooks.manage' },
      schema: {
        tags: ['webhooks'], summary: 'Change url, events, description, includeRestricted or active; rotateSecret: true answers with a new secret, once',
        params: idParams, body: anyObject, response: { 200: anyObject, ...errorResponses },
      },
    }, async (request) => updateWebhookEndpointSettings(store, actorOf(request), id(request), request.body));

    app.delete('/webhooks/:id', {
      config: { access: 'webhooks.manage' },
      schema: { tags: ['webhooks'], summary: 'Delete an endpoint (its delivery log stays)', params: idParams, response: { 204: { type: 'null' }, ...errorResponses } },
    }, async (request, reply) => {
      await removeWebhookEndpoint(store, actorOf(request), id(request));
      return reply.status(204).send();
    });

    app.post('/webhooks/:id/test', {
      config: { access: 'webhooks.manage' },
      schema: { tags: ['webhooks'], summary: 'Send a signed webhook.test ping now and report the receiver\'s answer', params: idParams, response: { 200: anyObject, ...errorResponses } },
    }, async (request) => testWebhookEndpoint(store, actorOf(request), { id: id(request) }, send));

    app.get('/webhooks/:id/deliveries', {
      config: { access: 'webhooks.manage' },
      schema: {
        tags: ['webhooks'], summary: 'The endpoint\'s delivery log, newest first: state, attempts, last error',
        params: idParams,
        querystring: { type: 'object', properties: { state: { type: 'string' }, cursor: { type: 'string' }, limit: { type: 'integer' } } },
        response: { 200: pageOf(anyObject), ...errorResponses },
      },
    }, async (request) => listWebhookDeliveries(store, actorOf(request), { id: id(request), ...(request.query as Record<string, unknown>) }));

    app.post('/webhooks/:id/deliveries/:deliveryId/redeliver', {
      config: { access: 'webhooks.manage' },
      schema: { tags: ['webhooks'], summary: 'Send a sent or dead delivery again (same delivery id)', params: deliveryParams, response: { 200: anyObject, ...errorResponses } },
    }, async (request) => {
      const p = request.params as { id: string; deliveryId: string };
      return redeliverWebhook(store, actorOf(request), { id: p.id, deliveryId: p.deliveryId });
    });
  };
}
