import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Store } from '../store/database.js';
import {
  claimJobs, completeJob, extendLeases, failJob, nextRunAt, recoverExpiredLeases, releaseJobs, type JobRecord,
} from '../store/repositories/job.repository.js';
import { backoffDelayMs, describeError, LeaseLostError, PermanentJobError, type JobContext, type JobDefinition } from './job-definition.js';

export interface JobRunnerOptions<S> {
  store: Store;
  definitions: readonly JobDefinition<any, S>[];
  services: S;
  workerId?: string;
  /** Jobs run at once by this worker. */
  concurrency?: number;
  /** How long a claim holds; a worker that vanishes has its jobs re-claimed this long after its last heartbeat. */
  leaseMs?: number;
  /** Longest idle sleep; an idle worker also wakes at the next queued job's run_at. */
  pollMs?: number;
  /** How long stop() waits for running jobs before releasing them. */
  shutdownGraceMs?: number;
  now?: () => Date;
  random?: () => number;
  onError?: (err: unknown, job?: JobRecord) => void;
}

export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

const MIN_SLEEP_MS = 5;
const LEASE_RECOVERY_EVERY_MS = 1_000;

/**
 * Claims jobs from the database and runs them (issue 4 item 4). Several runners — in one process
 * or many, on one PostgreSQL — share the queue: claims use SKIP LOCKED, each claim is a lease
 * renewed by a heartbeat, and jobs of a worker that disappears are queued again when the lease
 * runs out. Failures retry with exponential backoff and jitter until `maxAttempts`, then the job
 * is dead: kept, listed by `ladder jobs list --state dead`, and retried by `ladder jobs retry`.
 */
export class JobRunner<S> {
  readonly workerId: string;
  private readonly store: Store;
  private readonly definitions: Map<string, JobDefinition<any, S>>;
  private readonly kinds: string[];
  private readonly services: S;
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly shutdownGraceMs: number;
  private readonly now: () => Date;
  private readonly random: () => number;
  private readonly onError: (err: unknown, job?: JobRecord) => void;

  private readonly inflight = new Map<number, Promise<void>>();
  /** Jobs this runner gave up (released at shutdown, or abandoned by a simulated crash): never acknowledged. */
  private readonly disowned = new Set<number>();
  private loopDone: Promise<void> | null = null;
  private stopping = false;
  private crashed = false;
  private wakeUp: (() => void) | null = null;
  /** A nudge that came while the loop was busy: its next sleep returns at once. */
  private wakePending = false;
  private heartbeat: NodeJS.Timeout | null = null;
  private lastRecoveryMs = 0;

  constructor(options: JobRunnerOptions<S>) {
    this.store = options.store;
    this.definitions = new Map(options.definitions.map((d) => [d.kind, d]));
    this.kinds = [...this.definitions.keys()];
    this.services = options.services;
    this.workerId = options.workerId ?? newWorkerId();
    this.concurrency = options.concurrency ?? 8;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.pollMs = options.pollMs ?? 1_000;
    this.shutdownGraceMs = options.shutdownGraceMs ?? 10_000;
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? Math.random;
    this.onError = options.onError ?? (() => undefined);
  }

  get running(): number {
    return this.inflight.size;
  }

  start(): void {
    if (this.loopDone) return;
    this.heartbeat = setInterval(() => void this.renewLeases(), Math.max(50, Math.floor(this.leaseMs / 3)));
    this.heartbeat.unref();
    this.loopDone = this.loop();
  }

  /** Wakes an idle loop at once (after enqueueing work it should not wait a poll for). */
  nudge(): void {
    if (this.wakeUp) this.wakeUp();
    else this.wakePending = true;
  }

  /** Runs every job due now, batch after batch, until none is left; for tests and one-shot tools. */
  async runDue(): Promise<number> {
    let total = 0;
    for (;;) {
      await this.recoverLeases(true);
      const jobs = await this.claim(this.concurrency);
      if (jobs.length === 0) return total;
      await Promise.all(jobs.map((job) => this.execute(job)));
      total += jobs.length;
    }
  }

