import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { auth, createTestApp, type TestApp } from '../support/app.js';
import { readDefaultPolicyText } from '../../src/integrations/policy-file.js';
import { urgentWismoPolicy } from '../support/policy-texts.js';
import { openCase } from '../../src/services/cases/open-case.js';

const dialects = await availableDialects();

// Issue 8 item 6 (issue 3 item 6): before applying an edited policy, an admin runs its examples and
// backtests it over the stored cases from the console. Neither stores anything.

describe.each(dialects)('policy tests and backtest over the API on %s', (dialect) => {
  let t: TestApp;
  const post = (url: string, payload: object, token = t.tokens.admin) => t.app.inject({ method: 'POST', url: `/api/v1/policy/${url}`, headers: auth(token), payload });
  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => { await t?.close(); });

  it('the default policy\'s examples all pass; each example reports its name and line', async () => {
    const res = await post('test', { yaml: readDefaultPolicyText() });
    expect(res.statusCode).toBe(200);
    const report = res.json() as { passed: number; failed: number; results: { name: string; line: number | null; passed: boolean }[] };
    expect(report.failed).toBe(0);
    expect(report.passed).toBe(report.results.length);
    expect(report.results.length).toBeGreaterThan(0);
    expect(report.results[0]!.line).toBeGreaterThan(0);
  });

  it('an invalid policy is 422 with every problem, for tests and backtest alike', async () => {
    for (const url of ['test', 'backtest']) {
      const res = await post(url, { yaml: 'categories: 12' });
      expect(res.statusCode).toBe(422);
      expect((res.json() as { error: { code: string } }).error.code).toBe('invalid_policy');
    }
    expect((await post('backtest', { yaml: readDefaultPolicyText(), examples: 1000 })).json()).toMatchObject({ error: { field: 'examples' } });
  });

  it('the backtest previews what the edit changes over the stored cases and writes nothing (issue 3 item 6)', async () => {
    for (let i = 0; i < 2; i++) await openCase(t.store, t.actors.agent, { body: { category: 'order_status' } });
    const before = await t.store.db.selectFrom('cases').select(['id', 'priority']).orderBy('id').execute();
    const res = await post('backtest', { yaml: urgentWismoPolicy(), examples: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ cases: 2, changed: { priority: 2 }, transitions: { 'P3→P2': 2 } });
    expect((res.json() as { examples: unknown[] }).examples).toHaveLength(1);
    expect(await t.store.db.selectFrom('cases').select(['id', 'priority']).orderBy('id').execute()).toEqual(before);
  });

  it('only who may manage the policy previews one', async () => {
    expect((await post('test', { yaml: readDefaultPolicyText() }, t.tokens.lead)).statusCode).toBe(403);
    expect((await post('backtest', { yaml: readDefaultPolicyText() }, t.tokens.lead)).statusCode).toBe(403);
  });
});
