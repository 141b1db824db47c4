import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { availableDialects, createTestStore, type TestStore } from '../support/databases.js';
import { JobRunner } from '../../src/jobs/job-runner.js';
import { backoffDelayMs, PermanentJobError, type JobDefinition } from '../../src/jobs/job-definition.js';
import { SweepScheduler, type SweepDefinition } from '../../src/jobs/recurring-sweeps.js';
import {
  countJobsByState, enqueueJobs, findJobByKey, listJobs, retryDeadJobs,
} from '../../src/store/repositories/job.repository.js';

const dialects = await availableDialects();

/** A settable clock for runners: leases and backoff are checked without waiting. */
function manualClock(start = Date.parse('2026-11-20T15:00:00.000Z')) {
  let ms = start;
  return { now: () => new Date(ms), advance: (by: number) => { ms += by; }, iso: () => new Date(ms).toISOString() };
}

function job(kind: string, key: string, runAt: string, payload: unknown = {}, maxAttempts = 3) {
  return { kind, key, payload, runAt, maxAttempts };
}

describe.each(dialects)('job runner on %s (issue 4 item 4)', (dialect) => {
  let store: TestStore;
  beforeAll(async () => { store = await createTestStore(dialect); });
  afterAll(async () => { await store?.dispose(); });
  beforeEach(async () => { await store.db.deleteFrom('jobs').execute(); await store.db.deleteFrom('sweep_slots').execute(); });

  it('enqueueing the same key twice makes one job', async () => {
    const at = '2026-11-20T15:00:00.000Z';
    expect(await enqueueJobs(store.db, [job('echo', 'echo:1', at), job('echo', 'echo:1', at)], at)).toBe(1);
    expect(await enqueueJobs(store.db, [job('echo', 'echo:1', at)], at)).toBe(0);
    expect((await countJobsByState(store.db)).queued).toBe(1);
  });

  it('two runners sharing the queue run each of 300 jobs exactly once', async () => {
    const clock = manualClock();
    const runs = new Map<number, number>();
    const echo: JobDefinition<{ n: number }> = {
      kind: 'echo', maxAttempts: 3, backoff: { baseMs: 10, maxMs: 100 },
      parse: (p) => p as { n: number },
      async run(_ctx, { n }) {
        await new Promise((r) => setTimeout(r, 1));
        runs.set(n, (runs.get(n) ?? 0) + 1);
      },
    };
    await enqueueJobs(store.db, Array.from({ length: 300 }, (_, n) => job('echo', `echo:${n}`, clock.iso(), { n })), clock.iso());
    const a = new JobRunner({ store, definitions: [echo], services: {}, now: clock.now, concurrency: 5, workerId: 'a' });
    const b = new JobRunner({ store, definitions: [echo], services: {}, now: clock.now, concurrency: 5, workerId: 'b' });
    const [ranA, ranB] = await Promise.all([a.runDue(), b.runDue()]);
    expect(ranA + ranB).toBe(300);
    expect(runs.size).toBe(300);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    expect((await countJobsByState(store.db)).done).toBe(300);
  });

  it('a failing job is retried with exponential backoff, then dead, listed, and retried on request', async () => {
    const clock = manualClock();
    let failures = 0;
    const flaky: JobDefinition<unknown> = {
      kind: 'flaky', maxAttempts: 3, backoff: { baseMs: 1_000, maxMs: 60_000 },
      parse: (p) => p,
      async run() {
        failures++;
        throw new Error(`boom ${failures}`);
      },
    };
    const runner = new JobRunner({ store, definitions: [flaky], services: {}, now: clock.now, random: () => 1 });
    await enqueueJobs(store.db, [job('flaky', 'flaky:1', clock.iso())], clock.iso());

    await runner.runDue();
    let stored = await findJobByKey(store.db, 'flaky:1');
    expect(stored).toMatchObject({ state: 'queued', attempts: 1, lastError: 'boom 1' });
    expect(Date.parse(stored!.runAt) - clock.now().getTime()).toBe(1_000);
    expect(await runner.runDue()).toBe(0); // not due before its backoff

    clock.advance(1_000);
    await runner.runDue();
    stored = await findJobByKey(store.db, 'flaky:1');
    expect(stored).toMatchObject({ state: 'queued', attempts: 2 });
    expect(Date.parse(stored!.runAt) - clock.now().getTime()).toBe(2_000);

    clock.advance(2_000);
    await runner.runDue();
    expect(await findJobByKey(store.db, 'flaky:1')).toMatchObject({ state: 'dead', attempts: 3, lastError: 'boom 3' });
    expect((await listJobs(store.db, { state: 'dead', limit: 10 })).map((j) => j.key)).toEqual(['flaky:1']);

    const retried = await retryDeadJobs(store.db, { at: clock.iso() });
    expect(retried.map((j) => j.key)).toEqual(['flaky:1']);
    await runner.runDue();
    expect(await findJobByKey(store.db, 'flaky:1')).toMatchObject({ state: 'queued', attempts: 1 });
  });

  it('backoff doubles per attempt up to its cap, with jitter in the upper half', () => {
    const policy = { baseMs: 1_000, maxMs: 10_000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, policy, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000, 10_000]);
    expect(backoffDelayMs(3, policy, () => 0)).toBe(2_000);
  });

  it('a permanent error kills the job at once and runs its onDead hook', async () => {
    const clock = manualClock();
    const dead: string[] = [];
    const broken: JobDefinition<unknown> = {
      kind: 'broken', maxAttempts: 5, backoff: { baseMs: 10, maxMs: 10 },
      parse: (p) => p,
      async run() { throw new PermanentJobError('recipient is gone'); },
      async onDead(_ctx, _p, error) { dead.push(error); },
    };
    await enqueueJobs(store.db, [job('broken', 'broken:1', clock.iso())], clock.iso());
    await new JobRunner({ store, definitions: [broken], services: {}, now: clock.now }).runDue();
    expect(await findJobByKey(store.db, 'broken:1')).toMatchObject({ state: 'dead', attempts: 1 });
    expect(dead).toEqual(['PermanentJobError: recipient is gone']);
  });

  it('a job that is not due yet runs again later without spending an attempt', async () => {
    const clock = manualClock();
    let calls = 0;
    const early: JobDefinition<unknown> = {
      kind: 'early', maxAttempts: 1, backoff: { baseMs: 10, maxMs: 10 },
      parse: (p) => p,
      async run(ctx) {
        calls++;
        return calls === 1 ? { runAgainAt: new Date(ctx.now().getTime() + 5_000) } : undefined;
      },
    };
    const runner = new JobRunner({ store, definitions: [early], services: {}, now: clock.now });
    await enqueueJobs(store.db, [job('early', 'early:1', clock.iso())], clock.iso());
    await runner.runDue();
    expect(await findJobByKey(store.db, 'early:1')).toMatchObject({ state: 'queued', attempts: 0 });
    clock.advance(5_000);
    await runner.runDue();
    expect(await findJobByKey(store.db, 'early:1')).toMatchObject({ state: 'done', attempts: 1 });
  });

  it("a crashed worker's claimed jobs are claimed again once the lease runs out, and nothing is lost", async () => {
    const clock = manualClock();
    const ran: string[] = [];
    let block = true;
    const slow: JobDefinition<{ n: number }> = {
      kind: 'slow', maxAttempts: 3, backoff: { baseMs: 10, maxMs: 10 },
      parse: (p) => p as { n: number },
      async run(ctx, { n }) {
        while (block && ctx.job.lockedBy === 'doomed') await new Promise((r) => setTimeout(r, 5));
        ran.push(`${ctx.job.lockedBy}:${n}`);
      },
    };
    await enqueueJobs(store.db, [0, 1, 2].map((n) => job('slow', `slow:${n}`, clock.iso(), { n })), clock.iso());
    const doomed = new JobRunner({ store, definitions: [slow], services: {}, now: clock.now, leaseMs: 30_000, workerId: 'doomed', pollMs: 20 });
    doomed.start();
    while ((await countJobsByState(store.db)).running < 3) await new Promise((r) => setTimeout(r, 5));
    await doomed.crash();

    const survivor = new JobRunner({ store, definitions: [slow], services: {}, now: clock.now, leaseMs: 30_000, workerId: 'survivor' });
    expect(await survivor.runDue()).toBe(0); // still leased to the crashed worker
    clock.advance(30_001);
    expect(await survivor.runDue()).toBe(3);
    block = false;
    expect(ran.filter((r) => r.startsWith('survivor')).sort()).toEqual(['survivor:0', 'survivor:1', 'survivor:2']);
    expect(await countJobsByState(store.db)).toMatchObject({ done: 3, running: 0, queued: 0 });
  });

  it('graceful stop releases jobs that do not finish in the grace period, for another worker to take at once', async () => {
    const clock = manualClock();
    let release = false;
    const stuck: JobDefinition<unknown> = {
      kind: 'stuck', maxAttempts: 2, backoff: { baseMs: 10, maxMs: 10 },
      parse: (p) => p,
      async run(ctx) {
        while (!release && ctx.job.lockedBy === 'leaving') await new Promise((r) => setTimeout(r, 5));
      },
    };
    await enqueueJobs(store.db, [job('stuck', 'stuck:1', clock.iso())], clock.iso());
    const leaving = new JobRunner({ store, definitions: [stuck], services: {}, now: clock.now, workerId: 'leaving', shutdownGraceMs: 50, pollMs: 20 });
    leaving.start();
    while ((await countJobsByState(store.db)).running < 1) await new Promise((r) => setTimeout(r, 5));
    await leaving.stop();
    expect(await findJobByKey(store.db, 'stuck:1')).toMatchObject({ state: 'queued', attempts: 0, lockedBy: null });
    const next = new JobRunner({ store, definitions: [stuck], services: {}, now: clock.now, workerId: 'next' });
    expect(await next.runDue()).toBe(1);
    release = true;
    expect(await findJobByKey(store.db, 'stuck:1')).toMatchObject({ state: 'done' });
  });

  it('a handler completing its job in its own transaction commits both at once; a lost lease rolls its effects back', async () => {
    const clock = manualClock();
    const marker = (key: string) => store.db.selectFrom('sweep_slots').select('sweep').where('sweep', '=', key).executeTakeFirst();
    const atomic: JobDefinition<{ steal: boolean }> = {
      kind: 'atomic', maxAttempts: 3, backoff: { baseMs: 10, maxMs: 10 },
      parse: (p) => p as { steal: boolean },
      async run(ctx, { steal }) {
        // Another worker took the job over (our lease ran out while we were busy).
        if (steal) await store.db.updateTable('jobs').set({ locked_by: 'thief' }).where('id', '=', ctx.job.id).execute();
        await store.db.transaction().execute(async (trx) => {
          await trx.insertInto('sweep_slots').values({ sweep: ctx.job.key, slot_start: 'x', claimed_by: 'atomic', claimed_at: clock.iso() }).execute();
          await ctx.complete(trx);
        });
      },
    };
    await enqueueJobs(store.db, [job('atomic', 'atomic:ok', clock.iso(), { steal: false }), job('atomic', 'atomic:stolen', clock.iso(), { steal: true })], clock.iso());
    await new JobRunner({ store, definitions: [atomic], services: {}, now: clock.now, workerId: 'honest' }).runDue();
    expect(await findJobByKey(store.db, 'atomic:ok')).toMatchObject({ state: 'done', attempts: 1 });
    expect(await marker('atomic:ok')).toBeDefined();
    expect(await findJobByKey(store.db, 'atomic:stolen')).toMatchObject({ state: 'running', lockedBy: 'thief', lastError: null });
    expect(await marker('atomic:stolen')).toBeUndefined();
  });

  it('a recurring sweep runs each time slot on exactly one of two instances', async () => {
    const clock = manualClock(Date.parse('2026-11-20T15:00:00.000Z'));
    const ranBy: string[] = [];
    const sweep = (who: string): SweepDefinition<unknown> => ({
      name: 'probe', intervalMs: 10_000,
      async run() { ranBy.push(who); return { queued: 0 }; },
    });
    const one = new SweepScheduler({ store, sweeps: [sweep('one')], services: {}, workerId: 'one', now: clock.now });
    const two = new SweepScheduler({ store, sweeps: [sweep('two')], services: {}, workerId: 'two', now: clock.now });
    await Promise.all([one.tick(), two.tick()]);
    await Promise.all([one.tick(), two.tick()]);
    expect(ranBy).toHaveLength(1);
    clock.advance(10_000);
    await Promise.all([two.tick(), one.tick()]);
    expect(ranBy).toHaveLength(2);
  });
});
