import type { Store } from '../store/database.js';
import { claimSweepSlot, deleteSweepSlotsBefore } from '../store/repositories/sweep-slot.repository.js';

export interface SweepContext<S> {
  store: Store;
  now: Date;
  slotStart: Date;
  intervalMs: number;
  services: S;
}

/** What a sweep did, for logs and benchmarks: at least how many jobs it queued. */
export type SweepResult = { queued: number } & Record<string, number>;

/**
 * A recurring sweep: it finds due items and queues one idempotent job per item. Sweeps are
 * level-triggered (they look at what is due now, not at what changed in their slot), so a slot
 * lost with a crashed instance costs one interval of delay, never an item.
 */
export interface SweepDefinition<S> {
  name: string;
  intervalMs: number;
  run(ctx: SweepContext<S>): Promise<SweepResult>;
}

export function slotStartOf(nowMs: number, intervalMs: number): number {
  return Math.floor(nowMs / intervalMs) * intervalMs;
}

export interface SweepRun {
  sweep: string;
  slotStart: string;
  result: SweepResult;
  ms: number;
}

const SLOT_RETENTION_MS = 24 * 3_600_000;
const SLOT_CLEANUP_EVERY_MS = 3_600_000;

/**
 * Runs each sweep once per time slot across every instance: the slot's row in `sweep_slots` is
 * inserted with ON CONFLICT DO NOTHING, and only the instance whose insert landed runs the slot.
 */
export class SweepScheduler<S> {
  private readonly lastSlot = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private stopped = false;
  private lastCleanupMs = 0;

  constructor(
    private readonly options: {
      store: Store;
      sweeps: readonly SweepDefinition<S>[];
      services: S;
      workerId: string;
      now?: () => Date;
      onRun?: (run: SweepRun) => void;
      onError?: (err: unknown, sweep: string) => void;
    },
  ) {}

  private now(): Date {
    return this.options.now ? this.options.now() : new Date();
  }

  /** Claims and runs every sweep whose current slot this instance has not seen yet. */
  async tick(): Promise<SweepRun[]> {
    const runs: SweepRun[] = [];
    for (const sweep of this.options.sweeps) {
      const now = this.now();
      const slot = slotStartOf(now.getTime(), sweep.intervalMs);
      if (this.lastSlot.get(sweep.name) === slot) continue;
      try {
        const slotStart = new Date(slot).toISOString();
        const mine = await claimSweepSlot(this.options.store.db, { sweep: sweep.name, slotStart, workerId: this.options.workerId, at: now.toISOString() });
        this.lastSlot.set(sweep.name, slot);
        if (!mine) continue;
        const started = performance.now();
        const result = await sweep.run({ store: this.options.store, now, slotStart: new Date(slot), intervalMs: sweep.intervalMs, services: this.options.services });
        const run = { sweep: sweep.name, slotStart, result, ms: performance.now() - started };
        runs.push(run);
        this.options.onRun?.(run);
      } catch (err) {
        this.options.onError?.(err, sweep.name);
      }
    }
    await this.cleanup();
    return runs;
  }

  start(): void {
    if (this.timer || this.stopped) return;
    const shortest = Math.min(...this.options.sweeps.map((s) => s.intervalMs));
    const every = Math.max(50, Math.min(1_000, Math.floor(shortest / 4)));
    const loop = () => {
      if (this.stopped) return;
      this.ticking = this.tick().then(() => undefined, () => undefined).finally(() => {
        this.ticking = null;
        if (!this.stopped) this.timer = setTimeout(loop, every);
      });
    };
    loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.ticking;
  }

  private async cleanup(): Promise<void> {
    const nowMs = this.now().getTime();
    if (nowMs - this.lastCleanupMs < SLOT_CLEANUP_EVERY_MS) return;
    this.lastCleanupMs = nowMs;
    try {
      await deleteSweepSlotsBefore(this.options.store.db, new Date(nowMs - SLOT_RETENTION_MS).toISOString());
    } catch (err) {
      this.options.onError?.(err, 'sweep_slots cleanup');
    }
  }
}
