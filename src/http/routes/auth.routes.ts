import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../../config.js';
import type { Store } from '../../store/database.js';
import { actorOf } from '../request-context.js';
import { SESSION_COOKIE } from '../auth.hooks.js';
import { signIn } from '../../services/auth/sign-in.js';
import { signOut } from '../../services/auth/sign-out.js';
import { findUserById } from '../../store/repositories/user.repository.js';
import { countUsers } from '../../store/repositories/user.repository.js';
import { presentUser } from '../../services/users/user-view.js';
import { permissionsOf } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import { anyObject, errorResponses } from '../schemas.js';

export function authRoutes(deps: { store: Store; config: Config }): FastifyPluginAsync {
  const { store, config } = deps;
  const secure = config.publicUrl?.startsWith('https://') ?? false;
  // Desk-wide settings the console needs before any page loads (the currency money forms start in).
  const desk = { currency: config.deskCurrency };
  return async (app) => {
    app.post('/auth/sign-in', {
      config: { access: 'public' },
      schema: {
        tags: ['auth'], summary: 'Sign in; sets the session cookie and returns the CSRF token',
        body: { type: 'object', required: ['email', 'password'], properties: { email: { type: 'string' }, password: { type: 'string' } } },
        response: { 200: anyObject, ...errorResponses },
      },
    }, async (request, reply) => {
      const body = request.body as { email: string; password: string };
      const result = await signIn(store, { email: body.email, password: body.password, sessionSecret: config.sessionSecret, sessionTtlHours: config.sessionTtlHours });
      reply.setCookie(SESSION_COOKIE, result.token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: new Date(result.expiresAt) });
      return { user: result.user, csrfToken: result.csrfToken, expiresAt: result.expiresAt, permissions: permissionsOf(result.user.role as never), desk };
    });

    app.post('/auth/sign-out', {
      config: { access: 'authenticated' },
      schema: { tags: ['auth'], summary: 'Sign out of this session', response: { 204: { type: 'null' }, ...errorResponses } },
    }, async (request, reply) => {
      const actor = actorOf(request);
      if (request.sessionToken) await signOut(store, { token: request.sessionToken, userId: actor.id, sessionSecret: config.sessionSecret });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    });

    app.get('/auth/me', {
      config: { access: 'authenticated' },
      schema: { tags: ['auth'], summary: 'Who am I: the user, permissions and (for sessions) the CSRF token', response: { 200: anyObject, ...errorResponses } },
    }, async (request) => {
      const actor = actorOf(request);
      const user = await findUserById(store.db, actor.id);
      if (!user) throw new DomainError('unauthenticated', 'the account no longer exists');
      return { user: presentUser(user), csrfToken: request.csrfToken, permissions: permissionsOf(actor.role), desk };
    });

    app.get('/auth/setup', {
      config: { access: 'public' },
      schema: { tags: ['auth'], summary: 'Whether the desk still needs its first admin', response: { 200: anyObject } },
    }, async () => {
      const users = await countUsers(store.db);
      return { needsFirstAdmin: users === 0, howTo: users === 0 ? 'npx ladder users add --email you@example.com --role admin' : null };
    });
  };
}
