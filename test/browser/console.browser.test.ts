import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isCi } from '../../src/config.js';
import { apiAs, CHROMIUM, openDesk, PASSWORD, screenshot, signIn, type Desk } from './console-harness.js';

// The web console driven in Debian's Chromium against a real server on a fresh SQLite desk
// (issue 8; the desk issue 2 promises after `npm start`). Without Chromium the suite fails in CI
// and is left out, with a warning, elsewhere.
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  if (isCi()) {
    test('CI has Chromium at /usr/bin/chromium for the browser suite', () => {
      expect(existsSync(CHROMIUM), 'install it: apt-get install -y chromium').toBe(true);
    });
  } else {
    console.warn(`browser suite left out: ${CHROMIUM} not found (apt-get install -y chromium)`);
  }
}

interface CaseJson {
  id: string;
  level: string;
}

describe.runIf(haveChromium)('console in a real browser', () => {
  let desk: Desk;

  beforeAll(async () => {
    desk = await openDesk();
  }, 180_000);

  afterAll(async () => {
    await desk?.close();
  });

  test('an agent opens a case through the form, sees its decision, logs a legal threat and the case escalates to L4 (R003-06, R002-02)', async () => {
    const page = await signIn(desk, desk.emails.agent);
    await page.getByRole('link', { name: 'New case' }).click();
    await page.getByLabel('Category').selectOption('damaged_item');
    await page.getByLabel('Subject').fill('Necklace arrived broken');
    await page.getByLabel('Customer id').fill('C-77');
    await page.getByLabel('Name').fill('Mia Moreno');
    await page.getByLabel('Order number').fill('ORD-20261101-0042');
    await page.getByLabel('Total').fill('129.00');
    await page.getByLabel('First customer message').fill('The necklace arrived broken, the clasp snapped off.');
    await page.getByRole('button', { name: 'Open case' }).click();

    await page.waitForURL(/\/cases\/\d+$/);
    const decision = page.getByRole('region', { name: 'Decision' });
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Case opened' }).count()).toBe(1);
    await decision.getByText('R003-03').first().waitFor();
    expect(await page.locator('.case-badges .badge').nth(1).textContent()).toContain('L1');

    await page.getByText('Log customer message').click();
    await page.getByRole('textbox', { name: 'Log customer message' }).fill('If this is not fixed I will have my attorney contact you.');
    await page.getByRole('button', { name: 'Log message' }).click();

    await page.locator('.case-badges').getByText('Escalated').waitFor();
    expect(await page.locator('.case-badges .badge').nth(1).textContent()).toContain('L4');
    await decision.getByText('Legal threat').first().waitFor();
    await decision.getByText('R003-06').waitFor();
    await page.getByRole('region', { name: 'Timeline' }).getByText('Ladder re-evaluated the decision').first().waitFor();
    await screenshot(page, 'a-agent-legal-threat-escalates');
    await page.close();
  }, 60_000);

  test('a lead finds a case from the keyboard and escalates it with a reason kept as the internal note (R002-08)', async () => {
    const opened = await apiAs<CaseJson>(desk, 'POST', '/cases', {
      category: 'wrong_item', subject: 'Sent the silver ring instead of gold', channel: 'email', storefront: 'web',
      customer: { id: 'C-88', name: 'Noor Haddad' }, timeline: [{ type: 'message', from: 'customer', text: 'I ordered the gold ring and got silver.' }],
    });
    const page = await signIn(desk, desk.emails.lead);
    await page.getByRole('link', { name: 'All cases' }).click();
    await page.getByRole('link', { name: /Necklace arrived broken/ }).waitFor();
    await page.keyboard.press('/');
    expect(await page.locator('input[type="search"]:focus').count()).toBe(1);
    await page.keyboard.type('silver ring');
    await expect.poll(() => page.getByRole('link', { name: /Necklace arrived broken/ }).count()).toBe(0);
    await page.getByRole('link', { name: /Sent the silver ring/ }).waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/cases/${opened.id}$`));

    await page.locator('summary', { hasText: /^Escalate$/ }).click();
    await page.getByLabel('Escalate to').selectOption('L3');
    await page.getByLabel('Reason (becomes the internal note)').fill('Customer rejected two replacements; second line should call.');
    await page.getByRole('button', { name: 'Escalate', exact: true }).click();

    const timeline = page.getByRole('region', { name: 'Timeline' });
    const note = timeline.locator('.entry.note').filter({ hasText: 'Customer rejected two replacements' });
    await note.waitFor();
    expect(await note.textContent()).toContain('Escalated L1 → L3');
    expect(await note.getByText('Internal').count()).toBe(1);
    expect(await page.locator('.case-badges .badge').nth(1).textContent()).toContain('L3');
    await screenshot(page, 'b-lead-escalates-with-note');
    await page.close();
  }, 60_000);

  test('the supplier signs in on a phone and sees only its own queue (R000-01)', async () => {
    const theirs = await apiAs<CaseJson>(desk, 'POST', '/cases', {
      category: 'incorrect_address', subject: 'Confirm the tax number for ORD-20261102-0007', customer: { id: 'C-91', name: 'Ola Berg' },
    });
    await apiAs(desk, 'POST', `/cases/${theirs.id}/assign`, { teamId: desk.supplierTeamId });
    await apiAs<CaseJson>(desk, 'POST', '/cases', { category: 'order_status', subject: 'Where is my bracelet', customer: { id: 'C-92', name: 'Ines Roy' } });

    const page = await signIn(desk, desk.emails.supplier, { width: 390, height: 844 });
    // The supplier lands on its tasks (issue 8 item 2); its team's cases are one tap away.
    await page.getByRole('heading', { name: 'Waiting on me' }).waitFor();
    await page.getByRole('navigation', { name: 'Queues and pages' }).getByRole('link', { name: 'My queue' }).click();
    await page.getByRole('heading', { name: 'My queue' }).waitFor();
    await page.getByRole('link', { name: /Confirm the tax number/ }).waitFor();
    expect(await page.getByText('Where is my bracelet').count()).toBe(0);
    expect(await page.getByText('Necklace arrived broken').count()).toBe(0);
    const nav = page.getByRole('navigation', { name: 'Queues and pages' });
    const links = await nav.getByRole('link').allTextContents();
    expect(links[0]).toBe('Waiting on me');
    expect(links.slice(-3)).toEqual(['My queue', 'Resolved & closed', 'API tokens']);
    expect(links).not.toContain('Dashboard');
    await screenshot(page, 'c-supplier-phone-queue');
    await page.close();
  }, 60_000);

  test('an admin adds a person who can then sign in', async () => {
    const page = await signIn(desk, desk.emails.admin);
    await page.getByRole('link', { name: 'Admin' }).click();
    const form = page.getByRole('region', { name: 'Add a person' });
    await form.getByLabel('Email').fill('new.agent@browser.test');
    await form.getByLabel('Name').fill('Nia Newcomer');
    await form.getByLabel('Role').selectOption('agent');
    await form.getByLabel('Password').fill(PASSWORD);
    await form.getByRole('button', { name: 'Add person' }).click();
    await form.getByRole('status').filter({ hasText: 'Added new.agent@browser.test' }).waitFor();
    await page.getByRole('cell', { name: 'new.agent@browser.test', exact: true }).waitFor();
    await screenshot(page, 'd-admin-creates-user');
    await page.close();

    const newcomer = await signIn(desk, 'new.agent@browser.test');
    expect(await newcomer.getByText('Nia Newcomer').count()).toBeGreaterThan(0);
    await newcomer.close();
  }, 60_000);
});
