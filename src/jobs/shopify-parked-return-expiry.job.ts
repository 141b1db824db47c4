import { DEFAULT_SHOPIFY_PARKED_RETURN_EXPIRY_HOURS } from '../config.js';
import type { Store } from '../store/database.js';
import { enqueueJobs, type NewJob } from '../store/repositories/job.repository.js';
import { listShopifyReturnsWaitingSince } from '../store/repositories/parked-shopify-return.repository.js';
import { expireParkedShopifyReturn } from '../services/integrations/expire-parked-shopify-return.js';
import { readPositiveInt, type JobDefinition } from './job-definition.js';
import type { SweepDefinition } from './recurring-sweeps.js';
import type { WorkerServices } from './worker-services.js';

export const SHOPIFY_PARKED_RETURN_EXPIRY_JOB = { kind: 'shopify-parked-return-expiry', maxAttempts: 8 } as const;

/** Expiry is measured in hours: a sweep every ten minutes is late by at most that. */
export const SHOPIFY_PARKED_RETURN_SWEEP_INTERVAL_MS = 600_000;

export interface ShopifyParkedReturnExpiryPayload {
  parkedId: number;
}

/** One job per parked delivery, however many sweeps find it (a parked row expires once). */
export function shopifyParkedReturnExpiryJobKey(p: ShopifyParkedReturnExpiryPayload): string {
  return `${SHOPIFY_PARKED_RETURN_EXPIRY_JOB.kind}:${p.parkedId}`;
}

/**
 * Finds the Shopify returns still waiting for their order (or return) that were parked more than
 * `expiryHours` ago — a range scan of the waiting index — and queues one keyed job per row.
 */
export async function queueExpiredParkedShopifyReturns(
  store: Store,
  input: { now: Date; expiryHours: number; limit: number },
): Promise<{ queued: number; parked: number }> {
  const parkedBefore = new Date(input.now.getTime() - input.expiryHours * 3_600_000).toISOString();
  const rows = await listShopifyReturnsWaitingSince(store.db, { parkedBefore, limit: input.limit });
  const at = input.now.toISOString();
  const jobs: NewJob[] = rows.map((r) => {
    const payload: ShopifyParkedReturnExpiryPayload = { parkedId: r.id };
    return { kind: SHOPIFY_PARKED_RETURN_EXPIRY_JOB.kind, key: shopifyParkedReturnExpiryJobKey(payload), payload, runAt: at, maxAttempts: SHOPIFY_PARKED_RETURN_EXPIRY_JOB.maxAttempts };
  });
  const queued = await enqueueJobs(store.db, jobs, at);
  return { queued, parked: rows.length };
}

const expiryHoursOf = (services: WorkerServices): number => services.shopifyParkedReturnExpiryHours ?? DEFAULT_SHOPIFY_PARKED_RETURN_EXPIRY_HOURS;

export function shopifyParkedReturnExpirySweep(intervalMs = SHOPIFY_PARKED_RETURN_SWEEP_INTERVAL_MS): SweepDefinition<WorkerServices> {
  return {
    name: 'shopify-parked-return-expiry-sweep',
    intervalMs,
    run: ({ store, now, services }) => queueExpiredParkedShopifyReturns(store, { now, expiryHours: expiryHoursOf(services), limit: services.sweepBatchLimit }),
  };
}

export const shopifyParkedReturnExpiryJob: JobDefinition<ShopifyParkedReturnExpiryPayload, WorkerServices> = {
  kind: SHOPIFY_PARKED_RETURN_EXPIRY_JOB.kind,
  maxAttempts: SHOPIFY_PARKED_RETURN_EXPIRY_JOB.maxAttempts,
  backoff: { baseMs: 2_000, maxMs: 300_000 },
  parse: (payload) => ({ parkedId: readPositiveInt(payload, 'parkedId') }),
  async run(ctx, payload) {
    const result = await expireParkedShopifyReturn(ctx.store, {
      id: payload.parkedId, now: ctx.now(), expiryHours: expiryHoursOf(ctx.services), finish: ctx.complete,
    });
    return result.outcome === 'not_due' ? { runAgainAt: result.runAgainAt } : undefined;
  },
};
