import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiAs, CHROMIUM, layoutProblems, openDesk, screenshot, signIn, type Desk } from './console-harness.js';

// The supplier portal (issue 8 item 2; R000-02 back office proposes, the supplier sources from the
// alternatives; R001-06 outcome substitute/backorder/refund): the supplier works its task from a
// phone, sees only what the task needs, and the desk sees the outcome on the case.

const PHONE = { width: 390, height: 844 };

/** Controls a thumb must hit: at least 40 px tall (WCAG 2.5.8 asks 24; phones want ~44). */
async function smallTapTargets(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const small = [];
    for (const el of document.querySelectorAll('main button, main input, main select, main textarea, main a.entry-link, nav a')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.height < 40) small.push(el.tagName.toLowerCase() + ' "' + (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40) + '" ' + Math.round(r.height) + 'px');
    }
    return small;
  })()`);
}

describe.runIf(existsSync(CHROMIUM))('supplier portal in a real browser', () => {
  let desk: Desk;
  beforeAll(async () => { desk = await openDesk(); }, 180_000);
  afterAll(async () => { await desk?.close(); });

  test('the supplier resolves an out-of-stock task from a phone and the case shows it (R000-02, R001-06)', async () => {
    const opened = await apiAs<{ id: string }>(desk, 'POST', '/cases', {
      category: 'out_of_stock', subject: 'Silver chain out of stock', customer: { id: 'C-SP1', name: 'Mira Holt', phone: '+15550100' }, order: { number: 'ORD-20261202-0202' },
    });
    // The desk logs it and back office proposes alternatives (R000-02).
    await apiAs(desk, 'POST', `/cases/${opened.id}/log`, { type: 'out_of_stock', fields: { sku: 'CHAIN-SLV-45', quantity: 1 } });
    await apiAs(desk, 'PATCH', `/cases/${opened.id}/log`, { fields: { physicalCount: 0, systemCount: 3, alternatives: ['CHAIN-SLV-50', 'CHAIN-GLD-45'] } });
    await apiAs(desk, 'POST', `/cases/${opened.id}/log/transitions`, { to: 'alternatives_proposed' });

    const phone = await signIn(desk, desk.emails.supplier, PHONE);
    await phone.getByRole('heading', { name: 'Waiting on me' }).waitFor();
    const card = phone.locator('.entry-card').filter({ hasText: 'ORD-20261202-0202' });
    await card.waitFor();
    expect(await layoutProblems(phone)).toEqual([]);
    expect(await smallTapTargets(phone)).toEqual([]);
    await screenshot(phone, 'i-supplier-phone-tasks');

    await card.getByRole('link').click();
    await phone.getByRole('heading', { name: /Out of stock · ORD-20261202-0202/ }).waitFor();
    // Only what the task needs: no customer, no case subject, no moves that are not the supplier's.
    expect(await phone.getByText('Mira Holt').count()).toBe(0);
    expect(await phone.getByText('Silver chain out of stock').count()).toBe(0);
    expect(await phone.getByRole('button', { name: /Cancel/ }).count()).toBe(0);
    await phone.getByRole('button', { name: 'Start sourcing from the alternatives' }).click();
    await phone.getByText('Supplier sourcing', { exact: true }).waitFor();

    // Recording a substitute outside the proposed alternatives is refused next to the field.
    await phone.getByLabel('Outcome').selectOption('substitute');
    await phone.getByLabel('Substitute SKU').fill('CHAIN-XXX-99');
    await phone.getByRole('button', { name: 'Record the outcome' }).click();
    await phone.locator('.field.has-error').filter({ hasText: 'Substitute SKU' }).getByRole('alert').waitFor();
    await phone.getByLabel('Substitute SKU').fill('CHAIN-SLV-50');
    await phone.getByRole('button', { name: 'Record the outcome' }).click();
    await phone.getByText('Resolved', { exact: true }).waitFor();
    expect(await layoutProblems(phone)).toEqual([]);
    expect(await smallTapTargets(phone)).toEqual([]);
    await screenshot(phone, 'j-supplier-phone-resolves-task');
    await phone.close();

    const agent = await signIn(desk, desk.emails.agent);
    await agent.goto(`${desk.url}/cases/${opened.id}`);
    const log = agent.getByRole('region', { name: 'Log: Out of stock' });
    await log.getByText('Resolved', { exact: true }).waitFor();
    const given = log.getByRole('definition');
    expect(await given.allTextContents()).toEqual(expect.arrayContaining(['Substitute', 'CHAIN-SLV-50']));
    await screenshot(agent, 'k-case-shows-supplier-outcome');
    await agent.close();
  }, 90_000);
});
