import type { Store } from '../../store/database.js';
import { DomainError } from '../../domain/errors.js';
import { SIGNALS, type Signal } from '../../domain/policy/vocabulary.js';
import { requirePermission, type Actor } from '../actor.js';
import { parseCaseId } from './case-access.js';
import { mutateCase } from './mutate-case.js';
import type { CaseView } from './case-view.js';

/**
 * An agent records a signal the text alone does not show (uncooperative twice, solution rejected,
 * a phone call insisted on): it counts like detected text (decision.md) and re-decides the case.
 */
export async function recordSignal(store: Store, actor: Actor, input: { caseId: unknown; signal: unknown; note?: unknown }): Promise<CaseView> {
  requirePermission(actor, 'cases.signal');
  const caseId = parseCaseId(input.caseId);
  if (typeof input.signal !== 'string' || !(SIGNALS as readonly string[]).includes(input.signal)) {
    throw new DomainError('invalid_input', `unknown signal; expected one of ${SIGNALS.join(', ')}`, 'signal');
  }
  if (input.note !== undefined && (typeof input.note !== 'string' || input.note.length > 2000)) {
    throw new DomainError('invalid_input', 'expected a string of at most 2000 characters', 'note');
  }
  const signal = input.signal as Signal;
  const note = input.note as string | undefined;
  return mutateCase(store, actor, caseId, { reevaluate: true }, ({ at, actorId }) => ({
    patch: {},
    events: [{ type: 'signal', actorId, actorKind: 'user', at, internal: true, data: { signal, source: 'agent', ...(note ? { note } : {}) } }],
  }));
}
