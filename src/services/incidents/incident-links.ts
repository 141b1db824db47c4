import type { Dialect, Executor } from '../../store/database.js';
import { findCaseById, updateCase } from '../../store/repositories/case.repository.js';
import { appendCaseEvents } from '../../store/repositories/case-event.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import {
  countIncidentCases, insertIncidentCases, listUnflaggedIncidentCases, markIncidentCasesFlagged, type IncidentRecord,
} from '../../store/repositories/incident.repository.js';
import { DomainError, invalidInput } from '../../domain/errors.js';
import type { IncidentSettings } from '../../domain/incidents/incident-settings.js';
import { actorIdOf, type Actor } from '../actor.js';
import { assertCanSee } from '../cases/case-access.js';
import { MULTIPLE_COMPLAINTS_FLAG } from '../../domain/incidents/incident-escalation.js';
import type { PolicyRuntime } from '../policy/policy-runtime.js';
import { escalateFlaggedCase } from './escalate-flagged-case.js';

export { MULTIPLE_COMPLAINTS_FLAG };

const MAX_CASES = 200;

/** `caseIds` of a request: distinct positive ids, each named by position when bad. */
export function parseCaseIds(value: unknown, field = 'caseIds'): number[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_CASES) throw invalidInput(field, `expected a list of 1 to ${MAX_CASES} case ids`);
  const ids: number[] = [];
  for (const [i, raw] of value.entries()) {
    const id = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(id) || id <= 0) throw invalidInput(`${field}[${i}]`, 'expected a case id');
    if (ids.includes(id)) throw invalidInput(`${field}[${i}]`, `case ${id} is listed twice`);
    ids.push(id);
  }
  return ids;
}

/** Every case must exist and be visible to the person linking it; a missing one is named by position. */
export async function assertLinkableCases(trx: Executor, actor: Actor, caseIds: readonly number[], field = 'caseIds'): Promise<void> {
  for (const [i, id] of caseIds.entries()) {
    const c = await findCaseById(trx, id);
    try {
      if (!c) throw new DomainError('not_found', 'no such case', 'id');
      assertCanSee(actor, c);
    } catch {
      throw new DomainError('not_found', `no case ${id}`, `${field}[${i}]`);
    }
  }
}

/**
 * Links cases to a live incident in the caller's transaction: an `incident_linked` event on each
 * newly linked case, one audit event, and — once the incident holds at least N cases (the policy's
 * `incidents.minCases`) — the red flag "multiple complaints about the same issue" on every linked
 * case not flagged yet (R001-15), and each flagged case escalated up as the policy's
 * `incidents.escalateTo` says (once per case, however many incidents flag it). Returns the newly
 * linked, newly flagged and escalated case ids.
 */
export async function linkCasesToIncident(
  trx: Executor,
  actor: Actor,
  incident: IncidentRecord,
  caseIds: readonly number[],
  input: { reason: 'manual' | 'suggested'; at: string; settings: IncidentSettings; dialect: Dialect; runtime: PolicyRuntime },
): Promise<{ linked: number[]; flagged: number[]; escalated: number[] }> {
  if (incident.status === 'resolved') throw new DomainError('conflict', 'the incident is resolved; open a new one', 'id');
  const actorId = actorIdOf(actor);
  const actorKind = actor.id === 0 ? 'system' : 'user';
  const { at } = input;
  const linked = await insertIncidentCases(trx, caseIds.map((caseId) => ({ incidentId: incident.id, caseId, reason: input.reason, linkedById: actorId, at })));
  if (linked.length > 0) {
    await appendCaseEvents(trx, linked.map((caseId) => ({
      caseId, type: 'incident_linked' as const, actorId, actorKind, at, internal: true,
      data: { incidentId: String(incident.id), title: incident.title, reason: input.reason },
    })));
    await insertAuditEvent(trx, { at, actorId, action: 'incident.linked', entityType: 'incident', entityId: String(incident.id), data: { caseIds: linked, reason: input.reason } });
  }
  const total = await countIncidentCases(trx, incident.id);
  let flagged: number[] = [];
  if (total >= input.settings.minCases) {
    flagged = await listUnflaggedIncidentCases(trx, incident.id);
    if (flagged.length > 0) {
      await appendCaseEvents(trx, flagged.map((caseId) => ({
        caseId, type: 'red_flag' as const, actorId, actorKind, at, internal: true,
        data: {
          flag: MULTIPLE_COMPLAINTS_FLAG, rule: 'R001-15', incidentId: String(incident.id), title: incident.title, cases: total,
          ...(incident.dimension ? { dimension: incident.dimension, key: incident.dimensionKey } : {}),
        },
      })));
      await markIncidentCasesFlagged(trx, incident.id, flagged, at);
      await insertAuditEvent(trx, { at, actorId, action: 'incident.red_flag', entityType: 'incident', entityId: String(incident.id), data: { caseIds: flagged, flag: MULTIPLE_COMPLAINTS_FLAG, cases: total } });
    }
  }
  const escalated: number[] = [];
  const escalateTo = input.settings.escalateTo;
  for (const caseId of escalateTo ? flagged : []) {
    const moved = await escalateFlaggedCase(trx, input.dialect, input.runtime, { caseId, incident, escalateTo: escalateTo!, now: new Date(at), actorId, actorKind });
    if (moved) escalated.push(caseId);
  }
  for (const caseId of new Set([...linked, ...flagged].filter((id) => !escalated.includes(id)))) await updateCase(trx, caseId, { updatedAt: at });
  return { linked, flagged, escalated };
}
