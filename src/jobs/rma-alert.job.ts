import { processRmaAlert } from '../services/returns/process-rma-alert.js';
import type { RmaAlert } from '../domain/returns/rma-alerts.js';
import { PermanentJobError, readPositiveInt, type JobDefinition } from './job-definition.js';
import type { WorkerServices } from './worker-services.js';

export const RMA_WARNING_JOB = { kind: 'rma-warning', maxAttempts: 8 } as const;
export const RMA_BREACH_JOB = { kind: 'rma-breach', maxAttempts: 8 } as const;

export interface RmaAlertPayload {
  rmaId: number;
  state: string;
  dueKind: string;
}

/** The job key: one job per (rma, state, due kind, alert), however many sweeps find it. */
export function rmaAlertJobKey(alert: RmaAlert, p: RmaAlertPayload): string {
  const kind = alert === 'warning' ? RMA_WARNING_JOB.kind : RMA_BREACH_JOB.kind;
  return `${kind}:${p.rmaId}:${p.state}:${p.dueKind}`;
}

function parseRmaAlertPayload(payload: unknown): RmaAlertPayload {
  const p = payload as Partial<RmaAlertPayload> | null;
  const rmaId = readPositiveInt(payload, 'rmaId');
  if (!p || typeof p.state !== 'string' || typeof p.dueKind !== 'string') throw new PermanentJobError('payload must name the RMA state and due kind');
  return { rmaId, state: p.state, dueKind: p.dueKind };
}

function rmaAlertJob(alert: RmaAlert, spec: { kind: string; maxAttempts: number }): JobDefinition<RmaAlertPayload, WorkerServices> {
  return {
    kind: spec.kind,
    maxAttempts: spec.maxAttempts,
    backoff: { baseMs: 2_000, maxMs: 300_000 },
    parse: parseRmaAlertPayload,
    async run(ctx, payload) {
      const result = await processRmaAlert(ctx.store, { ...payload, alert, now: ctx.now(), finish: ctx.complete, ...ctx.services.alerts });
      return result.outcome === 'not_due' ? { runAgainAt: result.runAgainAt } : undefined;
    },
  };
}

/** An RMA target nearing its deadline (the processing target of R004-05): the owner is told. */
export const rmaWarningJob = rmaAlertJob('warning', RMA_WARNING_JOB);
/** An RMA target missed (R004-05, R004-07, R004-08): the owner and the next level are told. */
export const rmaBreachJob = rmaAlertJob('breach', RMA_BREACH_JOB);
