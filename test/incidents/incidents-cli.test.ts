import { describe, expect, it } from 'vitest';
import { ladder, useCliTestApp } from '../support/cli.js';
import { caseWithOrder } from '../logs/log-world.js';

// `ladder incidents …` as a real process against the test store: JSON out, one stderr line and exit 2 on bad input.

describe('ladder incidents', { timeout: 90_000 }, () => {
  const cli = useCliTestApp();

  it('opens, links, lists, shows, suggests and moves an incident as the named user (R000-07, R003-04)', async () => {
    const a = await caseWithOrder(cli.t, 'damaged_item');
    const b = await caseWithOrder(cli.t, 'missing_item');
    const opened = await ladder(cli.env, ['incidents', 'open', '--title', 'Clasp breaking', '--case', a.caseId, '--as', 'agent@test.ladder']);
    expect(opened.code, opened.stderr).toBe(0);
    const id = (JSON.parse(opened.stdout) as { id: string }).id;
    const linked = await ladder(cli.env, ['incidents', 'link', id, b.caseId, '--as', 'agent@test.ladder']);
    expect(JSON.parse(linked.stdout)).toMatchObject({ caseCount: 2 });
    const list = await ladder(cli.env, ['incidents', 'list', '--as', 'compliance@test.ladder']);
    expect(list.stdout).toContain(`#${id}`);
    expect(JSON.parse((await ladder(cli.env, ['incidents', 'show', id])).stdout)).toMatchObject({ title: 'Clasp breaking', caseCount: 2 });
    const suggest = await ladder(cli.env, ['incidents', 'suggest', '--as', 'lead@test.ladder']);
    expect(suggest.code).toBe(0);
    expect(JSON.parse(suggest.stdout)).toMatchObject({ settings: { minCases: 3, windowDays: 7 } });
    expect(JSON.parse((await ladder(cli.env, ['incidents', 'move', id, 'monitoring', '--as', 'lead@test.ladder'])).stdout)).toMatchObject({ status: 'monitoring' });
    expect(JSON.parse((await ladder(cli.env, ['incidents', 'unlink', id, b.caseId, '--as', 'lead@test.ladder'])).stdout)).toMatchObject({ caseCount: 1 });
  });

  it('bad input exits 2 with one stderr line naming the field', async () => {
    const noTitle = await ladder(cli.env, ['incidents', 'open', '--title', ' ', '--as', 'agent@test.ladder']);
    expect(noTitle.code).toBe(2);
    expect(noTitle.stderr.trim().split('\n')).toEqual([expect.stringContaining('title')]);
    const badMove = await ladder(cli.env, ['incidents', 'move', '99999', 'resolved']);
    expect(badMove.code).toBe(2);
    expect(badMove.stderr).toContain('id');
    const badCase = await ladder(cli.env, ['incidents', 'open', '--title', 'x', '--case', 'abc']);
    expect(badCase.code).toBe(2);
    expect(badCase.stderr).toContain('caseIds[0]');
  });
});
