import type { Store } from '../store/database.js';
import { enqueueJobs, type NewJob } from '../store/repositories/job.repository.js';
import { listRmasWithAlertsDue } from '../store/repositories/rma.repository.js';
import { pendingAlertsOf } from '../services/returns/process-rma-alert.js';
import { rmaAlertRunAt } from '../domain/returns/rma-alerts.js';
import type { SweepDefinition } from './recurring-sweeps.js';
import type { WorkerServices } from './worker-services.js';
import { RMA_BREACH_JOB, RMA_WARNING_JOB, rmaAlertJobKey } from './rma-alert.job.js';

/**
 * Finds RMAs with a warning or breach due by `now + lookAhead` (a range scan of rmas.alert_at) and
 * queues one job per pending alert, to run at the alert's own instant. Keys name the RMA, state,
 * due kind and alert, so a later sweep finding the same item inserts nothing (issue 6 item 5).
 */
export async function queueDueRmaAlerts(
  store: Store,
  input: { now: Date; lookAheadMs: number; limit: number },
): Promise<{ queued: number; rmas: number }> {
  const until = new Date(input.now.getTime() + input.lookAheadMs).toISOString();
  const rmas = await listRmasWithAlertsDue(store.db, { until, limit: input.limit });
  const jobs: NewJob[] = [];
  for (const rma of rmas) {
    for (const item of await pendingAlertsOf(store.db, rma)) {
      if (item.at > until) continue;
      const spec = item.alert === 'warning' ? RMA_WARNING_JOB : RMA_BREACH_JOB;
      const payload = { rmaId: rma.id, state: rma.state, dueKind: item.dueKind };
      jobs.push({ kind: spec.kind, key: rmaAlertJobKey(item.alert, payload), payload, runAt: rmaAlertRunAt(item).toISOString(), maxAttempts: spec.maxAttempts });
    }
  }
  const queued = await enqueueJobs(store.db, jobs, input.now.toISOString());
  return { queued, rmas: rmas.length };
}

export function rmaAlertSweep(intervalMs: number): SweepDefinition<WorkerServices> {
  return {
    name: 'rma-alert-sweep',
    intervalMs,
    run: ({ store, now, services }) => queueDueRmaAlerts(store, { now, lookAheadMs: services.slaLookAheadMs, limit: services.sweepBatchLimit }),
  };
}
