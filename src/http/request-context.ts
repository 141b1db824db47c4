import type { FastifyRequest } from 'fastify';
import type { Permission } from '../domain/access/permissions.js';
import { DomainError } from '../domain/errors.js';
import type { Actor } from '../services/actor.js';

/**
 * Every route declares who may call it: a permission, 'authenticated' (any signed-in person) or
 * 'public'. The auth hook enforces it before the handler; a route without it fails at startup.
 */
export type RouteAccess = Permission | 'authenticated' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
    authVia: 'session' | 'token' | null;
    sessionToken: string | null;
    csrfToken: string | null;
  }
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError('unauthenticated', 'sign in or send an API token');
  return request.actor;
}
