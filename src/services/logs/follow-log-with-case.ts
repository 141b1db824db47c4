import type { Store } from '../../store/database.js';
import type { CaseRecord, CasePatch } from '../../store/repositories/case.repository.js';
import { DomainError } from '../../domain/errors.js';
import { isCaseStatus } from '../../domain/cases/case-status.js';
import { caseStatusAfterLogMove, parseCaseLogSettings, type CaseLogSettings, type CaseStatusFollow } from '../../domain/logs/log-case-status.js';
import type { LogTypeDef } from '../../domain/logs/log-type.js';
import { SYSTEM_ACTOR } from '../actor.js';
import { mutateCase } from '../cases/mutate-case.js';
import { policySettingsLoader } from '../policy/policy-settings-loader.js';

// Keeps a case's status in step with its log entry (issue 5; src/domain/logs/log-case-status.ts).

/** The policy's `caseLogs:` section, read once per policy version in force. */
export const loadCaseLogSettings: (store: Store) => Promise<CaseLogSettings> = policySettingsLoader(
  (policy, source) => parseCaseLogSettings(policy.raw.caseLogs, source),
);

/**
 * Moves the case where its entry's new state puts it, in the caller's transaction (`store` is bound
 * to it), through the same frame as any status change: a status event whose reason says why, and
 * the SLA clocks paused or resumed with it. The desk moves it, not the person who moved the entry
 * (the supplier may move an entry on a case it cannot otherwise change), so the actor is the system.
 */
export async function followLogWithCase(
  store: Store,
  input: { c: CaseRecord; type: LogTypeDef; logId: number; from: string | null; to: string },
): Promise<CaseStatusFollow | null> {
  const { c, type, from, to } = input;
  if (!isCaseStatus(c.status)) return null;
  const follow = caseStatusAfterLogMove({ type, from, to, caseStatus: c.status, settings: await loadCaseLogSettings(store) });
  if (!follow) return null;
  await mutateCase(store, SYSTEM_ACTOR, c.id, { reevaluate: false }, ({ current, at }) => {
    const patch: CasePatch = { status: follow.to };
    if (follow.to === 'resolved') {
      patch.resolvedAt = at;
      patch.resolvedById = null;
    }
    return {
      patch,
      events: [{
        type: 'status_changed', actorId: null, actorKind: 'system', at, internal: false,
        data: { from: current.status, to: follow.to, reason: follow.reason, log: { id: String(input.logId), type: type.key, from, to } },
      }],
    };
  });
  return follow;
}
