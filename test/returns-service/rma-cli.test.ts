import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { requestRma } from '../../src/services/returns/request-rma.js';
import { nextOrderNumber, openReturnCase, rmaBody } from './support/returns-world.js';

// `ladder returns rma list|show|approve|deny` as a real process against the store the test app uses.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

describe('ladder returns rma', () => {
  let t: TestApp;
  let big: string;
  let small: string;

  function ladder(args: string[]): { status: number | null; stdout: string; stderrLines: string[] } {
    const result = spawnSync(TSX, ['src/cli/main.ts', 'returns', 'rma', ...args], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, LADDER_DATA_DIR: t.store.dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
    });
    return { status: result.status, stdout: result.stdout, stderrLines: result.stderr.split('\n').filter((l) => l !== '') };
  }

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    const bigOrder = nextOrderNumber('20261111');
    await openReturnCase(t, { number: bigOrder, placedAt: new Date(Date.now() - 10 * 86_400_000).toISOString(), deliveredAt: new Date(Date.now() - 5 * 86_400_000).toISOString() });
    big = (await requestRma(t.store, t.actors.lead, rmaBody({ number: bigOrder, lines: [{ sku: 'TV-55', unitPrice: '650.00' }], returns: [{ sku: 'TV-55' }] }))).number;
    const smallOrder = nextOrderNumber('20261111');
    await openReturnCase(t, { number: smallOrder, placedAt: new Date(Date.now() - 10 * 86_400_000).toISOString(), deliveredAt: new Date(Date.now() - 5 * 86_400_000).toISOString() });
    small = (await requestRma(t.store, t.actors.agent, rmaBody({ number: smallOrder }))).number;
  });
  afterAll(async () => { await t?.close(); });

  it('lists RMAs, the one waiting for a supervisor marked (R004-08)', () => {
    const run = ladder(['list', '--json', '--awaiting-approval']);
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { items: { number: string }[] }).items.map((i) => i.number)).toEqual([big]);
    const text = ladder(['list']);
    expect(text.stdout).toContain(`${big}  requested`);
    expect(text.stdout).toContain('needs approval');
  });

  it('shows one RMA as JSON', () => {
    const run = ladder(['show', small.toLowerCase()]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ number: small, state: 'requested', refundTotal: 17958 });
  });

  it('approves only as a named supervisor other than the requester (four eyes)', () => {
    const anonymous = ladder(['approve', big]);
    expect(anonymous.status).toBe(1);
    expect(anonymous.stderrLines).toEqual([expect.stringContaining('named person')]);
    const requester = ladder(['approve', big, '--as', 'lead@test.ladder']);
    expect(requester.stderrLines).toEqual([expect.stringContaining('four eyes')]);
    const other = ladder(['approve', big, '--as', 'escalations@test.ladder']);
    expect(other.status).toBe(0);
    expect(JSON.parse(other.stdout)).toMatchObject({ state: 'approved', approvedBy: String(t.actors.escalations.id) });
  });

  it('denies with a reason; a second decision is refused as an invalid transition (exit 2, like all refused input)', () => {
    expect(ladder(['deny', small, '--reason', 'opened and used', '--as', 'agent@test.ladder']).status).toBe(0);
    const again = ladder(['approve', small, '--as', 'agent@test.ladder']);
    expect(again.status).toBe(2);
    expect(again.stderrLines).toEqual([expect.stringContaining('cannot approve a return in state denied')]);
    expect(ladder(['show', 'RMA-20261120-ZZZZ']).status).toBe(2);
    expect(ladder(['list', '--limit', 'x']).status).toBe(2);
  });
});
