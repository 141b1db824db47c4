import type { Store } from '../../store/database.js';
import type { Actor } from '../actor.js';
import type { CaseView } from './case-view.js';
import { openCasesTogether, type OpenCaseInput } from './open-cases.js';

export type { OpenCaseInput } from './open-cases.js';

/**
 * Opens a case: match or create its customer and order, decide it under the policy in force,
 * store the decision and the opening timeline in one transaction (issue 2 items 6–7). A batch of
 * one: the HTTP API gathers concurrent openings into larger batches (open-case-batcher.ts).
 */
export async function openCase(store: Store, actor: Actor, input: OpenCaseInput): Promise<CaseView> {
  const [outcome] = await openCasesTogether(store, [{ actor, input }]);
  if (!outcome!.ok) throw outcome!.error;
  return outcome!.view;
}
