import type { Store } from '../../store/database.js';
import { updateCaseLog } from '../../store/repositories/case-log.repository.js';
import { findTeamById, findTeamByKey } from '../../store/repositories/team.repository.js';
import { DomainError, invalidInput } from '../../domain/errors.js';
import { stateOf } from '../../domain/logs/log-registry.js';
import { requirePermission, type Actor } from '../actor.js';
import { clock } from '../clock.js';
import { parseCaseId } from '../cases/case-access.js';
import { loadLogContext, recordLogChange } from './log-context.js';
import { presentLogEntry, type LogEntryView } from './log-view.js';

/**
 * Hands a log entry to a supplier team's queue, or takes it back (`team: null`). Only teams of kind
 * `supplier` — the external ones (R000-01) — and only entry types the supplier works. From then on
 * only that team's supplier users see the entry, in queues and by id (log-visibility.ts).
 */
export async function assignLogSupplierTeam(store: Store, actor: Actor, input: { caseId: unknown; team: unknown }): Promise<LogEntryView> {
  requirePermission(actor, 'logs.assign');
  const caseId = parseCaseId(input.caseId);
  if (input.team !== null && (typeof input.team !== 'string' || input.team.trim() === '' || input.team.length > 100)) {
    throw invalidInput('team', 'expected the key of a supplier team, or null to take the entry back');
  }
  const teamKey = input.team === null ? null : input.team.trim();
  return store.db.transaction().execute(async (trx) => {
    const ctx = await loadLogContext(trx, actor, caseId, { lock: true, dialect: store.dialect });
    const { type, log } = ctx;
    const team = teamKey === null ? null : await findTeamByKey(trx, teamKey);
    if (team === undefined) throw invalidInput('team', `no team ${JSON.stringify(teamKey)}`);
    if (team !== null && team.kind !== 'supplier') throw invalidInput('team', `${team.key} is a ${team.kind} team, not a supplier team`);
    if (team !== null && !type.supplier) throw invalidInput('team', `a ${type.key} entry is not supplier work`);
    if (stateOf(type, log.state)?.terminal) throw new DomainError('conflict', `the entry is ${log.state}; it no longer changes`, 'state');
    const to = team?.id ?? null;
    if (to === log.supplierTeamId) return presentLogEntry(trx, actor, ctx);

    const before = log.supplierTeamId === null ? null : await findTeamById(trx, log.supplierTeamId);
    const at = clock.now().toISOString();
    const assigned = await updateCaseLog(trx, log.id, { supplierTeamId: to, updatedAt: at });
    const change = { supplierTeam: { from: before?.key ?? null, to: team?.key ?? null } };
    await recordLogChange(trx, actor, at, { caseId, logId: log.id, event: 'log_updated', timeline: { type: type.key, ...change }, audit: { type: type.key, ...change } });
    return presentLogEntry(trx, actor, { ...ctx, log: assigned });
  });
}
