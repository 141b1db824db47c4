import { INCIDENT_ESCALATION_NOTICE_JOB, type IncidentEscalationNoticePayload } from '../services/incidents/escalate-flagged-case.js';
import { sendIncidentEscalationNotice } from '../services/incidents/incident-escalation-notice.js';
import { readPositiveInt, type JobDefinition } from './job-definition.js';
import type { WorkerServices } from './worker-services.js';

/** Tells the next level's team about a case an incident's red flag sent up (R001-15). */
export const incidentEscalationNoticeJob: JobDefinition<IncidentEscalationNoticePayload, WorkerServices> = {
  kind: INCIDENT_ESCALATION_NOTICE_JOB.kind,
  maxAttempts: INCIDENT_ESCALATION_NOTICE_JOB.maxAttempts,
  backoff: { baseMs: 2_000, maxMs: 300_000 },
  parse: (payload) => {
    const teamId = (payload as { teamId?: unknown }).teamId;
    return {
      caseId: readPositiveInt(payload, 'caseId'),
      incidentId: readPositiveInt(payload, 'incidentId'),
      eventId: readPositiveInt(payload, 'eventId'),
      teamId: teamId === null || teamId === undefined ? null : readPositiveInt(payload, 'teamId'),
    };
  },
  async run(ctx, payload) {
    await sendIncidentEscalationNotice(ctx.store, payload, { ...ctx.services.alerts, now: ctx.now(), finish: ctx.complete });
  },
};
