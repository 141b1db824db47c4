import type { Store } from '../../store/database.js';
import { DomainError } from '../../domain/errors.js';
import { requirePermission, type Actor } from '../actor.js';
import { parseCaseId } from './case-access.js';
import { mutateCase } from './mutate-case.js';
import type { CaseView } from './case-view.js';

export const MAX_NOTE_LENGTH = 20_000;

/** An internal note: never shown to the customer; R002-08 requires one on every escalation. */
export async function addInternalNote(
  store: Store,
  actor: Actor,
  input: { caseId: unknown; text: unknown; attachmentIds?: unknown },
): Promise<CaseView> {
  requirePermission(actor, 'cases.note');
  const caseId = parseCaseId(input.caseId);
  if (typeof input.text !== 'string' || input.text.trim().length === 0) throw new DomainError('invalid_input', 'expected non-empty text', 'text');
  if (input.text.length > MAX_NOTE_LENGTH) throw new DomainError('invalid_input', `must be at most ${MAX_NOTE_LENGTH} characters`, 'text');
  const text = input.text;
  return mutateCase(store, actor, caseId, { reevaluate: false }, ({ at, actorId }) => ({
    patch: {},
    events: [{ type: 'note', actorId, actorKind: 'user', at, internal: true, data: { text } }],
  }));
}