  /**
   * Graceful shutdown: claim nothing more, let running jobs finish within the grace period, and put
   * back any still running so another instance takes them at once instead of after the lease.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.stopHeartbeat();
    this.nudge();
    await this.loopDone;
    if (this.inflight.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      Promise.allSettled([...this.inflight.values()]).then(() => true),
      new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), this.shutdownGraceMs); }),
    ]);
    clearTimeout(timer);
    if (finished) return;
    const ids = [...this.inflight.keys()];
    for (const id of ids) this.disowned.add(id);
    await releaseJobs(this.store.db, ids, this.workerId, { at: this.now().toISOString() });
  }

  /**
   * Simulates the process dying (tests): the loop and heartbeat stop, nothing is released or
   * acknowledged; jobs it held are recovered by other workers once their lease has run out.
   */
  async crash(): Promise<void> {
    this.crashed = true;
    this.stopping = true;
    this.stopHeartbeat();
    this.nudge();
    await this.loopDone;
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.recoverLeases(false);
        const free = this.concurrency - this.inflight.size;
        // Claim in batches (at least half the slots) rather than one job per finished job.
        if (free > 0 && (free * 2 >= this.concurrency || this.inflight.size === 0)) {
          const jobs = await this.claim(free);
          for (const job of jobs) this.launch(job);
          if (jobs.length > 0) continue;
          await this.sleep(await this.idleDelay());
        } else {
          await this.sleep(this.pollMs); // woken as soon as a job finishes
        }
      } catch (err) {
        this.onError(err);
        await this.sleep(this.pollMs);
      }
    }
  }

  private async claim(limit: number): Promise<JobRecord[]> {
    const now = this.now();
    return claimJobs(this.store.db, this.store.dialect, {
      workerId: this.workerId,
      now: now.toISOString(),
      leaseUntil: new Date(now.getTime() + this.leaseMs).toISOString(),
      limit,
      kinds: this.kinds,
    });
  }

  private async recoverLeases(force: boolean): Promise<void> {
    const nowMs = this.now().getTime();
    if (!force && nowMs - this.lastRecoveryMs < LEASE_RECOVERY_EVERY_MS) return;
    this.lastRecoveryMs = nowMs;
    await recoverExpiredLeases(this.store.db, new Date(nowMs).toISOString());
  }

  private async renewLeases(): Promise<void> {
    const ids = [...this.inflight.keys()].filter((id) => !this.disowned.has(id));
    if (ids.length === 0 || this.crashed) return;
    try {
      await extendLeases(this.store.db, ids, this.workerId, new Date(this.now().getTime() + this.leaseMs).toISOString());
    } catch (err) {
      this.onError(err);
    }
  }

  private async idleDelay(): Promise<number> {
    const next = await nextRunAt(this.store.db, this.kinds);
    if (next === null) return this.pollMs;
    return Math.min(this.pollMs, Math.max(MIN_SLEEP_MS, Date.parse(next) - this.now().getTime()));
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopping || this.wakePending) {
      this.wakePending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = null;
        done();
      };
    });
  }

  private launch(job: JobRecord): void {
    const run = this.execute(job).finally(() => {
      this.inflight.delete(job.id);
      this.disowned.delete(job.id);
      this.nudge();
    });
    this.inflight.set(job.id, run);
  }

  private acknowledged(job: JobRecord): boolean {
    return !this.crashed && !this.disowned.has(job.id);
  }

  private async execute(job: JobRecord): Promise<void> {
    const definition = this.definitions.get(job.kind)!;
    const startedAt = this.now();
    const lastAttempt = job.attempts >= job.maxAttempts;
    const retryAt = lastAttempt ? null : new Date(startedAt.getTime() + backoffDelayMs(job.attempts, definition.backoff, this.random));
    let completedInTransaction = false;
    const ctx: JobContext<S> = {
      store: this.store, job, now: this.now, retryAt, services: this.services,
      complete: async (trx) => {
        if (!this.acknowledged(job) || !(await completeJob(trx, job.id, this.workerId, this.now().toISOString()))) throw new LeaseLostError(job.id);
        completedInTransaction = true;
      },
    };
    let payload: unknown;
    let parsed = false;
    try {
      payload = definition.parse(job.payload);
      parsed = true;
      const deferral = await definition.run(ctx, payload);
      if (!this.acknowledged(job)) return;
      const at = this.now().toISOString();
      if (deferral) await releaseJobs(this.store.db, [job.id], this.workerId, { at, runAt: deferral.runAgainAt.toISOString() });
      else if (!completedInTransaction) await completeJob(this.store.db, job.id, this.workerId, at);
    } catch (err) {
      if (!this.acknowledged(job) || err instanceof LeaseLostError) return;
      const error = describeError(err);
      const dead = retryAt === null || err instanceof PermanentJobError;
      this.onError(err, job);
      try {
        await failJob(this.store.db, job.id, this.workerId, { error, retryAt: dead ? null : retryAt.toISOString(), at: this.now().toISOString() });
        if (dead && parsed && definition.onDead) await definition.onDead(ctx, payload, error);
      } catch (inner) {
        // The lease runs out and the job is claimed again: nothing is lost, it only waits.
        this.onError(inner, job);
      }
    }
  }
}
