import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { requestRma } from '../../src/services/returns/request-rma.js';
import { approveRma } from '../../src/services/returns/approve-rma.js';
import { listAuditEvents } from '../../src/store/repositories/audit.repository.js';
import { nextOrderNumber, openReturnCase, rmaBody } from './support/returns-world.js';

// `ladder returns rma label-sent|in-transit|receive|inspect|refund|credit|cancel` as a real process,
// mirroring POST /api/v1/rmas/:number/<move>.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

// Each run is a fresh process (several seconds each on a shared machine): generous per-test limits.
describe('ladder returns rma moves', { timeout: 240_000 }, () => {
  let t: TestApp;

  function ladder(args: string[]): { status: number | null; json: Record<string, unknown> | null; stderrLines: string[] } {
    const result = spawnSync(TSX, ['src/cli/main.ts', 'returns', 'rma', ...args], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, LADDER_DATA_DIR: t.store.dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
    });
    return {
      status: result.status,
      json: result.status === 0 ? JSON.parse(result.stdout) as Record<string, unknown> : null,
      stderrLines: result.stderr.split('\n').filter((l) => l !== ''),
    };
  }

  async function approvedRma(): Promise<string> {
    const order = nextOrderNumber('20261111');
    await openReturnCase(t, { number: order, placedAt: new Date(Date.now() - 10 * 86_400_000).toISOString(), deliveredAt: new Date(Date.now() - 5 * 86_400_000).toISOString() });
    const rma = await requestRma(t.store, t.actors.agent, rmaBody({ number: order }));
    return (await approveRma(t.store, t.actors.agent, { number: rma.number, body: {} })).number;
  }

  beforeAll(async () => { t = await createTestApp('sqlite'); });
  afterAll(async () => { await t?.close(); });

  it('walks label sent → in transit → received → inspected with the condition found → refunded, acting as the named user (R004-05..R004-07, R001-08)', async () => {
    const number = await approvedRma();
    const as = ['--as', 'agent@test.ladder'];
    expect(ladder(['label-sent', number, '--tracking', '1ZRET', '--carrier', 'UPS', ...as]).json).toMatchObject({ state: 'label_sent', trackingNumber: '1ZRET' });
    expect(ladder(['in-transit', number, ...as]).json).toMatchObject({ state: 'in_transit' });
    expect(ladder(['receive', number, '--note', 'box intact', ...as]).json).toMatchObject({ state: 'received', dueKind: 'processing' });
    const inspected = ladder(['inspect', number, '--outcome', 'damaged', '--condition', 'defective', ...as]).json;
    expect(inspected).toMatchObject({ state: 'inspected', items: [{ sku: 'EAR-01', inspection: { outcome: 'damaged', disposition: 'returns_area', conditionFound: 'defective' } }] });
    expect(ladder(['refund', number, ...as]).json).toMatchObject({ state: 'refunded', settledTotal: 17958 });
    const audit = await listAuditEvents(t.store.db, { entityType: 'rma', entityId: number, limit: 20 });
    expect(audit.filter((a) => a.action.startsWith('rma.')).map((a) => [a.action, a.actorId])).toEqual(expect.arrayContaining([
      ['rma.send_label', t.actors.agent.id], ['rma.inspect', t.actors.agent.id], ['rma.refund', t.actors.agent.id],
    ]));
  });

  it('pays out as store credit, inspecting per line; cancels with a reason', async () => {
    const credited = await approvedRma();
    for (const args of [['label-sent', credited], ['receive', credited], ['inspect', credited, '--line', 'EAR-01=resellable:opened']]) expect(ladder(args).status).toBe(0);
    const badAmount = ladder(['credit', credited, '--amount', '12,50']);
    expect([badAmount.status, badAmount.stderrLines]).toEqual([2, [expect.stringMatching(/^--amount: /)]]);
    expect(ladder(['credit', credited]).json).toMatchObject({ state: 'credited' });
    const cancelled = await approvedRma();
    expect(ladder(['cancel', cancelled, '--reason', 'customer kept it']).json).toMatchObject({ state: 'cancelled' });
  });

  it('bad input is exit 2 with one stderr line naming the option', async () => {
    const number = await approvedRma();
    const cases: [string[], string][] = [
      [['inspect', number, '--outcome', 'broken'], '--outcome: expected one of resellable, damaged'],
      [['inspect', number, '--condition', 'opened'], '--condition: goes with --outcome'],
      [['inspect', number], '--outcome: required'],
      [['inspect', number, '--line', 'EAR-01'], '--line: expected SKU=OUTCOME[:CONDITION]'],
      [['label-sent', number, '--tracking', 'x'.repeat(101)], '--tracking:'],
      [['receive', number], 'cannot receive a return in state approved'],
      [['in-transit', 'RMA-20261120-ZZZZ'], 'no such RMA'],
      [['receive', number, '--as', 'nobody@test.ladder'], '--as: no active user'],
    ];
    for (const [args, message] of cases) {
      const run = ladder(args);
      expect({ args, status: run.status }).toEqual({ args, status: 2 });
      expect(run.stderrLines).toEqual([expect.stringContaining(message)]);
    }
  });
});
