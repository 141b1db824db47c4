import type { Store } from '../store/database.js';
import { enqueueJobs, type NewJob } from '../store/repositories/job.repository.js';
import { listLogsDueBy, listTakenLogAlerts } from '../store/repositories/case-log-alert.repository.js';
import { LOG_TYPES, findLogType } from '../domain/logs/log-registry.js';
import { logDueAlerts, type LogDueAlert } from '../domain/logs/log-due-alerts.js';
import { processLogDueAlert } from '../services/logs/process-log-due-alert.js';
import { PermanentJobError, readPositiveInt, type JobDefinition } from './job-definition.js';
import type { SweepDefinition } from './recurring-sweeps.js';
import type { WorkerServices } from './worker-services.js';

export const LOG_DUE_ALERT_JOB = { kind: 'log-due-alert', maxAttempts: 8 } as const;

export interface LogDueAlertPayload {
  logId: number;
  dueAt: string;
  alert: LogDueAlert;
}

/** One job per (entry, due instant, alert), however many sweeps find it. */
export function logDueAlertJobKey(p: LogDueAlertPayload): string {
  return `${LOG_DUE_ALERT_JOB.kind}:${p.logId}:${p.dueAt}:${p.alert}`;
}

const ALERTING = LOG_TYPES.filter((t) => t.dueAlert);
const WARN_AHEAD_MS = Math.max(0, ...ALERTING.map((t) => (t.dueAlert?.warnBeforeMinutes ?? 0) * 60_000));

/**
 * Queues the warning and breach of every entry deadline falling due by `now + lookAhead` (R000-08:
 * the chargeback's evidence due date), each job to run at its own instant.
 */
export async function queueDueLogAlerts(store: Store, input: { now: Date; lookAheadMs: number; limit: number }): Promise<{ queued: number; logs: number }> {
  const until = new Date(input.now.getTime() + input.lookAheadMs).toISOString();
  const scanUntil = new Date(input.now.getTime() + input.lookAheadMs + WARN_AHEAD_MS).toISOString();
  const rows = await listLogsDueBy(store.db, { types: ALERTING.map((t) => t.key), until: scanUntil, limit: input.limit });
  const taken = new Set((await listTakenLogAlerts(store.db, rows.map((r) => r.logId))).map((a) => `${a.logId}|${a.dueAt}|${a.alert}`));
  const jobs: NewJob[] = [];
  for (const row of rows) {
    const type = findLogType(row.type);
    if (!type) continue;
    for (const item of logDueAlerts(type, row.dueAt)) {
      if (item.at > until || taken.has(`${row.logId}|${row.dueAt}|${item.alert}`)) continue;
      const payload: LogDueAlertPayload = { logId: row.logId, dueAt: row.dueAt, alert: item.alert };
      jobs.push({ kind: LOG_DUE_ALERT_JOB.kind, key: logDueAlertJobKey(payload), payload, runAt: item.at, maxAttempts: LOG_DUE_ALERT_JOB.maxAttempts });
    }
  }
  const queued = await enqueueJobs(store.db, jobs, input.now.toISOString());
  return { queued, logs: rows.length };
}

export function logDueAlertSweep(intervalMs: number): SweepDefinition<WorkerServices> {
  return {
    name: 'log-due-alert-sweep',
    intervalMs,
    run: ({ store, now, services }) => queueDueLogAlerts(store, { now, lookAheadMs: services.slaLookAheadMs, limit: services.sweepBatchLimit }),
  };
}

function parsePayload(payload: unknown): LogDueAlertPayload {
  const logId = readPositiveInt(payload, 'logId');
  const p = payload as Partial<LogDueAlertPayload> | null;
  if (!p || typeof p.dueAt !== 'string' || (p.alert !== 'warning' && p.alert !== 'breach')) throw new PermanentJobError('payload must name the due instant and the alert');
  return { logId, dueAt: p.dueAt, alert: p.alert };
}

export const logDueAlertJob: JobDefinition<LogDueAlertPayload, WorkerServices> = {
  kind: LOG_DUE_ALERT_JOB.kind,
  maxAttempts: LOG_DUE_ALERT_JOB.maxAttempts,
  backoff: { baseMs: 2_000, maxMs: 300_000 },
  parse: parsePayload,
  async run(ctx, payload) {
    const result = await processLogDueAlert(ctx.store, { ...payload, now: ctx.now(), finish: ctx.complete, ...ctx.services.alerts });
    return result.outcome === 'not_due' ? { runAgainAt: result.runAgainAt } : undefined;
  },
};
