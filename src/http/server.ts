import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import type { Config } from '../config.js';
import type { Store } from '../store/database.js';
import { DomainError } from '../domain/errors.js';
import { STATUS_OF, errorBody } from './error-map.js';
import { registerAuthHooks } from './auth.hooks.js';
import { serializerFor } from './response-serializers.js';
import { registerOpenApi } from './openapi.js';
import { registerConsole } from './console.js';
import { caseRoutes } from './routes/cases.routes.js';
import { caseActionRoutes } from './routes/case-actions.routes.js';
import { customerRoutes } from './routes/customers.routes.js';
import { orderRoutes } from './routes/orders.routes.js';
import { userRoutes } from './routes/users.routes.js';
import { authRoutes } from './routes/auth.routes.js';
import { adminRoutes } from './routes/admin.routes.js';
import { policyRoutes } from './routes/policy.routes.js';
import { shiftRoutes } from './routes/shifts.routes.js';
import { reportRoutes } from './routes/reports.routes.js';
import './request-context.js';
import type { RouteEntry } from './auth.hooks.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route with its access rule (the role × route test walks it). */
    routeTable: RouteEntry[];
  }
}

export interface ServerDeps {
  store: Store;
  config: Config;
  /** The built console (dist/console); served at / when present. */
  consoleDir?: string | null;
}

/** Fastify's own 4xx errors get stable codes too, so clients never parse messages. */
function codeForFastifyError(err: FastifyError): string {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupported_media_type';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return 'payload_too_large';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'invalid_json';
    default:
      return err.statusCode === 404 ? 'not_found' : err.statusCode === 413 ? 'payload_too_large' : 'bad_request';
  }
}

/** "/order/total" → "order.total"; "/timeline/2/text" → "timeline[2].text". */
export function fieldFromInstancePath(path: string, missing?: string): string {
  const parts = path.split('/').filter(Boolean);
  if (missing) parts.push(missing);
  return parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const { config, store } = deps;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // Structured logs carry the request id; credentials and cookies never reach them, nor bodies.
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'], censor: '[redacted]' },
    },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    trustProxy: true,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: false, allowUnionTypes: true } },
  });

  app.setSerializerCompiler(({ schema }) => serializerFor(schema));

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
  });

  app.setErrorHandler((err: FastifyError | DomainError | Error, request, reply) => {
    if (err instanceof DomainError) {
      const status = STATUS_OF[err.code];
      const message = err.field ? err.message.replace(`${err.field}: `, '') : err.message;
      return reply.status(status).send(errorBody(err.code, message, err.field));
    }
    const fe = err as FastifyError;
    if (fe.validation) {
      const v = fe.validation[0];
      const missing = (v?.params as { missingProperty?: string } | undefined)?.missingProperty;
      const field = fieldFromInstancePath(v?.instancePath ?? '', missing);
      const where = fe.validationContext === 'querystring' || fe.validationContext === 'params' ? '' : '';
      return reply.status(422).send(errorBody('invalid_input', `${v?.message ?? 'invalid'}${where}`, field || fe.validationContext));
    }
    if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply.status(fe.statusCode).send(errorBody(codeForFastifyError(fe), fe.message));
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send(errorBody('internal_error', `something went wrong on our side; quote request id ${request.id}`));
  });

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 5 } });
  const routeTable = registerAuthHooks(app, { store, sessionSecret: config.sessionSecret });
  app.decorate('routeTable', routeTable);
  await registerOpenApi(app);

  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async () => ({ ok: true }));
  await app.register(authRoutes({ store, config }), { prefix: '/api/v1' });
  await app.register(caseRoutes({ store, config }), { prefix: '/api/v1' });
  await app.register(caseActionRoutes({ store }), { prefix: '/api/v1' });
  await app.register(customerRoutes({ store }), { prefix: '/api/v1' });
  await app.register(orderRoutes({ store }), { prefix: '/api/v1' });
  await app.register(userRoutes({ store }), { prefix: '/api/v1' });
  await app.register(adminRoutes({ store }), { prefix: '/api/v1' });
  await app.register(policyRoutes({ store }), { prefix: '/api/v1' });
  await app.register(shiftRoutes({ store }), { prefix: '/api/v1' });
  await app.register(reportRoutes({ store }), { prefix: '/api/v1' });
  await app.register((await import('./routes/macros.routes.js')).macroRoutes({ store }), { prefix: '/api/v1' });
  await app.register((await import('./routes/returns.routes.js')).returnsRoutes({ store }), { prefix: '/api/v1' });
  await app.register((await import('./routes/logs.routes.js')).logRoutes({ store }), { prefix: '/api/v1' });
  await app.register((await import('./routes/shopify-webhooks.routes.js')).shopifyWebhookRoutes({ store, config }));
  await app.register((await import('./routes/integrations.routes.js')).integrationRoutes({ store, config }), { prefix: '/api/v1' });
  await app.register((await import('./routes/team-calendar.routes.js')).teamCalendarRoutes({ store }), { prefix: '/api/v1' });
  await app.register((await import('./routes/webhooks.routes.js')).webhookRoutes({ store }), { prefix: '/api/v1' });
  await app.register((await import('./routes/incidents.routes.js')).incidentRoutes({ store }), { prefix: '/api/v1' });
  await app.register((await import('./routes/finance.routes.js')).financeRoutes({ store }), { prefix: '/api/v1' });
  await app.register((await import('./routes/survey.routes.js')).surveyRoutes({ store }));
  await app.register((await import('./routes/survey-reports.routes.js')).surveyReportRoutes({ store }), { prefix: '/api/v1' });
  await app.register((await import('./routes/policy-preview.routes.js')).policyPreviewRoutes({ store }), { prefix: '/api/v1' });

  const consoleDir = deps.consoleDir && existsSync(deps.consoleDir) ? deps.consoleDir : null;
  await registerConsole(app, consoleDir);
  return app;
}
