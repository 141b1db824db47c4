import type { FastifyPluginAsync } from 'fastify';
import type { Store } from '../../store/database.js';
import { actorOf } from '../request-context.js';
import { listCustomers } from '../../services/customers/list-customers.js';
import { getCustomer } from '../../services/customers/get-customer.js';
import { upsertCustomer } from '../../services/customers/upsert-customer.js';
import { linkCustomerAccounts } from '../../services/customers/link-customers.js';
import { anyObject, errorResponses, pageOf } from '../schemas.js';
import { exportCustomerData } from '../../services/privacy/export-customer-data.js';
import { eraseCustomerData } from '../../services/privacy/erase-customer-data.js';
import { formatParam, sendCsv, wantsCsv } from '../csv-reply.js';
import { exportCustomers } from '../../services/exports/list-exports.js';

const externalIdParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 200 } } } as const;

export function customerRoutes(deps: { store: Store }): FastifyPluginAsync {
  const { store } = deps;
  return async (app) => {
    app.get('/customers', {
      config: { access: 'customers.read' },
      schema: {
        tags: ['customers'], summary: 'List or search customers',
        querystring: { type: 'object', properties: { q: { type: 'string' }, cursor: { type: 'string' }, limit: { type: 'integer', minimum: 1, maximum: 500 }, format: formatParam } },
        response: { 200: pageOf(anyObject), ...errorResponses },
      },
    }, async (request, reply) => {
      if (wantsCsv(request)) return sendCsv(reply, 'customers.csv', await exportCustomers(store, actorOf(request), request.query as Record<string, unknown>));
      return listCustomers(store, actorOf(request), request.query as { q?: string });
    });

    app.get('/customers/:id', {
      config: { access: 'customers.read' },
      schema: { tags: ['customers'], summary: 'A customer by external id, with linked accounts and their cases (R003-03)', params: externalIdParams, response: { 200: anyObject, ...errorResponses } },
    }, async (request) => getCustomer(store, actorOf(request), { externalId: (request.params as { id: string }).id }));

    app.put('/customers/:id', {
      config: { access: 'customers.write' },
      schema: {
        tags: ['customers'], summary: 'Create or update a customer by external id', params: externalIdParams,
        body: { type: 'object', properties: { name: { type: ['string', 'null'] }, email: { type: ['string', 'null'] }, phone: { type: ['string', 'null'] }, vip: { type: 'boolean' } } },
        response: { 200: anyObject, ...errorResponses },
      },
    }, async (request) => upsertCustomer(store, actorOf(request), { externalId: (request.params as { id: string }).id, body: request.body }));

    app.post('/customers/:id/links', {
      config: { access: 'customers.write' },
      schema: {
        tags: ['customers'], summary: 'Link another account of the same person', params: externalIdParams,
        body: { type: 'object', required: ['linkedId'], properties: { linkedId: { type: 'string' }, reason: { type: 'string' } } },
        response: { 204: { type: 'null' }, ...errorResponses },
      },
    }, async (request, reply) => {
      const body = request.body as { linkedId: string; reason?: string };
      await linkCustomerAccounts(store, actorOf(request), { externalId: (request.params as { id: string }).id, linkedExternalId: body.linkedId, reason: body.reason });
      return reply.status(204).send();
    });

    app.get('/customers/:id/export', {
      config: { access: 'privacy.manage' },
      schema: { tags: ['privacy'], summary: 'Everything held about a person (access request)', params: externalIdParams, response: { 200: anyObject, ...errorResponses } },
    }, async (request) => exportCustomerData(store, actorOf(request), { externalId: (request.params as { id: string }).id }));

    app.post('/customers/:id/erase', {
      config: { access: 'privacy.manage' },
      schema: {
        tags: ['privacy'], summary: 'Erase a person\'s data, keeping anonymised statistics (erasure request)', params: externalIdParams,
        body: { type: 'object', required: ['reason'], properties: { reason: { type: 'string', minLength: 3 }, includeLinked: { type: 'boolean' } } },
        response: { 200: anyObject, ...errorResponses },
      },
    }, async (request) => {
      const b = request.body as { reason: string; includeLinked?: boolean };
      return eraseCustomerData(store, actorOf(request), { externalId: (request.params as { id: string }).id, reason: b.reason, ...(b.includeLinked !== undefined ? { includeLinked: b.includeLinked } : {}) });
    });
  };
}
