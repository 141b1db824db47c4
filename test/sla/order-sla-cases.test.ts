import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects, createTestStore, type TestStore } from '../support/databases.js';
import { seedDefaultPolicy } from '../../src/services/policy/load-policy-runtime.js';
import { insertOrder } from '../../src/store/repositories/order.repository.js';
import { listCases } from '../../src/store/repositories/case.repository.js';
import { JobRunner } from '../../src/jobs/job-runner.js';
import { orderSlaCaseJob, orderSlaSweep } from '../../src/jobs/order-sla-sweep.job.js';
import { openOrderSlaCase } from '../../src/services/sla/order-sla-cases.js';
import type { WorkerServices } from '../../src/jobs/worker-services.js';

const dialects = await availableDialects();
const DAY = 86_400_000;

describe.each(dialects)('order SLA sweep on %s (issue 4 item 3)', (dialect) => {
  let store: TestStore;
  const now = new Date();
  const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
  const runSweep = () => orderSlaSweep(3_600_000).run({ store, now, slotStart: now, intervalMs: 3_600_000, services: {} as WorkerServices });
  const runJobs = () => new JobRunner({ store, definitions: [orderSlaCaseJob], services: {} as WorkerServices }).runDue();
  const caseOf = async (orderNumber: string) => {
    const order = (await store.db.selectFrom('orders').select('id').where('number', '=', orderNumber).executeTakeFirstOrThrow()).id;
    return (await listCases(store.db, { orderId: Number(order) }, { sort: 'created', limit: 10 })).items;
  };

  beforeAll(async () => {
    store = await createTestStore(dialect);
    await seedDefaultPolicy(store);
    const at = now.toISOString();
    // Three weeks unshipped: far outside the 4-business-day processing SLA (R003-02).
    await insertOrder(store.db, 'ORD-STUCK', { placedAt: ago(21), fulfillment: 'unfulfilled', storefront: 'web' }, at);
    // Shipped domestically five weeks ago, never delivered: past 10 business days, quiet → lost in transit.
    await insertOrder(store.db, 'ORD-LOST', { placedAt: ago(36), shippedAt: ago(35), fulfillment: 'shipped', destination: 'domestic' }, at);
    // International, shipped ten days ago: within its 20 business days.
    await insertOrder(store.db, 'ORD-ABROAD', { placedAt: ago(11), shippedAt: ago(10), fulfillment: 'shipped', destination: 'international' }, at);
    // Delivered: no SLA applies.
    await insertOrder(store.db, 'ORD-DONE', { placedAt: ago(30), shippedAt: ago(29), deliveredAt: ago(25), fulfillment: 'delivered' }, at);
    // Placed yesterday: within the processing SLA.
    await insertOrder(store.db, 'ORD-NEW', { placedAt: ago(1), fulfillment: 'unfulfilled' }, at);
  });
  afterAll(async () => { await store?.dispose(); });

  it('opens one case per order past its SLA, with the suggested category at the level the policy decides (R003-02)', async () => {
    expect(await runSweep()).toMatchObject({ queued: 2, found: 2 });
    await runJobs();
    const stuck = await caseOf('ORD-STUCK');
    expect(stuck.map((c) => [c.category, c.level, c.subject])).toEqual([['processing_delay', 'L1', 'Order ORD-STUCK is past its processing SLA (R003-02)']]);
    expect((await caseOf('ORD-LOST')).map((c) => c.category)).toEqual(['lost_in_transit']);
    expect(await caseOf('ORD-ABROAD')).toEqual([]);
    expect(await caseOf('ORD-DONE')).toEqual([]);
    expect(await caseOf('ORD-NEW')).toEqual([]);
  });

  it('later sweeps and a retried job open nothing more', async () => {
    expect(await runSweep()).toMatchObject({ queued: 0, found: 2 });
    await runJobs();
    const order = await store.db.selectFrom('orders').select('id').where('number', '=', 'ORD-STUCK').executeTakeFirstOrThrow();
    const again = await openOrderSlaCase(store, { orderId: Number(order.id), kind: 'processing', category: 'processing_delay', rule: 'R003-02', dueAt: now.toISOString() });
    expect(again).toMatchObject({ created: false });
    expect(await caseOf('ORD-STUCK')).toHaveLength(1);
  });
});
