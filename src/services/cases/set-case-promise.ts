import type { Store } from '../../store/database.js';
import { DomainError } from '../../domain/errors.js';
import { requirePermission, type Actor } from '../actor.js';
import { parseCaseId } from './case-access.js';
import { mutateCase } from './mutate-case.js';
import type { CaseView } from './case-view.js';

/** What was promised to the customer and by when (R001-01, R001-11, R001-16): tracked, not forgotten. */
export async function setCasePromise(store: Store, actor: Actor, input: { caseId: unknown; promisedResolution: unknown; promisedBy: unknown }): Promise<CaseView> {
  requirePermission(actor, 'cases.status');
  const caseId = parseCaseId(input.caseId);
  if (typeof input.promisedResolution !== 'string' || !input.promisedResolution.trim() || input.promisedResolution.length > 1000) {
    throw new DomainError('invalid_input', 'describe the promise in at most 1000 characters', 'promisedResolution');
  }
  if (typeof input.promisedBy !== 'string' || Number.isNaN(Date.parse(input.promisedBy))) {
    throw new DomainError('invalid_input', 'expected an ISO 8601 date-time', 'promisedBy');
  }
  const promisedResolution = input.promisedResolution.trim();
  const promisedBy = new Date(input.promisedBy).toISOString();
  return mutateCase(store, actor, caseId, { reevaluate: false }, ({ current, at, actorId }) => ({
    patch: { promisedResolution, promisedBy },
    events: [{
      type: 'promise_set', actorId, actorKind: 'user', at, internal: true,
      data: { promisedResolution, promisedBy, previous: current.promisedResolution ? { promisedResolution: current.promisedResolution, promisedBy: current.promisedBy } : null },
    }],
  }));
}
