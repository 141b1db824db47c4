import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ladder, useCliTestApp } from '../support/cli.js';
import { urgentWismoPolicy } from '../support/policy-texts.js';
import { listAuditEvents } from '../../src/store/repositories/audit.repository.js';

// `ladder policy apply FILE [--force]` against the test store: a policy whose own tests fail is
// refused (exit 1, one line naming them); --force applies it and the audit event says so.

describe('ladder policy apply', { timeout: 90_000 }, () => {
  const cli = useCliTestApp();
  const dir = mkdtempSync(join(tmpdir(), 'ladder-policy-apply-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a policy whose tests fail, naming them on one line; --force applies it and is audited', async () => {
    const file = join(dir, 'urgent-wismo.yaml');
    writeFileSync(file, urgentWismoPolicy());
    const refused = await ladder(cli.env, ['policy', 'apply', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/^tests: 6 of the policy's \d+ tests fail: "where is my order is L1 P3 \(R001-02, R001-13\)" \(line \d+\), .*--force/);
    expect((await ladder(cli.env, ['policy', 'versions'])).stdout).toBe('');

    const forced = await ladder(cli.env, ['policy', 'apply', file, '--force', '--label', 'WISMO same day']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toBe('policy version 1 is in force\n');
    const [event] = await listAuditEvents(cli.t.store.db, { entityType: 'policy', limit: 1 });
    expect(event).toMatchObject({ action: 'policy.applied', entityId: '1', actorId: null, data: { label: 'WISMO same day', force: true } });
    expect(event!.data.failedTests).toHaveLength(6);
  });
});
