import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiAs, CHROMIUM, layoutProblems, openDesk, screenshot, signIn, type Desk } from './console-harness.js';

// Returns and the restricted log in the browser (issue 8): the four-eyes rule over 500.00 on a
// refund (R004-08) and the chargebacks & fraud log only back office and compliance see (R000-08).
// (console.browser.test.ts reports a missing Chromium.)

const DAY_MS = 86_400_000;

describe.runIf(existsSync(CHROMIUM))('returns and compliance in a real browser', () => {
  let desk: Desk;
  beforeAll(async () => { desk = await openDesk(); }, 180_000);
  afterAll(async () => { await desk?.close(); });

  test('a lead approves a refund another person requested: the agent requests an RMA over 500.00 and cannot approve it (R004-08)', async () => {
    const now = Date.now();
    const opened = await apiAs<{ id: string }>(desk, 'POST', '/cases', {
      category: 'damaged_item', subject: '18k ring arrived crushed', channel: 'email', storefront: 'web',
      customer: { id: 'C-RMA1', name: 'Rosa Marquez', phone: '+1 (555) 010-4821' },
      order: {
        number: 'ORD-20261101-0650', currency: 'USD', total: '702.00',
        placedAt: new Date(now - 9 * DAY_MS).toISOString(), deliveredAt: new Date(now - 3 * DAY_MS).toISOString(),
      },
    });

    const agent = await signIn(desk, desk.emails.agent);
    await agent.goto(`${desk.url}/cases/${opened.id}`);
    const returns = agent.getByRole('region', { name: 'Returns' });
    await returns.getByText('No return on this case yet.').waitFor();
    await returns.getByText('Quote a return or request an RMA').click();
    const form = returns.getByRole('form', { name: 'Quote a return' });
    const line = form.getByRole('group', { name: 'Line 1' });
    await line.getByLabel('SKU').fill('RING-18K');
    await line.getByLabel('Product category').fill('jewelry');
    await line.getByLabel('Unit price').fill('650.00');
    await line.getByLabel('Line tax').fill('52.00');
    await line.getByLabel('Condition').selectOption('damaged');
    await line.getByLabel('Reason').selectOption('damaged');
    await form.getByRole('button', { name: 'Quote', exact: true }).click();

    const quote = form.getByRole('region', { name: 'Quote' });
    await quote.getByText('Eligible').waitFor();
    expect(await quote.getByTestId('refund-total').textContent()).toBe('$702.00');
    expect(await quote.getByText('R004-08').count()).toBeGreaterThan(0);
    expect(await layoutProblems(agent)).toEqual([]);
    await screenshot(agent, 'h0-agent-quotes-a-return');
    await form.getByLabel("Last 4 digits of the customer's phone").fill('4821');
    await form.getByRole('button', { name: 'Request RMA' }).click();

    const card = returns.locator('.rma-card');
    await card.getByTestId('rma-state').filter({ hasText: 'Requested' }).waitFor();
    const rmaNumber = (await card.locator('.rma-number').textContent())!;
    expect(rmaNumber).toMatch(/^RMA-\d{8}-[0-9A-Z]{4}$/);
    const approve = card.getByRole('form', { name: 'Approve the return' });
    expect(await approve.getByRole('button', { name: 'Approve' }).isDisabled()).toBe(true);
    expect(await approve.getByRole('note').textContent()).toContain("You cannot approve this return: it needs a supervisor's approval");
    await screenshot(agent, 'h-agent-cannot-approve-refund-over-500');
    await agent.close();

    const lead = await signIn(desk, desk.emails.lead);
    await lead.goto(`${desk.url}/cases/${opened.id}`);
    const leadCard = lead.getByRole('region', { name: rmaNumber });
    await leadCard.getByTestId('rma-state').filter({ hasText: 'Requested' }).waitFor();
    await leadCard.getByRole('form', { name: 'Approve the return' }).getByRole('button', { name: 'Approve' }).click();
    await leadCard.getByTestId('rma-state').filter({ hasText: 'Approved' }).waitFor();
    expect(await layoutProblems(lead)).toEqual([]);
    await leadCard.getByText('Supervisor approval given.').waitFor();
    await leadCard.getByText(/by Lee Lead/).first().waitFor();
    await lead.getByRole('region', { name: 'Timeline' }).getByText(`approved return ${rmaNumber}`).waitFor();
    await screenshot(lead, 'i-lead-approves-refund-requested-by-agent');
    await lead.close();
  }, 90_000);

  test('compliance sees a chargeback the agent cannot: the same case URL is not found for the agent (R000-08)', async () => {
    const chargeback = await apiAs<{ id: string }>(desk, 'POST', '/cases', {
      category: 'chargeback', subject: 'PayPal dispute opened on ORD-20261102-0310', channel: 'email', storefront: 'web',
      customer: { id: 'C-CB1', name: 'Jon Park' },
    });

    const compliance = await signIn(desk, desk.emails.compliance);
    await compliance.getByRole('link', { name: 'Chargebacks & fraud' }).click();
    await compliance.getByRole('heading', { name: 'Chargebacks & fraud', level: 1 }).waitFor();
    await compliance.getByRole('link', { name: /PayPal dispute opened/ }).click();
    await compliance.waitForURL(new RegExp(`/cases/${chargeback.id}$`));
    await compliance.getByRole('heading', { level: 1 }).filter({ hasText: 'PayPal dispute opened' }).waitFor();
    await screenshot(compliance, 'j-compliance-sees-chargeback');
    await compliance.getByRole('link', { name: 'Compliance report' }).click();
    await compliance.getByRole('heading', { name: 'Compliance report', level: 1 }).waitFor();
    expect(await compliance.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toBe('/api/v1/reports/compliance?format=csv');
    expect(await layoutProblems(compliance)).toEqual([]);
    await screenshot(compliance, 'k-compliance-report');
    await compliance.close();

    const agent = await signIn(desk, desk.emails.agent);
    const nav = agent.getByRole('navigation', { name: 'Queues and pages' });
    expect(await nav.getByRole('link', { name: 'Chargebacks & fraud' }).count()).toBe(0);
    await agent.goto(`${desk.url}/cases/${chargeback.id}`);
    await agent.getByText('No such case, or you may not see it.').waitFor();
    expect(await agent.getByText('PayPal dispute opened').count()).toBe(0);
    await screenshot(agent, 'l-agent-gets-not-found-for-chargeback');
    await agent.goto(`${desk.url}/compliance/chargebacks-fraud`);
    await agent.getByRole('heading', { name: 'Not found', level: 1 }).waitFor();
    await agent.close();
  }, 90_000);
});
