import { can, type Permission } from '../domain/access/permissions.js';
import type { Role } from '../domain/access/roles.js';
import { DomainError } from '../domain/errors.js';

/** The person (or integration token's owner) a use case runs for. */
export interface Actor {
  id: number;
  role: Role;
  teamId: number | null;
  email: string;
}

/** The command line acting on the store directly runs as the operator, an admin without an account. */
export const SYSTEM_ACTOR: Actor = { id: 0, role: 'admin', teamId: null, email: 'system' };

export function actorIdOf(actor: Actor): number | null {
  return actor.id === 0 ? null : actor.id;
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) {
    throw new DomainError('forbidden', `the ${actor.role} role may not ${permission.replace('.', ' ')}`);
  }
}
