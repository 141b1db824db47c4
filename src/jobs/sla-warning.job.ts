import { processClockAlert } from '../services/sla/process-clock-alert.js';
import { readPositiveInt, type JobDefinition } from './job-definition.js';
import type { WorkerServices } from './worker-services.js';

export const SLA_WARNING_JOB = { kind: 'sla-warning', maxAttempts: 8 } as const;

/** A clock nearing its due instant (default 80% elapsed): timeline event and a notice to the owner. */
export const slaWarningJob: JobDefinition<{ clockId: number; caseId?: number }, WorkerServices> = {
  kind: SLA_WARNING_JOB.kind,
  maxAttempts: SLA_WARNING_JOB.maxAttempts,
  backoff: { baseMs: 2_000, maxMs: 300_000 },
  parse: (payload) => ({
    clockId: readPositiveInt(payload, 'clockId'),
    ...((payload as { caseId?: unknown }).caseId !== undefined ? { caseId: readPositiveInt(payload, 'caseId') } : {}),
  }),
  async run(ctx, { clockId, caseId }) {
    const result = await processClockAlert(ctx.store, { clockId, ...(caseId !== undefined ? { caseId } : {}), alert: 'warning', now: ctx.now(), finish: ctx.complete, ...ctx.services.alerts });
    return result.outcome === 'not_due' ? { runAgainAt: result.runAgainAt } : undefined;
  },
};
