import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiAs, CHROMIUM, layoutProblems, openDesk, screenshot, signIn, type Desk } from './console-harness.js';

// Log types in the console (issue 8 item 1; R000-12 every request is logged with its template,
// R001-06 the out-of-stock check): the case page carries its template's form, a refused move names
// the missing field next to it, and each type has its own queue worked from the keyboard.

describe.runIf(existsSync(CHROMIUM))('log types in a real browser', () => {
  let desk: Desk;
  beforeAll(async () => { desk = await openDesk(); }, 180_000);
  afterAll(async () => { await desk?.close(); });

  test('an agent logs a case with its template and a refused move names the missing field (R000-12, R001-06)', async () => {
    const opened = await apiAs<{ id: string }>(desk, 'POST', '/cases', {
      category: 'out_of_stock', subject: 'Gold hoops out of stock', customer: { id: 'C-LG1', name: 'Tess Lund' }, order: { number: 'ORD-20261201-0101' },
    });
    const agent = await signIn(desk, desk.emails.agent);
    await agent.goto(`${desk.url}/cases/${opened.id}`);
    const panel = agent.getByRole('region', { name: 'Log entry' });
    expect(await panel.getByLabel('Log type').inputValue()).toBe('out_of_stock');
    await panel.getByRole('button', { name: 'Log it' }).click();
    // The SKU is required at opening: the server's refusal shows under the SKU field.
    await panel.locator('.field.has-error').filter({ hasText: 'SKU out of stock' }).waitFor();
    await panel.getByLabel('SKU out of stock (required)').fill('HOOP-GOLD-18');
    await panel.getByLabel('Units ordered').fill('2');
    await panel.getByRole('button', { name: 'Log it' }).click();
    const logged = agent.getByRole('region', { name: 'Log: Out of stock' });
    await logged.getByText('Reported: physical check and alternatives').waitFor();
    expect(await logged.getByLabel('SKU out of stock (required)').inputValue()).toBe('HOOP-GOLD-18');
    expect(await layoutProblems(agent)).toEqual([]);
    await screenshot(agent, 'g-agent-logs-out-of-stock');
    await agent.close();

    const lead = await signIn(desk, desk.emails.lead);
    await lead.getByRole('navigation', { name: 'Queues and pages' }).getByRole('link', { name: 'Out of stock' }).click();
    await lead.getByRole('heading', { name: 'Out of stock' }).waitFor();
    await lead.locator('.entry-card').filter({ hasText: 'ORD-20261201-0101' }).waitFor();
    await lead.keyboard.press('j');
    await lead.keyboard.press('Enter');
    await lead.waitForURL(`**/cases/${opened.id}`);
    const form = lead.getByRole('region', { name: 'Log: Out of stock' });
    await form.getByLabel('Alternatives (SKUs)').fill('HOOP-GOLD-20, HOOP-ROSE-18');
    await form.getByRole('button', { name: 'Propose alternatives' }).click();
    // Refused (412) with the physical count named: the message sits under that field.
    const countField = form.locator('.field.has-error').filter({ hasText: 'Real count after a physical check' });
    await countField.getByRole('alert').waitFor();
    await form.getByLabel('Real count after a physical check').fill('0');
    await form.getByRole('button', { name: 'Propose alternatives' }).click();
    await form.getByText('Alternatives proposed').first().waitFor();
    await screenshot(lead, 'h-lead-proposes-alternatives');
    await lead.close();
  }, 90_000);
});
