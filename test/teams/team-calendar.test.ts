import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { auth, createTestApp, type TestApp } from '../support/app.js';
import { listCaseClocks } from '../../src/store/repositories/case-clock.repository.js';
import { listAuditEvents } from '../../src/store/repositories/audit.repository.js';
import { nextOrderNumber, openReturnCase, pinClock, restoreClock } from '../returns-service/support/returns-world.js';

const dialects = await availableDialects();
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const weekdays = (start: string, end: string) => Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start, end }]]));
const TOKYO = { timeZone: 'Asia/Tokyo', week: weekdays('09:00', '17:00') };

// Issue 4 item 1. A P3 case opened Friday 2026-11-20 at 10:00 New York (15:00Z) owes its first
// response within 240 business minutes: 19:00Z under the policy's New York calendar. Under a Tokyo
// calendar (15:00Z is after midnight Saturday there) it is Monday 13:00 JST, 2026-11-23T04:00Z —
// and Tuesday when the JP preset makes Monday 23 November (Labour Thanksgiving Day) a day off.

describe.each(dialects)('team calendars over the API on %s', (dialect) => {
  let t: TestApp;
  let teamId: string;
  let caseId: string;

  const put = (body: unknown, token = t.tokens.admin, id = teamId) =>
    t.app.inject({ method: 'PUT', url: `/api/v1/teams/${id}/calendar`, headers: auth(token), payload: body as object });
  const firstResponseDue = async () => (await listCaseClocks(t.store.db, Number(caseId))).find((c) => c.kind === 'first_response')?.dueAt;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    pinClock('2026-11-20T15:00:00Z');
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/teams', headers: auth(t.tokens.admin), payload: { key: 'first_line', name: 'First line', kind: 'support' } });
    teamId = (created.json() as { id: string }).id;
    caseId = await openReturnCase(t, { number: nextOrderNumber() });
  });
  afterAll(async () => {
    restoreClock();
    await t?.close();
  });

  it('a team without a calendar shows none of its own and counts in the policy\'s', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/teams/${teamId}/calendar`, headers: auth(t.tokens.agent) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ teamId, key: 'first_line', calendar: null, effective: { source: 'policy', calendar: { timeZone: 'America/New_York', holidayPreset: 'US' } } });
    expect(await firstResponseDue()).toBe('2026-11-20T19:00:00.000Z');
  });

  it('setting a calendar recomputes the team\'s open case clocks and is audited (issue 4 item 1)', async () => {
    const res = await put(TOKYO);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ calendar: TOKYO, effective: { source: 'team' }, recomputedClocks: 2 });
    expect(await firstResponseDue()).toBe('2026-11-23T04:00:00.000Z');

    expect((await put({ ...TOKYO, holidayPreset: 'jp' })).json()).toMatchObject({ calendar: { holidayPreset: 'JP' } });
    expect(await firstResponseDue()).toBe('2026-11-24T04:00:00.000Z');
    // A custom date off works the same way: Tuesday 24 off too.
    expect((await put({ ...TOKYO, holidayPreset: 'JP', holidays: ['2026-11-24'] })).statusCode).toBe(200);
    expect(await firstResponseDue()).toBe('2026-11-25T04:00:00.000Z');

    const audit = await listAuditEvents(t.store.db, { entityType: 'team', entityId: teamId, limit: 10 });
    expect(audit.filter((a) => a.action === 'team.calendar_changed')).toHaveLength(3);
    expect(audit[0]).toMatchObject({ actorId: t.actors.admin.id, data: { before: { holidayPreset: 'JP' }, after: { holidays: ['2026-11-24'] } } });
  });

  it('bad calendars are 422 with the field named; only admins may set one', async () => {
    const cases: [unknown, string][] = [
      [{ ...TOKYO, timeZone: 'Mars/Olympus' }, 'calendar.timeZone'],
      [{ ...TOKYO, week: { mon: [{ start: '09:00', end: '08:00' }] } }, 'calendar.week.mon[0].end'],
      [{ ...TOKYO, week: { mon: [{ start: '09:00', end: '13:00' }, { start: '12:00', end: '17:00' }] } }, 'calendar.week.mon[1].start'],
      [{ ...TOKYO, week: { funday: [] } }, 'calendar.week.funday'],
      [{ ...TOKYO, holidays: ['2026-02-30'] }, 'calendar.holidays[0]'],
      [{ ...TOKYO, holidayPreset: 'XX' }, 'calendar.holidayPreset'],
      [{ ...TOKYO, zone: 'UTC' }, 'calendar.zone'],
    ];
    for (const [body, field] of cases) {
      const res = await put(body);
      expect({ field, status: res.statusCode }).toEqual({ field, status: 422 });
      expect((res.json() as { error: { field: string } }).error.field).toBe(field);
    }
    expect((await put(TOKYO, t.tokens.lead)).statusCode).toBe(403);
    expect((await put(TOKYO, t.tokens.admin, '999999')).statusCode).toBe(404);
  });

  it('resetting takes the team back to the policy\'s calendar, recomputes its open case clocks and is audited', async () => {
    const reset = (token = t.tokens.admin, id = teamId) => t.app.inject({ method: 'DELETE', url: `/api/v1/teams/${id}/calendar`, headers: auth(token) });
    expect((await put(TOKYO)).statusCode).toBe(200);
    expect(await firstResponseDue()).toBe('2026-11-23T04:00:00.000Z');
    expect((await reset(t.tokens.lead)).statusCode).toBe(403);
    expect((await reset(t.tokens.admin, '999999')).statusCode).toBe(404);

    const res = await reset();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ teamId, calendar: null, effective: { source: 'policy', calendar: { timeZone: 'America/New_York' } }, recomputedClocks: 2 });
    expect(await firstResponseDue()).toBe('2026-11-20T19:00:00.000Z');
    const audit = await listAuditEvents(t.store.db, { entityType: 'team', entityId: teamId, limit: 10 });
    expect(audit[0]).toMatchObject({ action: 'team.calendar_reset', actorId: t.actors.admin.id, data: { before: { timeZone: 'Asia/Tokyo' }, after: null, recomputedClocks: 2 } });

    // Already on the policy's calendar: nothing changes and nothing more is audited.
    expect((await reset()).json()).toMatchObject({ calendar: null, recomputedClocks: 0 });
    expect((await listAuditEvents(t.store.db, { entityType: 'team', entityId: teamId, limit: 10 })).filter((e) => e.action === 'team.calendar_reset')).toHaveLength(1);
  });
});

describe('ladder teams calendar', () => {
  let t: TestApp;
  const ladder = (args: string[], input?: string) => {
    const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/cli/main.ts', 'teams', 'calendar', ...args], {
      cwd: ROOT, encoding: 'utf8', input, env: { ...process.env, LADDER_DATA_DIR: t.store.dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
    });
    return { status: r.status, stdout: r.stdout, stderrLines: r.stderr.split('\n').filter((l) => l !== '') };
  };
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    await t.app.inject({ method: 'POST', url: '/api/v1/teams', headers: auth(t.tokens.admin), payload: { key: 'leads', name: 'Leads', kind: 'support' } });
  });
  afterAll(async () => { await t?.close(); });

  it('sets a calendar from a file and shows it; a bad one is exit 2 with one line naming the field', { timeout: 120_000 }, () => {
    const file = join(t.store.dataDir, 'calendar.json');
    writeFileSync(file, JSON.stringify({ ...TOKYO, holidayPreset: 'JP' }));
    const set = ladder(['set', 'leads', file, '--as', 'admin@test.ladder']);
    expect(set.status).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ key: 'leads', calendar: { timeZone: 'Asia/Tokyo', holidayPreset: 'JP' } });
    expect(JSON.parse(ladder(['show', 'leads']).stdout)).toMatchObject({ effective: { source: 'team', calendar: { timeZone: 'Asia/Tokyo' } } });

    const bad = ladder(['set', 'leads', '-'], JSON.stringify({ ...TOKYO, timeZone: 'Nowhere/Town' }));
    expect([bad.status, bad.stderrLines]).toEqual([2, [expect.stringMatching(/^calendar\.timeZone: /)]]);
    expect(ladder(['show', 'nope']).stderrLines).toEqual(['team: no team with key "nope"']);
  });

  it('reset takes the team back to the policy\'s calendar', { timeout: 120_000 }, () => {
    writeFileSync(join(t.store.dataDir, 'tokyo.json'), JSON.stringify(TOKYO));
    expect(ladder(['set', 'leads', join(t.store.dataDir, 'tokyo.json'), '--as', 'admin@test.ladder']).status).toBe(0);
    const reset = ladder(['reset', 'leads', '--as', 'admin@test.ladder']);
    expect(reset.status).toBe(0);
    expect(JSON.parse(reset.stdout)).toMatchObject({ key: 'leads', calendar: null, effective: { source: 'policy' } });
    expect(ladder(['reset', 'nope']).stderrLines).toEqual(['team: no team with key "nope"']);
  });
});
