import type { Store } from '../store/database.js';
import { enqueueJobs, type NewJob } from '../store/repositories/job.repository.js';
import { pendingClockActions } from '../store/repositories/case-clock.repository.js';
import type { SweepDefinition } from './recurring-sweeps.js';
import type { WorkerServices } from './worker-services.js';
import { SLA_BREACH_JOB } from './sla-breach.job.js';
import { SLA_WARNING_JOB } from './sla-warning.job.js';

/**
 * Finds clocks whose breach or warning is due by `now + lookAhead` and queues one job per item,
 * to run at the item's own instant (so notification delay is the job poll, not the sweep
 * interval). Keys are `sla-breach:<clockId>:<dueAt>` / `sla-warning:<clockId>:<warnAt>`: a later
 * sweep finding the same item inserts nothing, and a clock whose due instant moved gets a new job.
 * Both reads are index range scans over rows with something pending: cost follows the number due.
 */
export async function queueDueClockAlerts(
  store: Store,
  input: { now: Date; lookAheadMs: number; limit: number },
): Promise<{ queued: number; breaches: number; warnings: number }> {
  const until = new Date(input.now.getTime() + input.lookAheadMs).toISOString();
  const at = input.now.toISOString();
  const [breaches, warnings] = await Promise.all([
    pendingClockActions(store.db, { column: 'due_at', until, limit: input.limit }),
    pendingClockActions(store.db, { column: 'warn_at', until, limit: input.limit }),
  ]);
  // Run just after the instant: a clock is breached strictly after its due instant.
  const runAt = (instant: string) => new Date(Date.parse(instant) + 1).toISOString();
  const jobs: NewJob[] = [
    ...breaches.map((b) => ({ kind: SLA_BREACH_JOB.kind, key: `${SLA_BREACH_JOB.kind}:${b.id}:${b.at}`, payload: { clockId: b.id, caseId: b.caseId }, runAt: runAt(b.at), maxAttempts: SLA_BREACH_JOB.maxAttempts })),
    ...warnings.map((w) => ({ kind: SLA_WARNING_JOB.kind, key: `${SLA_WARNING_JOB.kind}:${w.id}:${w.at}`, payload: { clockId: w.id, caseId: w.caseId }, runAt: runAt(w.at), maxAttempts: SLA_WARNING_JOB.maxAttempts })),
  ];
  const queued = await enqueueJobs(store.db, jobs, at);
  return { queued, breaches: breaches.length, warnings: warnings.length };
}

export function slaSweep(intervalMs: number): SweepDefinition<WorkerServices> {
  return {
    name: 'sla-sweep',
    intervalMs,
    run: ({ store, now, services }) => queueDueClockAlerts(store, { now, lookAheadMs: services.slaLookAheadMs, limit: services.sweepBatchLimit }),
  };
}
