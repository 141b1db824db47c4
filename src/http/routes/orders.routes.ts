import type { FastifyPluginAsync } from 'fastify';
import type { Store } from '../../store/database.js';
import { actorOf } from '../request-context.js';
import { getOrder, listOrders } from '../../services/orders/list-orders.js';
import { upsertOrder } from '../../services/orders/upsert-order.js';
import { anyObject, errorResponses, pageOf } from '../schemas.js';
import { formatParam, sendCsv, wantsCsv } from '../csv-reply.js';
import { exportOrders } from '../../services/exports/list-exports.js';

const numberParams = { type: 'object', required: ['number'], properties: { number: { type: 'string', minLength: 1, maxLength: 100 } } } as const;

export function orderRoutes(deps: { store: Store }): FastifyPluginAsync {
  const { store } = deps;
  return async (app) => {
    app.get('/orders', {
      config: { access: 'orders.read' },
      schema: {
        tags: ['orders'], summary: 'List orders, newest first',
        querystring: { type: 'object', properties: { customer: { type: 'string' }, fulfillment: { type: 'string' }, q: { type: 'string' }, cursor: { type: 'string' }, limit: { type: 'integer', minimum: 1, maximum: 500 }, format: formatParam } },
        response: { 200: pageOf(anyObject), ...errorResponses },
      },
    }, async (request, reply) => {
      if (wantsCsv(request)) return sendCsv(reply, 'orders.csv', await exportOrders(store, actorOf(request), request.query as Record<string, unknown>));
      return listOrders(store, actorOf(request), request.query as { q?: string });
    });

    app.get('/orders/:number', {
      config: { access: 'orders.read' },
      schema: { tags: ['orders'], summary: 'An order by number', params: numberParams, response: { 200: anyObject, ...errorResponses } },
    }, async (request) => getOrder(store, actorOf(request), { number: (request.params as { number: string }).number }));

    app.put('/orders/:number', {
      config: { access: 'orders.write' },
      schema: { tags: ['orders'], summary: 'Create or update an order (money as decimal strings)', params: numberParams, body: { type: 'object', additionalProperties: true }, response: { 200: anyObject, ...errorResponses } },
    }, async (request) => upsertOrder(store, actorOf(request), { number: (request.params as { number: string }).number, body: request.body }));
  };
}
