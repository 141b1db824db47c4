import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, createTestApp, type TestApp } from '../support/app.js';
import { cliEnvOf, ladder } from '../support/cli.js';
import { CASE_EXPORT_COLUMNS } from '../../src/services/exports/list-exports.js';
import { readCsv } from './read-csv.js';

// `ladder cases export` (issue 7 item 4): the CSV of GET /api/v1/cases?format=csv, from the CLI.

describe('ladder cases export', () => {
  let t: TestApp;
  const run = (...args: string[]) => ladder(cliEnvOf(t), ['cases', 'export', ...args]);
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    for (const category of ['damaged_item', 'order_status', 'chargeback']) {
      await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: auth(t.tokens.admin), payload: { category, customer: { id: `C-${category}` } } });
    }
  });
  afterAll(async () => { await t?.close(); });

  it('prints every matching case as CSV under the --as role; bad filters exit 2 naming the option', { timeout: 120_000 }, async () => {
    const [all, agent, filtered, bad, badBool] = await Promise.all([
      run(),
      run('--as', 'agent@test.ladder'),
      run('--category', 'damaged_item', '--sort', 'updated'),
      run('--sort', 'nope'),
      run('--open', 'maybe'),
    ]);
    expect(all.code, all.stderr).toBe(0);
    const everything = readCsv(all.stdout);
    expect(everything.header).toEqual([...CASE_EXPORT_COLUMNS]);
    expect(everything.rows.map((r) => r.category).sort()).toEqual(['chargeback', 'damaged_item', 'order_status']);
    expect(readCsv(agent.stdout).rows.map((r) => r.category).sort()).toEqual(['damaged_item', 'order_status']);
    expect(readCsv(filtered.stdout).rows.map((r) => r.category)).toEqual(['damaged_item']);
    expect([bad.code, bad.stderr]).toEqual([2, 'sort: expected one of created, updated, due, priority']);
    expect([badBool.code, badBool.stderr]).toEqual([2, '--open: expected true or false, got "maybe"']);
  });

  it('ladder logs queue --csv and ladder jobs list --csv print CSV; the supplier\'s has no column hidden from it', { timeout: 120_000 }, async () => {
    const env = cliEnvOf(t);
    const [supplier, backOffice, jobs] = await Promise.all([
      ladder(env, ['logs', 'queue', '--csv', '--as', 'supplier@test.ladder']),
      ladder(env, ['logs', 'queue', '--csv', '--as', 'back_office@test.ladder']),
      ladder(env, ['jobs', 'list', '--csv']),
    ]);
    expect(supplier.code, supplier.stderr).toBe(0);
    expect(readCsv(supplier.stdout).header).not.toContain('case.category');
    expect(readCsv(supplier.stdout).header).not.toContain('fields.offerDetail');
    expect(readCsv(backOffice.stdout).header).toEqual(expect.arrayContaining(['case.category', 'fields.offerDetail']));
    expect(readCsv(jobs.stdout).header).toEqual(['id', 'kind', 'key', 'state', 'attempts', 'maxAttempts', 'runAt', 'lastError', 'createdAt', 'updatedAt']);
  });
});
