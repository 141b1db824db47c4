import type { FastifyPluginAsync } from 'fastify';
import type { Store } from '../../store/database.js';
import { actorOf } from '../request-context.js';
import { listTeams } from '../../services/teams/list-teams.js';
import { createTeam } from '../../services/teams/create-team.js';
import { createApiToken } from '../../services/auth/create-api-token.js';
import { revokeToken } from '../../services/auth/revoke-api-token.js';
import { listApiTokens } from '../../store/repositories/api-token.repository.js';
import { listAudit } from '../../services/audit/list-audit-events.js';
import { can } from '../../domain/access/permissions.js';
import { anyObject, errorResponses, idParams } from '../schemas.js';
import { formatParam, sendCsv, wantsCsv } from '../csv-reply.js';
import { exportAudit } from '../../services/exports/list-exports.js';

export function adminRoutes(deps: { store: Store }): FastifyPluginAsync {
  const { store } = deps;
  return async (app) => {
    app.get('/teams', {
      config: { access: 'teams.read' },
      schema: { tags: ['teams'], summary: 'List teams', response: { 200: anyObject, ...errorResponses } },
    }, async (request) => ({ items: await listTeams(store, actorOf(request)) }));

    app.post('/teams', {
      config: { access: 'teams.manage' },
      schema: {
        tags: ['teams'], summary: 'Create a team',
        body: { type: 'object', required: ['key', 'name', 'kind'], properties: { key: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' }, calendar: { type: 'object', additionalProperties: true } } },
        response: { 201: anyObject, ...errorResponses },
      },
    }, async (request, reply) => reply.status(201).send(await createTeam(store, actorOf(request), request.body as { key: string; name: string; kind: string })));

    app.get('/tokens', {
      config: { access: 'tokens.own' },
      schema: { tags: ['tokens'], summary: 'Your API tokens (all tokens for admins); never the secret', response: { 200: anyObject, ...errorResponses } },
    }, async (request) => {
      const actor = actorOf(request);
      const rows = await listApiTokens(store.db, can(actor.role, 'tokens.manage') ? undefined : actor.id);
      return { items: rows.map((t) => ({ ...t, id: String(t.id), userId: String(t.userId) })) };
    });

    app.post('/tokens', {
      config: { access: 'tokens.own' },
      schema: {
        tags: ['tokens'], summary: 'Create an API token (shown once)',
        body: { type: 'object', properties: { name: { type: 'string' }, email: { type: 'string' } } },
        response: { 201: anyObject, ...errorResponses },
      },
    }, async (request, reply) => {
      const b = (request.body ?? {}) as { name?: string; email?: string };
      const { token, record } = await createApiToken(store, actorOf(request), { ...(b.name ? { name: b.name } : {}), ...(b.email ? { email: b.email } : {}) });
      return reply.status(201).send({ token, id: String(record.id), name: record.name, prefix: record.prefix, createdAt: record.createdAt });
    });

    app.delete('/tokens/:id', {
      config: { access: 'tokens.own' },
      schema: { tags: ['tokens'], summary: 'Revoke an API token', params: idParams, response: { 204: { type: 'null' }, ...errorResponses } },
    }, async (request, reply) => {
      await revokeToken(store, actorOf(request), { tokenId: Number((request.params as { id: string }).id) });
      return reply.status(204).send();
    });

    app.get('/audit', {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'], summary: 'Audit trail of changes people made, newest first',
        querystring: { type: 'object', properties: { entityType: { type: 'string' }, entityId: { type: 'string' }, cursor: { type: 'string' }, limit: { type: 'integer', minimum: 1, maximum: 500 }, format: formatParam } },
        response: { 200: anyObject, ...errorResponses },
      },
    }, async (request, reply) => {
      if (wantsCsv(request)) return sendCsv(reply, 'audit.csv', await exportAudit(store, actorOf(request), request.query as Record<string, unknown>));
      return listAudit(store, actorOf(request), request.query as { entityType?: string });
    });
  };
}
