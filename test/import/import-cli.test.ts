import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ladder } from '../support/cli.js';

const dataDir = mkdtempSync(join(tmpdir(), 'ladder-import-cli-'));
const env = { LADDER_DATA_DIR: dataDir };
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('ladder import (issue 7 item 4)', () => {
  it('a dry run with bad rows prints each as FILE: line N: field: problem and exits 2', async () => {
    const r = await ladder(env, ['import', 'examples/import/chargebacks.sample.csv', '--mapping', 'examples/import/chargebacks.mapping.yaml', '--dry-run']);
    expect(r.stdout).toBe(
      'examples/import/chargebacks.sample.csv: line 4: order.total: expected a decimal string\n'
      + 'chargebacks (chargebacks-fraud-risk) dry run: 3 rows, 2 valid, 1 with errors; nothing written\n',
    );
    expect(r.stderr).toBe(''); // no progress line when stderr is not a terminal
    expect(r.code).toBe(2);
  }, 60_000);

  it('an invalid mapping file exits 2 naming the file and path', async () => {
    const bad = join(dataDir, 'bad.yaml');
    writeFileSync(bad, 'sheet: escalations_log\ncategory: order_status\ncolumns: { Time: when }\n');
    const r = await ladder(env, ['import', 'examples/import/escalations-log.sample.csv', '--mapping', bad]);
    expect(r.stderr).toMatch(new RegExp(`^${bad}: columns\\.Time: expected one of subject`));
    expect(r.code).toBe(2);
  }, 60_000);

  it('imports, then a second run skips every row; --progress reports on stderr', async () => {
    const args = ['import', 'examples/import/refunds.sample.csv', '--mapping', 'examples/import/refunds.mapping.yaml'];
    const first = await ladder(env, [...args, '--progress']);
    expect(first.stdout).toBe('refunds (refunds-tracker-2025) imported: 2 rows, 2 cases opened, 2 moved to their sheet status, 0 already imported, 0 with errors\n');
    expect(first.stderr).toMatch(/2 rows .* rows\/s {2}2 opened/);
    expect(first.code).toBe(0);
    const again = await ladder(env, args);
    expect(again.stdout).toMatch(/0 cases opened, 0 moved to their sheet status, 2 already imported/);
  }, 60_000);
});
