import type { FastifyPluginAsync } from 'fastify';
import type { Store } from '../../store/database.js';
import { actorOf } from '../request-context.js';
import { applyPolicy, getCurrentPolicy, getPolicyVersion, listPolicies, validatePolicyText } from '../../services/policy/manage-policy.js';
import { explainCaseFacts } from '../../services/policy/explain-case-facts.js';
import { anyObject, caseFactsBody, errorResponses } from '../schemas.js';

const yamlBody = { type: 'object', required: ['yaml'], properties: { yaml: { type: 'string' }, label: { type: 'string' } } } as const;
const applyBody = {
  type: 'object',
  required: ['yaml'],
  properties: {
    yaml: { type: 'string' },
    label: { type: 'string' },
    force: { type: 'boolean', description: "Apply even though the policy's own tests fail (recorded in the audit event); without it that is a 422 policy_tests_failed" },
  },
} as const;

export function policyRoutes(deps: { store: Store }): FastifyPluginAsync {
  const { store } = deps;
  return async (app) => {
    app.get('/policy', {
      config: { access: 'policy.read' },
      schema: { tags: ['policy'], summary: 'The policy in force (latest version) with its YAML', response: { 200: anyObject, ...errorResponses } },
    }, async (request) => getCurrentPolicy(store, actorOf(request)));

    app.get('/policy/versions', {
      config: { access: 'policy.read' },
      schema: { tags: ['policy'], summary: 'Every stored policy version, newest first', response: { 200: anyObject, ...errorResponses } },
    }, async (request) => ({ items: await listPolicies(store, actorOf(request)) }));

    app.get('/policy/versions/:version', {
      config: { access: 'policy.read' },
      schema: { tags: ['policy'], summary: 'One stored policy version', params: { type: 'object', required: ['version'], properties: { version: { type: 'integer', minimum: 1 } } }, response: { 200: anyObject, ...errorResponses } },
    }, async (request) => getPolicyVersion(store, actorOf(request), { version: (request.params as { version: number }).version }));

    app.post('/policy/validate', {
      config: { access: 'policy.manage' },
      schema: { tags: ['policy'], summary: 'Validate a policy YAML; problems with path and line', body: yamlBody, response: { 200: anyObject, ...errorResponses } },
    }, async (request) => validatePolicyText((request.body as { yaml: string }).yaml));

    app.put('/policy', {
      config: { access: 'policy.manage' },
      schema: { tags: ['policy'], summary: 'Apply a new policy version (in force without restart); refused while its own tests fail unless forced', body: applyBody, response: { 201: anyObject, ...errorResponses } },
    }, async (request, reply) => {
      const b = request.body as { yaml: string; label?: string; force?: boolean };
      return reply.status(201).send(await applyPolicy(store, actorOf(request), { yaml: b.yaml, label: b.label, force: b.force }));
    });

    app.post('/policy/explain', {
      config: { access: 'policy.read' },
      schema: { tags: ['policy'], summary: 'Decide case facts under the policy in force, storing nothing', body: caseFactsBody, response: { 200: anyObject, ...errorResponses } },
    }, async (request) => explainCaseFacts(store, actorOf(request), { facts: request.body }));
  };
}
