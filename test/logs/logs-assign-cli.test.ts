import { describe, expect, it } from 'vitest';
import { ladder, useCliTestApp } from '../support/cli.js';
import { caseWithOrder } from './log-world.js';
import { openLogEntry } from '../../src/services/logs/open-log-entry.js';

// `ladder logs assign-supplier` as a real process: JSON out; bad input is one stderr line and exit 2.

describe('ladder logs assign-supplier', { timeout: 90_000 }, () => {
  const cli = useCliTestApp();

  it('hands an out-of-stock entry to the supplier team and takes it back; refusals name the field', async () => {
    const { caseId } = await caseWithOrder(cli.t, 'damaged_item', { fulfillment: 'unfulfilled' });
    await openLogEntry(cli.t.store, cli.t.actors.agent, { caseId, type: 'out_of_stock', fields: { sku: 'CLI-RING' } });
    const handed = await ladder(cli.env, ['logs', 'assign-supplier', caseId, 'supplier', '--as', 'back_office@test.ladder']);
    expect(handed.code, handed.stderr).toBe(0);
    expect(JSON.parse(handed.stdout)).toMatchObject({ caseId, supplierTeamId: String(cli.t.actors.supplier.teamId) });
    const back = await ladder(cli.env, ['logs', 'assign-supplier', caseId, '--none']);
    expect(JSON.parse(back.stdout)).toMatchObject({ supplierTeamId: null });

    const both = await ladder(cli.env, ['logs', 'assign-supplier', caseId, 'supplier', '--none']);
    expect([both.code, both.stderr.trim().split('\n').length]).toEqual([2, 1]);
    const asAgent = await ladder(cli.env, ['logs', 'assign-supplier', caseId, 'supplier', '--as', 'agent@test.ladder']);
    expect(asAgent.code).not.toBe(0);
    expect(asAgent.stderr.trim().split('\n')).toEqual([expect.stringContaining('logs assign')]);
    const unknown = await ladder(cli.env, ['logs', 'assign-supplier', caseId, 'nobody']);
    expect([unknown.code, unknown.stderr.trim().split('\n')]).toEqual([2, [expect.stringContaining('team')]]);
  });
});
