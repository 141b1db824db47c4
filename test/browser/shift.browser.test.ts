import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiAs, CHROMIUM, openDesk, screenshot, signIn, type Desk } from './console-harness.js';

// The shift desk in the browser (R001-01, R001-12): the outgoing lead sees what is handed over and
// signs it off; another lead acknowledges it. (console.browser.test.ts reports a missing Chromium.)

describe.runIf(existsSync(CHROMIUM))('shift desk in a real browser', () => {
  let desk: Desk;
  beforeAll(async () => { desk = await openDesk(); }, 180_000);
  afterAll(async () => { await desk?.close(); });

  test('a lead hands the shift over with its open escalations and another lead acknowledges it', async () => {
    const opened = await apiAs<{ id: string }>(desk, 'POST', '/cases', {
      category: 'wrong_item', subject: 'Gold ring sent as silver', customer: { id: 'C-SH1', name: 'Rae Kim' }, order: { number: 'ORD-20261122-0042' },
    });
    await apiAs(desk, 'POST', `/cases/${opened.id}/escalate`, { to: 'L3', reason: 'second wrong item this month' });

    const lead = await signIn(desk, desk.emails.lead);
    await lead.getByRole('link', { name: 'Shift & handoff' }).click();
    const log = lead.getByRole('region', { name: 'Escalations log' });
    await log.getByRole('cell', { name: 'ORD-20261122-0042' }).waitFor();
    expect(await log.getByText('second wrong item this month').count()).toBe(1);
    const open = lead.getByRole('region', { name: 'Open escalations' });
    await open.getByRole('link', { name: /Gold ring sent as silver/ }).waitFor();
    await lead.getByRole('textbox', { name: 'Shift', exact: true }).fill('evening');
    await lead.getByLabel('Note for the incoming lead').fill('Call Rae Kim first thing.');
    await lead.getByRole('button', { name: 'Sign off handoff' }).click();
    const recent = lead.getByRole('region', { name: 'Recent handoffs' });
    await recent.getByText('waiting for the incoming lead').waitFor();
    await screenshot(lead, 'e-lead-signs-off-shift');
    await lead.close();

    const incoming = await signIn(desk, desk.emails.admin);
    await incoming.getByRole('link', { name: 'Shift & handoff' }).click();
    await incoming.getByRole('button', { name: 'Acknowledge' }).click();
    await incoming.getByRole('region', { name: 'Recent handoffs' }).getByText(/acknowledged by/).waitFor();
    await screenshot(incoming, 'f-incoming-lead-acknowledges');
    await incoming.close();
  }, 90_000);
});
