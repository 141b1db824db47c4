import type { Store } from '../../store/database.js';
import { requirePermission, type Actor } from '../actor.js';
import { loadVisibleCase, parseCaseId } from './case-access.js';
import { loadCaseView } from './mutate-case.js';
import type { CaseView } from './case-view.js';

export async function getCase(store: Store, actor: Actor, input: { id: unknown }): Promise<CaseView> {
  requirePermission(actor, 'cases.read');
  const c = await loadVisibleCase(store.db, actor, parseCaseId(input.id));
  return loadCaseView(store.db, actor, c);
}
