import type { FastifyPluginAsync } from 'fastify';
import type { Store } from '../../store/database.js';
import { actorOf } from '../request-context.js';
import { backtestPolicyText, testPolicyText } from '../../services/policy/preview-policy.js';
import { anyObject, errorResponses } from '../schemas.js';

/** POST /policy/test and /policy/backtest: what an edited policy would do, storing nothing. */
export function policyPreviewRoutes(deps: { store: Store }): FastifyPluginAsync {
  const { store } = deps;
  return async (app) => {
    app.post('/policy/test', {
      config: { access: 'policy.manage' },
      schema: {
        tags: ['policy'], summary: 'Run a policy YAML\'s examples: each passed, or its mismatching fields (as `ladder policy test`)',
        body: { type: 'object', required: ['yaml'], properties: { yaml: { type: 'string' } } }, response: { 200: anyObject, ...errorResponses },
      },
    }, async (request) => testPolicyText(actorOf(request), { yaml: (request.body as { yaml: unknown }).yaml }));

    app.post('/policy/backtest', {
      config: { access: 'policy.manage' },
      schema: {
        tags: ['policy'], summary: 'Re-decide the stored cases under a policy YAML and the one in force: what would change (as `ladder policy backtest`)',
        body: { type: 'object', required: ['yaml'], properties: { yaml: { type: 'string' }, examples: { type: 'integer' } } }, response: { 200: anyObject, ...errorResponses },
      },
    }, async (request) => {
      const body = request.body as { yaml: unknown; examples?: unknown };
      return backtestPolicyText(store, actorOf(request), { yaml: body.yaml, examples: body.examples });
    });
  };
}
