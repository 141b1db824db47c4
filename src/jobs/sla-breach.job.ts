import { processClockAlert } from '../services/sla/process-clock-alert.js';
import { readPositiveInt, type JobDefinition } from './job-definition.js';
import type { WorkerServices } from './worker-services.js';

export const SLA_BREACH_JOB = { kind: 'sla-breach', maxAttempts: 8 } as const;

/** A clock's breach: timeline event, escalation as the policy says, notifications (issue 4 item 5). */
export const slaBreachJob: JobDefinition<{ clockId: number; caseId?: number }, WorkerServices> = {
  kind: SLA_BREACH_JOB.kind,
  maxAttempts: SLA_BREACH_JOB.maxAttempts,
  backoff: { baseMs: 2_000, maxMs: 300_000 },
  parse: (payload) => ({
    clockId: readPositiveInt(payload, 'clockId'),
    ...((payload as { caseId?: unknown }).caseId !== undefined ? { caseId: readPositiveInt(payload, 'caseId') } : {}),
  }),
  async run(ctx, { clockId, caseId }) {
    const result = await processClockAlert(ctx.store, { clockId, ...(caseId !== undefined ? { caseId } : {}), alert: 'breach', now: ctx.now(), finish: ctx.complete, ...ctx.services.alerts });
    return result.outcome === 'not_due' ? { runAgainAt: result.runAgainAt } : undefined;
  },
};
