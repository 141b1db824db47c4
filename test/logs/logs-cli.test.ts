import { describe, expect, it } from 'vitest';
import { ladder, useCliTestApp } from '../support/cli.js';
import { caseWithOrder } from './log-world.js';

// `ladder logs …` as a real process against the test store: JSON out, one stderr line and exit 2 on bad input.

describe('ladder logs', { timeout: 90_000 }, () => {
  const cli = useCliTestApp();

  it('lists the types, opens, sets, moves and queues an entry as the named user', async () => {
    const types = await ladder(cli.env, ['logs', 'types', '--json']);
    expect(types.code).toBe(0);
    expect((JSON.parse(types.stdout) as { types: unknown[] }).types).toHaveLength(10);
    const { caseId } = await caseWithOrder(cli.t, 'processing_delay', { fulfillment: 'unfulfilled' });
    const opened = await ladder(cli.env, ['logs', 'open', caseId, '--type', 'processing_delay', '--field', 'originalShipDate=2026-11-20', '--as', 'back_office@test.ladder']);
    expect(opened.code).toBe(0);
    expect(JSON.parse(opened.stdout)).toMatchObject({ state: 'at_risk', fields: { originalShipDate: '2026-11-20' } });
    expect((await ladder(cli.env, ['logs', 'move', caseId, 'supplier_follow_up', '--as', 'back_office@test.ladder'])).code).toBe(0);
    const set = await ladder(cli.env, ['logs', 'set', caseId, '--field', 'cause=supplier_delay', '--field', 'newShipDate=2026-11-28', '--as', 'supplier@test.ladder']);
    expect(set.code).toBe(0);
    const queue = await ladder(cli.env, ['logs', 'queue', '--waiting-on', 'supplier', '--as', 'supplier@test.ladder']);
    expect(queue.stdout).toContain(`case ${caseId}`);
    const moved = await ladder(cli.env, ['logs', 'move', caseId, 'cause_confirmed', '--as', 'supplier@test.ladder']);
    expect(JSON.parse(moved.stdout)).toMatchObject({ state: 'cause_confirmed' });
  });

  it('bad input exits 2 with one stderr line naming the field', async () => {
    const { caseId } = await caseWithOrder(cli.t, 'out_of_stock');
    const missing = await ladder(cli.env, ['logs', 'open', caseId, '--type', 'out_of_stock', '--as', 'agent@test.ladder']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.split('\n')).toEqual([expect.stringContaining('fields.sku')]);
    const badPair = await ladder(cli.env, ['logs', 'set', caseId, '--field', 'nokey']);
    expect(badPair.code).toBe(2);
    expect(badPair.stderr.split('\n')).toHaveLength(1);
    const badMove = await ladder(cli.env, ['logs', 'move', '99999', 'resolved']);
    expect(badMove.code).toBe(2);
    expect(badMove.stderr).toContain('id');
  });
});
