import type { Executor } from '../../store/database.js';
import { findCaseLogByCaseId, insertCaseLog, updateCaseLog } from '../../store/repositories/case-log.repository.js';
import { chargebackStateForPlatform, isForwardChargebackMove } from '../../domain/logs/chargeback-status.js';
import { logDueAt } from '../../domain/logs/log-due.js';
import { stateOf } from '../../domain/logs/log-registry.js';
import type { LogFields } from '../../domain/logs/log-type.js';
import { CHARGEBACK } from '../../domain/logs/types/chargeback.log.js';
import { actorIdOf, type Actor } from '../actor.js';
import { recordLogChange } from './log-context.js';

/** A dispute as a platform reports it; null = not reported (the entry keeps what it has). */
export interface PlatformDispute {
  platform: string;
  externalRef: string;
  reasonCode: string | null;
  amountMinor: number | null;
  currency: string | null;
  evidenceDueAt: string | null;
  evidenceSubmittedAt: string | null;
  outcomeAt: string | null;
  status: string | null;
}

function platformFields(d: PlatformDispute): LogFields {
  const f: LogFields = { source: 'platform_chargeback', platform: d.platform, externalRef: d.externalRef };
  if (d.reasonCode !== null) f.reasonCode = d.reasonCode;
  if (d.amountMinor !== null && d.currency !== null) {
    f.amountMinor = d.amountMinor;
    f.currency = d.currency;
  }
  if (d.evidenceDueAt !== null) f.evidenceDueAt = d.evidenceDueAt;
  if (d.evidenceSubmittedAt !== null) f.evidenceSubmittedAt = d.evidenceSubmittedAt;
  if (d.outcomeAt !== null) f.outcomeAt = d.outcomeAt;
  if (d.status !== null) f.platformStatus = d.status;
  return f;
}

/**
 * Opens or updates the chargeback entry of a dispute's case (R000-08), in the caller's transaction:
 * one entry per case, and the case is one per dispute, so a replay finds the entry and changes
 * nothing it already holds. The platform's status moves the entry only forward.
 */
export async function syncChargebackLog(
  trx: Executor,
  actor: Actor,
  at: string,
  input: { caseId: number; dispute: PlatformDispute },
): Promise<{ state: string; created: boolean; changed: boolean }> {
  const incoming = platformFields(input.dispute);
  const target = chargebackStateForPlatform(input.dispute.status);
  const existing = await findCaseLogByCaseId(trx, input.caseId);
  if (!existing) {
    const state = target ?? CHARGEBACK.initialState;
    const terminal = stateOf(CHARGEBACK, state)?.terminal === true;
    const log = await insertCaseLog(trx, {
      caseId: input.caseId, type: CHARGEBACK.key, state, sku: null, supplierTeamId: null, fields: incoming,
      dueAt: logDueAt(CHARGEBACK, state, incoming, at), openedById: actorIdOf(actor), openedAt: at, stateChangedAt: at,
      closedAt: terminal ? at : null, updatedAt: at,
    });
    await recordLogChange(trx, actor, at, {
      caseId: input.caseId, logId: log.id, event: 'log_opened',
      timeline: { type: CHARGEBACK.key, state, source: 'platform_chargeback', platform: input.dispute.platform },
      audit: { type: CHARGEBACK.key, state, fields: incoming },
    });
    return { state, created: true, changed: true };
  }
  // Another template already on the case (opened by hand before the webhook): leave it be.
  if (existing.type !== CHARGEBACK.key) return { state: existing.state, created: false, changed: false };

  const before = existing.fields as LogFields;
  const fields: LogFields = { ...before, ...incoming };
  const changed = Object.keys(incoming).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(fields[k]));
  const move = target !== null && isForwardChargebackMove(existing.state, target) ? target : null;
  if (changed.length === 0 && move === null) return { state: existing.state, created: false, changed: false };

  const state = move ?? existing.state;
  const terminal = stateOf(CHARGEBACK, state)?.terminal === true;
  await updateCaseLog(trx, existing.id, {
    fields, state, dueAt: logDueAt(CHARGEBACK, state, fields, existing.openedAt), updatedAt: at,
    ...(move ? { stateChangedAt: at, closedAt: terminal ? at : null } : {}),
  });
  if (changed.length > 0) {
    await recordLogChange(trx, actor, at, {
      caseId: input.caseId, logId: existing.id, event: 'log_updated',
      timeline: { type: CHARGEBACK.key, changed, source: input.dispute.platform },
      audit: { type: CHARGEBACK.key, changed: Object.fromEntries(changed.map((k) => [k, { from: before[k] ?? null, to: fields[k] ?? null }])) },
    });
  }
  if (move) {
    const data = { type: CHARGEBACK.key, from: existing.state, to: move, platformStatus: input.dispute.status };
    await recordLogChange(trx, actor, at, { caseId: input.caseId, logId: existing.id, event: 'log_moved', timeline: data, audit: data });
  }
  return { state, created: false, changed: true };
}
