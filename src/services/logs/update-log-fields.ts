import type { Store } from '../../store/database.js';
import { updateCaseLog } from '../../store/repositories/case-log.repository.js';
import { DomainError } from '../../domain/errors.js';
import { applyFieldPatch } from '../../domain/logs/log-fields.js';
import { stateOf } from '../../domain/logs/log-registry.js';
import { deriveLogFields } from '../../domain/logs/derive-fields.js';
import { logDueAt } from '../../domain/logs/log-due.js';
import { requirePermission, type Actor } from '../actor.js';
import { clock } from '../clock.js';
import { parseCaseId } from '../cases/case-access.js';
import { loadLogContext, orderOfCase, recordLogChange } from './log-context.js';
import { linkNamedOrders, linkSameSku } from './log-links.js';
import { presentLogEntry, type LogEntryView } from './log-view.js';

/** Fills in or corrects an entry's fields; each field only by the roles its template names. */
export async function updateLogFields(store: Store, actor: Actor, input: { caseId: unknown; fields: unknown }): Promise<LogEntryView> {
  requirePermission(actor, 'logs.write');
  const caseId = parseCaseId(input.caseId);
  return store.db.transaction().execute(async (trx) => {
    const ctx = await loadLogContext(trx, actor, caseId, { lock: true, dialect: store.dialect });
    const { c, type } = ctx;
    let { log } = ctx;
    if (stateOf(type, log.state)?.terminal) throw new DomainError('conflict', `the entry is ${log.state}; it no longer changes`, 'state');
    const patched = applyFieldPatch(type, ctx.fields, input.fields, actor.role, 'update');
    const order = await orderOfCase(trx, c);
    const fields = deriveLogFields(type, log.state, patched.fields, order);
    if (patched.changed.length === 0 && JSON.stringify(fields) === JSON.stringify(ctx.fields)) {
      return presentLogEntry(trx, actor, ctx, { order });
    }
    const at = clock.now().toISOString();
    const sku = type.skuField && typeof fields[type.skuField] === 'string' ? (fields[type.skuField] as string) : null;
    log = await updateCaseLog(trx, log.id, { fields, sku, dueAt: logDueAt(type, log.state, fields, log.openedAt), updatedAt: at });
    if (patched.changed.includes('affectedOrderNumbers')) await linkNamedOrders(trx, log, fields.affectedOrderNumbers, at);
    const linked = type.skuField && patched.changed.includes(type.skuField) ? await linkSameSku(trx, log, order, at) : 0;
    await recordLogChange(trx, actor, at, {
      caseId, logId: log.id, event: 'log_updated',
      timeline: { type: type.key, changed: patched.changed, ...(linked ? { linkedOrders: linked } : {}) },
      audit: { type: type.key, changed: Object.fromEntries(patched.changed.map((k) => [k, { from: ctx.fields[k] ?? null, to: fields[k] ?? null }])) },
    });
    return presentLogEntry(trx, actor, { c, log, type, fields }, { order });
  });
}
