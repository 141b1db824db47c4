import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { cliEnvOf, ladder } from '../support/cli.js';

// `ladder survey stats` (issue 7 item 3): the CSAT report of GET /api/v1/reports/csat.

describe('ladder survey stats', () => {
  let t: TestApp;
  const run = (...args: string[]) => ladder(cliEnvOf(t), ['survey', 'stats', ...args]);
  beforeAll(async () => { t = await createTestApp('sqlite'); });
  afterAll(async () => { await t?.close(); });

  it('prints CSAT as JSON or CSV; a bad date is exit 2 naming the option; an agent may not read it', { timeout: 120_000 }, async () => {
    const [json, csv, bad, agent] = await Promise.all([
      run('--from', '2026-11-01', '--to', '2026-12-01'),
      run('--csv'),
      run('--from', 'soon'),
      run('--as', 'agent@test.ladder'),
    ]);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ from: '2026-11-01T00:00:00.000Z', overall: { responses: 0, csat: null }, byTeam: [], byAgent: [] });
    expect(csv.stdout.split('\r\n')[0]).toBe('group,id,name,responses,satisfied,csat,average score');
    expect([bad.code, bad.stderr]).toEqual([2, 'from: expected an ISO 8601 date or date-time']);
    expect(agent.code).toBe(1);
  });
});
