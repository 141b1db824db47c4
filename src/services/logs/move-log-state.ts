import type { Store } from '../../store/database.js';
import { updateCaseLog } from '../../store/repositories/case-log.repository.js';
import { invalidInput } from '../../domain/errors.js';
import { checkMove } from '../../domain/logs/log-machine.js';
import { stateOf } from '../../domain/logs/log-registry.js';
import { deriveLogFields } from '../../domain/logs/derive-fields.js';
import { logDueAt } from '../../domain/logs/log-due.js';
import { requirePermission, type Actor } from '../actor.js';
import { clock } from '../clock.js';
import { parseCaseId } from '../cases/case-access.js';
import { evidenceOf, loadLogContext, orderOfCase, recordLogChange } from './log-context.js';
import { presentLogEntry, type LogEntryView } from './log-view.js';
import { followLogWithCase } from './follow-log-with-case.js';
import { inOneTransaction } from '../integrations/delivery-context.js';

/**
 * Moves an entry along its template's state machine: only the moves it defines, by the roles it
 * names, once the fields and evidence each move needs are there (named by field when not).
 */
export async function moveLogState(store: Store, actor: Actor, input: { caseId: unknown; to: unknown; note?: unknown }): Promise<LogEntryView> {
  requirePermission(actor, 'logs.write');
  const caseId = parseCaseId(input.caseId);
  if (input.note !== undefined && input.note !== null && (typeof input.note !== 'string' || input.note.length > 2000)) {
    throw invalidInput('note', 'expected text of at most 2000 characters');
  }
  const note = typeof input.note === 'string' ? input.note.trim() : '';
  // One transaction shared with the case's own status change (followLogWithCase runs mutateCase on `bound`).
  return inOneTransaction(store, async (bound, trx) => {
    const ctx = await loadLogContext(trx, actor, caseId, { lock: true, dialect: store.dialect });
    const { c, type, log } = ctx;
    const [order, evidence] = await Promise.all([orderOfCase(trx, c), evidenceOf(trx, caseId)]);
    // The order may have moved since the request was logged: judge the rush answer as it is now (R001-05).
    const fields = deriveLogFields(type, log.state, ctx.fields, order);
    const t = checkMove(type, { state: log.state, fields, openedAt: log.openedAt }, input.to, actor.role, evidence, note);
    const at = clock.now().toISOString();
    const terminal = stateOf(type, t.to)?.terminal === true;
    const moved = await updateCaseLog(trx, log.id, {
      state: t.to, fields, stateChangedAt: at, updatedAt: at, closedAt: terminal ? at : null, dueAt: logDueAt(type, t.to, fields, log.openedAt),
    });
    const follow = await followLogWithCase(bound, { c, type, logId: log.id, from: log.state, to: t.to });
    await recordLogChange(trx, actor, at, {
      caseId, logId: log.id, event: 'log_moved',
      timeline: { type: type.key, from: log.state, to: t.to, ...(note ? { note } : {}) },
      audit: { type: type.key, from: log.state, to: t.to, ...(note ? { note } : {}), ...(follow ? { caseStatus: follow } : {}) },
    });
    return presentLogEntry(trx, actor, { c: follow ? { ...c, status: follow.to } : c, log: moved, type, fields }, { order, evidence });
  });
}
