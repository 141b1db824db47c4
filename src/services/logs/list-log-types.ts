import { describeLogTypes } from '../../domain/logs/describe-log-types.js';
import { requirePermission, type Actor } from '../actor.js';

/** The templates for forms (GET /api/v1/logs/types), as this role works them. */
export function listLogTypes(actor: Actor) {
  requirePermission(actor, 'logs.read');
  return { types: describeLogTypes(actor.role) };
}
