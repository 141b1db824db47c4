import type { FastifyPluginAsync } from 'fastify';
import type { Store } from '../../store/database.js';
import { actorOf } from '../request-context.js';
import { listUsers } from '../../services/users/list-users.js';
import { createUser } from '../../services/users/create-user.js';
import { resetPassword, updateUserAccount } from '../../services/users/update-user.js';
import { anyObject, errorResponses, idParams } from '../schemas.js';
import { formatParam, sendCsv, wantsCsv } from '../csv-reply.js';
import { exportUsers } from '../../services/exports/list-exports.js';

export function userRoutes(deps: { store: Store }): FastifyPluginAsync {
  const { store } = deps;
  return async (app) => {
    app.get('/users', {
      config: { access: 'users.read' },
      schema: { tags: ['users'], summary: 'List users', querystring: { type: 'object', properties: { role: { type: 'string' }, includeDisabled: { type: 'boolean' }, format: formatParam } }, response: { 200: anyObject, ...errorResponses } },
    }, async (request, reply) => {
      if (wantsCsv(request)) return sendCsv(reply, 'users.csv', await exportUsers(store, actorOf(request), request.query as Record<string, unknown>));
      return { items: await listUsers(store, actorOf(request), request.query as { role?: string }) };
    });

    app.post('/users', {
      config: { access: 'users.manage' },
      schema: {
        tags: ['users'], summary: 'Create a user',
        body: { type: 'object', required: ['email', 'role'], properties: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' }, teamId: { type: ['string', 'integer', 'null'] } } },
        response: { 201: anyObject, ...errorResponses },
      },
    }, async (request, reply) => reply.status(201).send(await createUser(store, actorOf(request), request.body as { email: string; role: string })));

    app.patch('/users/:id', {
      config: { access: 'users.manage' },
      schema: {
        tags: ['users'], summary: 'Change role, team, name, or disable', params: idParams,
        body: { type: 'object', properties: { name: { type: 'string' }, role: { type: 'string' }, teamId: { type: ['string', 'integer', 'null'] }, disabled: { type: 'boolean' } } },
        response: { 200: anyObject, ...errorResponses },
      },
    }, async (request) => {
      const b = request.body as Record<string, unknown>;
      return updateUserAccount(store, actorOf(request), { user: { id: Number((request.params as { id: string }).id) }, name: b.name, role: b.role, teamId: b.teamId, disabled: b.disabled });
    });

    app.post('/users/:id/password', {
      config: { access: 'authenticated' },
      schema: { tags: ['users'], summary: 'Set a password (your own, or anyone\'s as admin)', params: idParams, body: { type: 'object', required: ['password'], properties: { password: { type: 'string' } } }, response: { 204: { type: 'null' }, ...errorResponses } },
    }, async (request, reply) => {
      await resetPassword(store, actorOf(request), { user: { id: Number((request.params as { id: string }).id) }, password: (request.body as { password: string }).password });
      return reply.status(204).send();
    });
  };
}
