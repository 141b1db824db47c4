import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../../config.js';
import type { Store } from '../../store/database.js';
import { actorOf } from '../request-context.js';
import { anyObject, errorResponses } from '../schemas.js';
import { listParkedShopifyReturns } from '../../services/integrations/list-parked-shopify-returns.js';

/** /api/v1/integrations: the health of the Shopify integration, for admins and back office (R000-01: Shopify issues). */
export function integrationRoutes(deps: { store: Store; config: Config }): FastifyPluginAsync {
  const { store, config } = deps;
  return async (app) => {
    app.get('/integrations/shopify/parked-returns', {
      config: { access: 'integrations.read' },
      schema: {
        tags: ['integrations'],
        summary: 'Shopify returns that arrived before their order, newest first: waiting (with when they expire), expired, applied; counts by state',
        querystring: {
          type: 'object',
          properties: {
            state: { type: 'string', enum: ['waiting', 'expired', 'applied'] },
            cursor: { type: 'string' },
            limit: { type: 'integer' },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              counts: { type: 'object', properties: { waiting: { type: 'integer' }, expired: { type: 'integer' }, applied: { type: 'integer' } } },
              items: { type: 'array', items: anyObject },
              nextCursor: { type: ['string', 'null'] },
            },
          },
          ...errorResponses,
        },
      },
    }, async (request) => listParkedShopifyReturns(store, actorOf(request), request.query as Record<string, unknown>, { expiryHours: config.shopifyParkedReturnExpiryHours }));
  };
}
