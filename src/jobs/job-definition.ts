import type { Executor, Store } from '../store/database.js';
import type { JobRecord } from '../store/repositories/job.repository.js';

/** A failure no retry can fix (bad payload, a recipient that no longer exists): the job goes dead at once. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

/** This worker's claim ran out and another worker holds the job: whatever this run did is rolled back. */
export class LeaseLostError extends Error {
  constructor(jobId: number) {
    super(`job ${jobId} is no longer held by this worker`);
    this.name = 'LeaseLostError';
  }
}

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export interface JobContext<S = unknown> {
  store: Store;
  job: JobRecord;
  /** The worker's notion of now (tests and benchmarks inject one). */
  now(): Date;
  /** When this job runs again if the current attempt fails; null when this is the last attempt. */
  retryAt: Date | null;
  services: S;
  /**
   * Marks the job done inside the handler's own transaction, so its effects and the job's completion
   * commit together (one commit instead of two, and no window in which the effects are committed
   * but the job would run again). Throws LeaseLostError — rolling the transaction back — when the
   * job's lease has passed to another worker.
   */
  complete(trx: Executor): Promise<void>;
}

/** A handler may ask to run again later without spending an attempt (its item is not due yet). */
export interface JobDeferral {
  runAgainAt: Date;
}

/**
 * A kind of job: what its payload is and how to run it. Handlers must be idempotent — a job runs
 * at least once: a worker killed after the handler's effects but before marking it done leaves it
 * to be claimed again when the lease runs out.
 */
export interface JobDefinition<P = unknown, S = unknown> {
  kind: string;
  maxAttempts: number;
  backoff: BackoffPolicy;
  parse(payload: unknown): P;
  run(ctx: JobContext<S>, payload: P): Promise<JobDeferral | void>;
  /** Runs once when the job goes dead, e.g. to mark the item it carried as failed. */
  onDead?(ctx: JobContext<S>, payload: P, error: string): Promise<void>;
}

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries of
 * many jobs that failed together (an SMTP outage) spread out instead of hammering in step.
 */
export function backoffDelayMs(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

export function describeError(err: unknown): string {
  if (err instanceof Error) return `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}`;
  return String(err);
}

/** Reads a positive integer field of a job payload; anything else can never succeed. */
export function readPositiveInt(payload: unknown, field: string): number {
  const value = (payload as Record<string, unknown> | null)?.[field];
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) throw new PermanentJobError(`payload.${field} must be a positive integer`);
  return value;
}
