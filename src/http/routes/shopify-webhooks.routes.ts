import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import type { Store } from '../../store/database.js';
import { DomainError } from '../../domain/errors.js';
import {
  SHOPIFY_HMAC_HEADER, SHOPIFY_SHOP_DOMAIN_HEADER, SHOPIFY_TOPIC_HEADER, SHOPIFY_WEBHOOK_ID_HEADER, verifyShopifyHmac,
} from '../../integrations/shopify/shopify-webhook-signature.js';
import { receiveShopifyWebhook } from '../../services/integrations/receive-shopify-webhook.js';
import { anyObject, errorResponses } from '../schemas.js';

/** Shopify's largest bodies (orders with hundreds of lines) stay well under this. */
const SHOPIFY_BODY_LIMIT = 5 * 1024 * 1024;

function header(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name];
  return typeof v === 'string' ? v : undefined;
}

/**
 * POST /webhooks/shopify (operations.md "Shopify webhooks"). Authenticated by the HMAC of the raw
 * body, not by a Ladder credential, hence `access: 'public'`. The body parser in this plugin keeps the
 * raw bytes (the signature is over them, and ids past 2^53 must be parsed losslessly later); being
 * encapsulated, it leaves every other route on the normal JSON parser.
 */
export function shopifyWebhookRoutes(deps: { store: Store; config: Config }): FastifyPluginAsync {
  const { store, config } = deps;
  return async (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: SHOPIFY_BODY_LIMIT }, (_request, body, done) => done(null, body));

    app.post('/webhooks/shopify', {
      config: { access: 'public' },
      bodyLimit: SHOPIFY_BODY_LIMIT,
      schema: {
        tags: ['integrations'],
        summary: 'Shopify webhook receiver: HMAC-verified, deduplicated by X-Shopify-Webhook-Id, stored raw and mapped',
        response: { 200: anyObject, ...errorResponses },
      },
    }, async (request) => {
      const secret = config.shopifyWebhookSecret;
      // Without a secret nothing could be verified: the endpoint does not exist.
      if (!secret) throw new DomainError('not_found', 'Shopify webhooks are not enabled (set SHOPIFY_WEBHOOK_SECRET)');
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      if (!verifyShopifyHmac(secret, raw, header(request, SHOPIFY_HMAC_HEADER))) {
        throw new DomainError('unauthenticated', 'missing or wrong X-Shopify-Hmac-Sha256 for this body');
      }
      const receipt = await receiveShopifyWebhook(store, {
        deliveryId: header(request, SHOPIFY_WEBHOOK_ID_HEADER) ?? '',
        topic: header(request, SHOPIFY_TOPIC_HEADER) ?? '',
        shopDomain: header(request, SHOPIFY_SHOP_DOMAIN_HEADER) ?? null,
        rawBody: raw.toString('utf8'),
      });
      request.log.info({ shopifyDelivery: receipt.deliveryId, topic: receipt.topic, outcome: receipt.outcome }, 'shopify webhook');
      return { outcome: receipt.outcome, deliveryId: receipt.deliveryId, topic: receipt.topic };
    });
  };
}
