import type { Store } from '../../store/database.js';
import { requirePermission, type Actor } from '../actor.js';
import { parseCaseId } from '../cases/case-access.js';
import { loadLogContext } from './log-context.js';
import { presentLogEntry, type LogEntryView } from './log-view.js';

export async function getLogEntry(store: Store, actor: Actor, input: { caseId: unknown }): Promise<LogEntryView> {
  requirePermission(actor, 'logs.read');
  const caseId = parseCaseId(input.caseId);
  const ctx = await loadLogContext(store.db, actor, caseId, { lock: false });
  return presentLogEntry(store.db, actor, ctx);
}
