import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiAs, CHROMIUM, layoutProblems, openDesk, screenshot, signIn, type Desk } from './console-harness.js';

// Team calendars in administration (issue 8 item 3; issue 4 item 1 business calendars): the admin
// sets a team's zone, weekly windows, holiday preset and own dates off; what the server refuses is
// shown under the field it names.

describe.runIf(existsSync(CHROMIUM))('team calendars in a real browser', () => {
  let desk: Desk;
  beforeAll(async () => { desk = await openDesk(); }, 180_000);
  afterAll(async () => { await desk?.close(); });

  test('an admin gives a team its own calendar and sees the server\'s refusals beside the fields', async () => {
    const page = await signIn(desk, desk.emails.admin);
    await page.goto(`${desk.url}/admin/teams`);
    const panel = page.getByRole('region', { name: 'Team calendar' });
    await panel.getByLabel('Team').selectOption({ label: 'Fulfillment supplier' });
    await panel.getByLabel('Time zone (IANA)').fill('Europe/Atlantis');
    await panel.getByLabel('Monday').fill('09:00-17:00');
    await panel.getByRole('button', { name: 'Save calendar' }).click();
    await panel.locator('.field.has-error').filter({ hasText: 'Time zone (IANA)' }).getByRole('alert').filter({ hasText: 'not an IANA time zone' }).waitFor();

    await panel.getByLabel('Time zone (IANA)').fill('Europe/Berlin');
    await panel.getByLabel('Tuesday').fill('09:00-17:60');
    await panel.getByRole('button', { name: 'Save calendar' }).click();
    await panel.locator('.field.has-error').filter({ hasText: 'Tuesday' }).getByRole('alert').waitFor();

    await panel.getByLabel('Tuesday').fill('09:00-12:00, 13:00-17:00');
    await panel.getByLabel('Saturday').fill('');
    await panel.getByLabel('Sunday').fill('');
    await panel.getByLabel('Public holidays preset').fill('DE');
    await panel.getByLabel('Other days off').fill('2026-12-24\n2026-12-31');
    await panel.getByRole('button', { name: 'Save calendar' }).click();
    await panel.getByRole('status').filter({ hasText: /^Saved\./ }).waitFor();
    expect(await layoutProblems(page)).toEqual([]);
    await screenshot(page, 'q1-admin-team-calendar');
    await page.close();

    const stored = await apiAs<{ calendar: { timeZone: string; week: Record<string, unknown>; holidays: string[]; holidayPreset: string } }>(desk, 'GET', `/teams/${desk.supplierTeamId}/calendar`);
    expect(stored.calendar.timeZone).toBe('Europe/Berlin');
    expect(stored.calendar.week.tue).toEqual([{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }]);
    expect(stored.calendar.week.sat).toBeUndefined();
    expect(stored.calendar.holidayPreset).toBe('DE');
    expect(stored.calendar.holidays).toEqual(['2026-12-24', '2026-12-31']);
  }, 90_000);

  test('an admin takes a team back to the policy\'s calendar after confirming', async () => {
    // The first test gave the supplier team its own calendar.
    const admin = await signIn(desk, desk.emails.admin);
    await admin.goto(`${desk.url}/admin/teams`);
    const panel = admin.getByRole('region', { name: 'Team calendar' });
    await panel.getByLabel('Team').selectOption({ label: 'Fulfillment supplier' });
    await panel.getByText('This team has its own calendar.').waitFor();
    admin.once('dialog', (d) => void d.accept());
    await panel.getByRole('button', { name: "Use the policy's calendar" }).click();
    await panel.getByRole('status').filter({ hasText: /^Back on the policy's calendar\./ }).waitFor();
    await panel.getByText("This team follows the policy's calendar; saving gives it its own.").waitFor();
    expect(await panel.getByRole('button', { name: "Use the policy's calendar" }).count()).toBe(0);
    await admin.close();
    const stored = await apiAs<{ calendar: unknown; effective: { source: string } }>(desk, 'GET', `/teams/${desk.supplierTeamId}/calendar`);
    expect(stored.calendar).toBeNull();
    expect(stored.effective.source).toBe('policy');
  }, 60_000);

  test('an admin changes a person\'s role and team in place', async () => {
    const page = await signIn(desk, desk.emails.admin);
    await page.goto(`${desk.url}/admin/users`);
    await page.getByLabel(`Role of ${desk.emails.compliance}`).selectOption('lead');
    await page.getByLabel(`Team of ${desk.emails.compliance}`).selectOption({ label: 'First line' });
    await page.waitForFunction(`document.querySelector('select[aria-label="Team of ${desk.emails.compliance}"]')?.selectedOptions[0]?.textContent === 'First line'`);
    await page.waitForFunction(`!document.querySelector('select[aria-label="Team of ${desk.emails.compliance}"]')?.disabled`);
    const users = await apiAs<{ items: { email: string; role: string; teamId: string | null }[] }>(desk, 'GET', '/users');
    const cora = users.items.find((u) => u.email === desk.emails.compliance)!;
    expect(cora.role).toBe('lead');
    expect(cora.teamId).not.toBeNull();
    await page.close();
  }, 60_000);
});
