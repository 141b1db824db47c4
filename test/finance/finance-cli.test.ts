import { describe, expect, it } from 'vitest';
import { ladder, useCliTestApp } from '../support/cli.js';

// `ladder finance …` as a real process: the form, four eyes, the tracker as CSV (R000-09).

describe('ladder finance', { timeout: 90_000 }, () => {
  const cli = useCliTestApp();

  it('records, approves with four eyes, performs, and prints the tracker as CSV', async () => {
    const recorded = await ladder(cli.env, ['finance', 'record', '--kind', 'refund', '--amount', '600.00', '--currency', 'EUR', '--method', 'bank_transfer', '--reason', 'BIG5 refund', '--as', 'agent@test.ladder']);
    expect(recorded.code, recorded.stderr).toBe(0);
    const entry = JSON.parse(recorded.stdout) as { id: string; state: string };
    expect(entry.state).toBe('pending_approval');
    const self = await ladder(cli.env, ['finance', 'move', entry.id, 'approved', '--as', 'agent@test.ladder']);
    expect(self.code).toBe(1);
    expect(JSON.parse((await ladder(cli.env, ['finance', 'move', entry.id, 'approved', '--as', 'lead@test.ladder'])).stdout)).toMatchObject({ state: 'approved' });
    expect(JSON.parse((await ladder(cli.env, ['finance', 'move', entry.id, 'performed', '--reference', 'SEPA-1', '--as', 'back_office@test.ladder'])).stdout)).toMatchObject({ state: 'performed' });
    const csv = await ladder(cli.env, ['finance', 'tracker', '--csv', '--as', 'compliance@test.ladder']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n').filter((l) => l.startsWith('large_refund,'))).toHaveLength(1);
  });

  it('bad input exits 2 with one stderr line naming the field', async () => {
    const bad = await ladder(cli.env, ['finance', 'record', '--kind', 'refund', '--amount', 'ten', '--currency', 'EUR', '--method', 'paypal', '--reason', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual([expect.stringContaining('amount')]);
    const year = await ladder(cli.env, ['finance', 'tracker', '--year', 'last']);
    expect(year.code).toBe(2);
    expect(year.stderr).toContain('year');
  });
});
