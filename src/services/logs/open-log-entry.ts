import type { Executor, Store } from '../../store/database.js';
import { findCaseForUpdate, type CaseRecord } from '../../store/repositories/case.repository.js';
import { findCaseLogByCaseId, insertCaseLog } from '../../store/repositories/case-log.repository.js';
import { findTeamById, listTeams } from '../../store/repositories/team.repository.js';
import { DomainError, invalidInput } from '../../domain/errors.js';
import { applyFieldPatch } from '../../domain/logs/log-fields.js';
import { logTypeOf } from '../../domain/logs/log-registry.js';
import { deriveLogFields } from '../../domain/logs/derive-fields.js';
import { logDueAt } from '../../domain/logs/log-due.js';
import type { LogTypeDef } from '../../domain/logs/log-type.js';
import { actorIdOf, requirePermission, type Actor } from '../actor.js';
import { clock } from '../clock.js';
import { assertCanSee, parseCaseId } from '../cases/case-access.js';
import { orderOfCase, recordLogChange } from './log-context.js';
import { linkNamedOrders, linkSameSku } from './log-links.js';
import { presentLogEntry, type LogEntryView } from './log-view.js';
import { followLogWithCase } from './follow-log-with-case.js';
import { inOneTransaction } from '../integrations/delivery-context.js';

export interface OpenLogEntryInput {
  caseId: unknown;
  type: unknown;
  fields?: unknown;
}

/**
 * Logs a case with a template (R000-12): one entry per case, opened by a role the template names
 * (R000-02: the supplier or an agent logs an out-of-stock order), its required fields present.
 */
export async function openLogEntry(store: Store, actor: Actor, input: OpenLogEntryInput): Promise<LogEntryView> {
  requirePermission(actor, 'logs.write');
  const caseId = parseCaseId(input.caseId);
  const type = logTypeOf(input.type);
  // One transaction shared with the case's own status change (followLogWithCase runs mutateCase on `bound`).
  return inOneTransaction(store, async (bound, trx) => {
    const c = await findCaseForUpdate(trx, caseId, store.dialect);
    if (!c) throw new DomainError('not_found', 'no such case', 'id');
    assertCanSee(actor, c);
    if (!type.openableBy.includes(actor.role)) throw new DomainError('forbidden', `the ${actor.role} role may not log a ${type.key} entry`, 'type');
    // A restricted entry on an ordinary case would leave the case itself in everyone's queue (R000-08).
    if (type.restricted && !type.categories.includes(c.category)) {
      throw invalidInput('type', `a ${type.key} entry goes only on a case of category ${type.categories.join(' or ')}`);
    }
    if (c.status === 'closed') throw new DomainError('conflict', 'the case is closed; reopen it first', 'id');
    const existing = await findCaseLogByCaseId(trx, caseId);
    if (existing) throw new DomainError('conflict', `the case already has a ${existing.type} entry`, 'type');
    const order = await orderOfCase(trx, c);
    const patched = applyFieldPatch(type, {}, input.fields, actor.role, 'open');
    const fields = deriveLogFields(type, type.initialState, patched.fields, order);
    const at = clock.now().toISOString();
    const sku = type.skuField && typeof fields[type.skuField] === 'string' ? (fields[type.skuField] as string) : null;
    const log = await insertCaseLog(trx, {
      caseId, type: type.key, state: type.initialState, sku, supplierTeamId: await supplierTeamFor(trx, type, actor, c), fields,
      dueAt: logDueAt(type, type.initialState, fields, at), openedById: actorIdOf(actor), openedAt: at, stateChangedAt: at, closedAt: null, updatedAt: at,
    });
    await linkNamedOrders(trx, log, fields.affectedOrderNumbers, at);
    const linked = await linkSameSku(trx, log, order, at);
    // An entry may start in the supplier's queue (a pickup the supplier prepares, R000-06).
    const follow = await followLogWithCase(bound, { c, type, logId: log.id, from: null, to: log.state });
    await recordLogChange(trx, actor, at, {
      caseId, logId: log.id, event: 'log_opened',
      timeline: { type: type.key, state: log.state, ...(sku ? { sku } : {}), ...(linked ? { linkedOrders: linked } : {}) },
      audit: { type: type.key, state: log.state, fields, ...(follow ? { caseStatus: follow } : {}) },
    });
    return presentLogEntry(trx, actor, { c: follow ? { ...c, status: follow.to } : c, log, type, fields }, { order });
  });
}

/**
 * The supplier team whose queue the entry joins, for types the supplier works: the supplier's own
 * team when it logs; else the case's supplier team (owner or partner); else the one supplier team
 * when there is exactly one. Several suppliers and none on the case: nobody's queue until assigned.
 */
async function supplierTeamFor(trx: Executor, type: LogTypeDef, actor: Actor, c: CaseRecord): Promise<number | null> {
  if (!type.supplier) return null;
  if (actor.role === 'supplier') return actor.teamId;
  for (const id of [c.partnerTeamId, c.teamId]) {
    if (id !== null && (await findTeamById(trx, id))?.kind === 'supplier') return id;
  }
  const suppliers = (await listTeams(trx)).filter((t) => t.kind === 'supplier');
  return suppliers.length === 1 ? suppliers[0]!.id : null;
}
