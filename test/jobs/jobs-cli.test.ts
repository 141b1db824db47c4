import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ladder } from '../support/cli.js';
import { availableDialects, createTestStore, postgresUrlWithSchema, type TestStore } from '../support/databases.js';
import { enqueueJobs, failJob, claimJobs, findJob } from '../../src/store/repositories/job.repository.js';

// `ladder jobs list|retry` (issue 4 item 4) against the configured store, run as an operator runs it.
const dialects = await availableDialects();


describe.each(dialects)('ladder jobs on %s', (dialect) => {
  let store: TestStore;
  let env: Record<string, string>;
  let deadId: number;

  beforeAll(async () => {
    store = await createTestStore(dialect);
    env = { LADDER_DATA_DIR: store.dataDir, ...(store.url && store.schema ? { DATABASE_URL: postgresUrlWithSchema(store.url, store.schema) } : {}) };
    const at = '2026-11-20T15:00:00.000Z';
    await enqueueJobs(store.db, [
      { kind: 'deliver-outbox', key: 'deliver-outbox:1', payload: { outboxId: 1 }, runAt: at, maxAttempts: 1 },
      { kind: 'sla-breach', key: 'sla-breach:7:2026-11-20T16:00:00.000Z', payload: { clockId: 7 }, runAt: '2026-11-20T16:00:00.001Z', maxAttempts: 8 },
    ], at);
    const [claimed] = await claimJobs(store.db, store.dialect, { workerId: 'w', now: at, leaseUntil: '2026-11-20T15:01:00.000Z', limit: 1, kinds: ['deliver-outbox'] });
    deadId = claimed!.id;
    await failJob(store.db, deadId, 'w', { error: 'SMTP 421 try again later', retryAt: null, at });
  });
  afterAll(async () => { await store?.dispose(); });

  it('lists dead jobs with their last error', async () => {
    const r = await ladder(env, ['jobs', 'list', '--state', 'dead']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('queued 1 · running 0 · done 0 · dead 1');
    expect(r.stdout).toContain('deliver-outbox:1');
    expect(r.stdout).toContain('SMTP 421 try again later');
    expect(r.stdout).not.toContain('sla-breach:7');
    const json = await ladder(env, ['jobs', 'list', '--json']);
    expect(JSON.parse(json.stdout).items.map((j: { key: string }) => j.key).sort()).toEqual(['deliver-outbox:1', 'sla-breach:7:2026-11-20T16:00:00.000Z']);
  }, 30_000);

  it('retries a dead job by id, refuses one that is not dead, and needs an id or --all-dead', async () => {
    const r = await ladder(env, ['jobs', 'retry', String(deadId)]);
    expect(r).toMatchObject({ code: 0, stdout: 'requeued 1 job\n' });
    expect(await findJob(store.db, deadId)).toMatchObject({ state: 'queued', attempts: 0 });
    const again = await ladder(env, ['jobs', 'retry', String(deadId)]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(new RegExp(`job ${deadId} is queued, not dead$`));
    expect((await ladder(env, ['jobs', 'retry'])).code).toBe(2);
    expect((await ladder(env, ['jobs', 'retry', '--all-dead'])).stdout).toBe('requeued 0 jobs\n');
  }, 30_000);
});
