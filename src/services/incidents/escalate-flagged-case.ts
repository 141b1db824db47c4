import type { Dialect, Executor } from '../../store/database.js';
import { findCaseForUpdate, updateCase, type CasePatch } from '../../store/repositories/case.repository.js';
import { appendCaseEvents, listCaseEvents, type NewCaseEvent } from '../../store/repositories/case-event.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import { findTeamByKey } from '../../store/repositories/team.repository.js';
import { enqueueJobs } from '../../store/repositories/job.repository.js';
import type { IncidentRecord } from '../../store/repositories/incident.repository.js';
import {
  INCIDENT_ESCALATION_BY, INCIDENT_ESCALATION_RULE, incidentEscalationReason, incidentEscalationTarget,
} from '../../domain/incidents/incident-escalation.js';
import type { Level } from '../../domain/policy/vocabulary.js';
import type { PolicyRuntime } from '../policy/policy-runtime.js';
import { reevaluateCase } from '../cases/reevaluate-case.js';
import { followLevel } from '../cases/follow-level.js';
import { publishCaseEvents } from '../notifications/publish-case-events.js';
import { syncCaseClocks } from '../sla/sync-case-clocks.js';
import { caseCalendar } from '../sla/sla-policy.js';

/** The job that tells the next level's team (src/jobs/incident-escalation-notice.job.ts). */
export const INCIDENT_ESCALATION_NOTICE_JOB = { kind: 'incident-escalation-notice', maxAttempts: 8 } as const;

export interface IncidentEscalationNoticePayload {
  caseId: number;
  incidentId: number;
  /** The `escalated` timeline event: names the occurrence, so the notice goes out once. */
  eventId: number;
  /** The team that owns the level the case went to, when the policy routes one. */
  teamId: number | null;
}

const DONE = new Set(['resolved', 'closed']);

/**
 * Sends a red-flagged case up (R001-15 "red flags, escalate up"), inside the caller's transaction
 * with the case row locked: an `escalated` event whose reason names the incident and R001-15, the
 * escalation overview note (R002-08), the decision re-made with the escalation folded in (its
 * reasons say why), the case routed to the new level's team (owner unassigned if they cannot own
 * it, R003-01), clocks recomputed, case.escalated published, an audit event, and a job that
 * notifies the new level's team through the outbox.
 * Once per case: a case already escalated by an incident (another incident, a re-run) stays put.
 * A resolved or closed case keeps its red flag without moving; so does a case at the top level.
 */
export async function escalateFlaggedCase(
  trx: Executor,
  dialect: Dialect,
  runtime: PolicyRuntime,
  input: { caseId: number; incident: IncidentRecord; escalateTo: Level; now: Date; actorId: number | null; actorKind: string },
): Promise<{ from: Level; to: Level } | null> {
  const current = await findCaseForUpdate(trx, input.caseId, dialect);
  if (!current || DONE.has(current.status)) return null;
  const history = await listCaseEvents(trx, current.id, { includeInternal: true });
  if (history.some((e) => e.type === 'escalated' && e.data.by === INCIDENT_ESCALATION_BY)) return null;
  const from = current.level as Level;
  const to = incidentEscalationTarget(from, input.escalateTo);
  if (!to) return null;

  const at = input.now.toISOString();
  const reason = incidentEscalationReason(input.incident);
  const base = { caseId: current.id, actorId: input.actorId, actorKind: input.actorKind, at, internal: true };
  const escalation: NewCaseEvent[] = [
    { ...base, type: 'escalated', data: { from, to, reason, by: INCIDENT_ESCALATION_BY, rule: INCIDENT_ESCALATION_RULE, incidentId: String(input.incident.id) } },
    { ...base, type: 'note', data: { text: `Escalated ${from} → ${to}: ${reason}`, kind: 'escalation_overview' } },
  ];
  // A manual level (say, a de-escalation) yields to the red flag: the level is the policy's, raised
  // to at least `to` by the escalation folded into the decision.
  const re = await reevaluateCase(trx, runtime, { ...current, levelOverride: null }, { now: input.now, actorId: input.actorId, extraEvents: escalation });
  const patch: CasePatch = { ...re.patch, updatedAt: at };
  const level = (patch.level ?? to) as Level;

  const follow = await followLevel(trx, runtime, { ...current, ...patch, level }, at, async (key) => (await findTeamByKey(trx, key))?.id ?? null);
  Object.assign(patch, follow.patch);
  const events: NewCaseEvent[] = [...escalation, ...re.events, ...follow.events.map((e) => ({ ...e, caseId: current.id }))];
  const written = await appendCaseEvents(trx, events);
  const updated = await updateCase(trx, current.id, patch);
  await publishCaseEvents(trx, updated, written, at);
  await syncCaseClocks(trx, { runtime, caseBefore: current, caseAfter: updated, newEvents: events, now: input.now, calendar: await caseCalendar(trx, runtime, updated) });
  await insertAuditEvent(trx, {
    at, actorId: input.actorId, action: 'incident.escalated', entityType: 'incident', entityId: String(input.incident.id),
    data: { caseId: current.id, from, to: level, rule: INCIDENT_ESCALATION_RULE },
  });
  const escalated = written.find((e) => e.type === 'escalated')!;
  const payload: IncidentEscalationNoticePayload = { caseId: current.id, incidentId: input.incident.id, eventId: escalated.id, teamId: follow.routedTeamId };
  await enqueueJobs(trx, [{
    kind: INCIDENT_ESCALATION_NOTICE_JOB.kind, key: `${INCIDENT_ESCALATION_NOTICE_JOB.kind}:${current.id}:${escalated.id}`,
    payload, runAt: at, maxAttempts: INCIDENT_ESCALATION_NOTICE_JOB.maxAttempts,
  }], at);
  return { from, to: level };
}
