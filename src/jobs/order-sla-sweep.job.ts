import { enqueueJobs } from '../store/repositories/job.repository.js';
import { findOrdersPastSla, openOrderSlaCase, type OrderSlaItem } from '../services/sla/order-sla-cases.js';
import { PermanentJobError, readPositiveInt, type JobDefinition } from './job-definition.js';
import type { SweepDefinition } from './recurring-sweeps.js';
import type { WorkerServices } from './worker-services.js';

export const ORDER_SLA_CASE_JOB = { kind: 'order-sla-case', maxAttempts: 5 } as const;
const PAGE = 500;

/**
 * Order SLAs (issue 4 item 3, R003-02, R003-05): walks the orders not yet delivered and queues one
 * job per (order, SLA kind) past its deadline — key `order-sla-case:<orderId>:<kind>`, so an order
 * is handled once per kind however many sweeps see it.
 */
export function orderSlaSweep(intervalMs: number): SweepDefinition<WorkerServices> {
  return {
    name: 'order-sla-sweep',
    intervalMs,
    async run({ store, now }) {
      let queued = 0;
      let found = 0;
      let beforeId: number | undefined;
      for (;;) {
        const page = await findOrdersPastSla(store, { now, limit: PAGE, ...(beforeId !== undefined ? { beforeId } : {}) });
        found += page.items.length;
        queued += await enqueueJobs(
          store.db,
          page.items.map((item) => ({
            kind: ORDER_SLA_CASE_JOB.kind,
            key: `${ORDER_SLA_CASE_JOB.kind}:${item.orderId}:${item.kind}`,
            payload: item,
            runAt: now.toISOString(),
            maxAttempts: ORDER_SLA_CASE_JOB.maxAttempts,
          })),
          now.toISOString(),
        );
        if (page.nextBeforeId === null) break;
        beforeId = page.nextBeforeId;
      }
      return { queued, found };
    },
  };
}

export const orderSlaCaseJob: JobDefinition<OrderSlaItem, WorkerServices> = {
  kind: ORDER_SLA_CASE_JOB.kind,
  maxAttempts: ORDER_SLA_CASE_JOB.maxAttempts,
  backoff: { baseMs: 10_000, maxMs: 600_000 },
  parse(payload) {
    const p = payload as Partial<OrderSlaItem> | null;
    const orderId = readPositiveInt(payload, 'orderId');
    if (!p || typeof p.kind !== 'string' || typeof p.category !== 'string' || typeof p.rule !== 'string' || typeof p.dueAt !== 'string') {
      throw new PermanentJobError('payload must be an order SLA finding');
    }
    return { orderId, kind: p.kind, category: p.category, rule: p.rule, dueAt: p.dueAt };
  },
  async run(ctx, item) {
    await openOrderSlaCase(ctx.store, item);
  },
};
