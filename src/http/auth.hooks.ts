import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Store } from '../store/database.js';
import { can } from '../domain/access/permissions.js';
import { DomainError } from '../domain/errors.js';
import { authenticateApiToken, authenticateSession } from '../services/auth/authenticate.js';
import { safeEqual } from '../services/auth/secrets.js';
import type { RouteAccess } from './request-context.js';

export const SESSION_COOKIE = 'ladder_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function bearer(request: FastifyRequest): string | null {
  const h = request.headers.authorization;
  if (!h) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  return m ? m[1]! : '';
}

/**
 * Authentication and authorization for every route, on the server (issue 2 item 5):
 * a Bearer API token, or the session cookie plus X-CSRF-Token on unsafe methods (the cookie is
 * SameSite=Lax and HttpOnly; the CSRF token is a per-session secret the console holds in memory).
 */
export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess;
}

export function registerAuthHooks(app: FastifyInstance, deps: { store: Store; sessionSecret: string }): RouteEntry[] {
  const table: RouteEntry[] = [];
  app.decorateRequest('actor', null);
  app.decorateRequest('authVia', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRoute', (route) => {
    const access = (route.config as { access?: RouteAccess } | undefined)?.access;
    // Our own API must say who may call it; plugin routes (docs UI, static console files) are public.
    const ours = route.url.startsWith('/api/v1') || route.url.startsWith('/webhooks') || route.url === '/healthz';
    if (ours && !access) {
      throw new Error(`route ${route.method} ${route.url} declares no access rule`);
    }
    if (ours && access) {
      for (const method of [route.method].flat()) if (method !== 'HEAD') table.push({ method, url: route.url, access });
    }
  });

  // onRequest: who you are and what you may do is settled before the body is even parsed.
  app.addHook('onRequest', async (request) => {
    const access: RouteAccess = request.routeOptions.config?.access ?? 'public';
    const token = bearer(request);
    if (token !== null) {
      const auth = token ? await authenticateApiToken(deps.store, token) : null;
      if (!auth) throw new DomainError('unauthenticated', 'the API token is missing, unknown or revoked');
      request.actor = auth.actor;
      request.authVia = 'token';
    } else {
      const cookie = request.cookies?.[SESSION_COOKIE];
      if (cookie) {
        const auth = await authenticateSession(deps.store, cookie, deps.sessionSecret);
        if (auth) {
          request.actor = auth.actor;
          request.authVia = 'session';
          request.sessionToken = cookie;
          request.csrfToken = auth.csrfToken;
        }
      }
    }
    if (access === 'public') return;
    if (!request.actor) throw new DomainError('unauthenticated', 'sign in or send an API token');
    if (request.authVia === 'session' && UNSAFE.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !request.csrfToken || !safeEqual(sent, request.csrfToken)) {
        throw new DomainError('forbidden', 'missing or wrong X-CSRF-Token header');
      }
    }
    if (access !== 'authenticated' && !can(request.actor.role, access)) {
      throw new DomainError('forbidden', `the ${request.actor.role} role may not ${access.replace('.', ' ')}`);
    }
  });
  return table;
}
