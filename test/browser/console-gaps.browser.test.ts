import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiAs, CHROMIUM, layoutProblems, openDesk, PASSWORD, screenshot, signIn, type Desk } from './console-harness.js';

// Gaps closed in session 3 (issue 8): a case joins an incident from its own page (R000-07), an admin
// deletes a webhook endpoint after confirming, and money forms start in the desk's currency.

describe.runIf(existsSync(CHROMIUM))('console gaps in a real browser', () => {
  let desk: Desk;
  beforeAll(async () => { desk = await openDesk({ env: { DESK_CURRENCY: 'EUR' } }); }, 180_000);
  afterAll(async () => { await desk?.close(); });

  const openCase = (category: string, subject: string, customer: string) =>
    apiAs<{ id: string }>(desk, 'POST', '/cases', { category, subject, channel: 'email', storefront: 'web', customer: { id: customer, name: `Customer ${customer}` } });

  test('an agent adds a case to a live incident, then another case to a new incident, from the case page (R000-07)', async () => {
    const live = await apiAs<{ id: string }>(desk, 'POST', '/incidents', { title: 'Carrier strike in the north' });
    const first = await openCase('order_status', 'Parcel stuck for a week', 'C-GAP1');
    const second = await openCase('damaged_item', 'Mirror cracked', 'C-GAP2');

    const agent = await signIn(desk, desk.emails.agent);
    await agent.goto(`${desk.url}/cases/${first.id}`);
    const panel = agent.getByRole('region', { name: 'Incidents' });
    await panel.getByText('Not in any incident.').waitFor();
    await panel.getByText('Add this case to an incident').click();
    const form = panel.getByRole('form', { name: 'Add this case to an incident' });
    await form.getByLabel('Incident', { exact: true }).locator(`option[value="${live.id}"]`).waitFor({ state: 'attached' });
    await form.getByLabel('Incident', { exact: true }).selectOption(live.id);
    await form.getByRole('button', { name: 'Add to incident' }).click();
    await panel.getByRole('link', { name: `#${live.id} Carrier strike in the north` }).waitFor();
    expect(await layoutProblems(agent)).toEqual([]);
    await screenshot(agent, 's1-case-added-to-live-incident');

    await agent.goto(`${desk.url}/cases/${second.id}`);
    await panel.getByText('Add this case to an incident').click();
    await form.getByLabel('Incident', { exact: true }).selectOption('new');
    await form.getByRole('button', { name: 'Open incident with this case' }).click();
    // No title: the server names the field and the message sits under it.
    await form.locator('.field.has-error').filter({ hasText: 'Title of the new incident' }).getByRole('alert').waitFor();
    await form.getByLabel('Title of the new incident').fill('Mirrors cracking in transit');
    await form.getByRole('button', { name: 'Open incident with this case' }).click();
    await panel.getByRole('link', { name: /Mirrors cracking in transit/ }).waitFor();
    await agent.close();

    const incidents = await apiAs<{ items: { title: string; caseCount: number }[] }>(desk, 'GET', '/incidents');
    expect(incidents.items.find((i) => i.title === 'Carrier strike in the north')?.caseCount).toBe(1);
    expect(incidents.items.find((i) => i.title === 'Mirrors cracking in transit')?.caseCount).toBe(1);
  }, 90_000);

  test('an admin deletes a webhook endpoint only after confirming', async () => {
    const url = 'http://127.0.0.1:9/ladder-delete-me';
    const admin = await signIn(desk, desk.emails.admin);
    await admin.goto(`${desk.url}/admin/webhooks`);
    const add = admin.getByRole('form', { name: 'Add a webhook endpoint' });
    await add.getByLabel('URL').fill(url);
    await add.getByRole('button', { name: 'Add endpoint' }).click();
    const endpoints = admin.getByRole('region', { name: 'Webhook endpoints' });
    const row = endpoints.getByRole('row').filter({ hasText: url });
    await row.waitFor();
    admin.once('dialog', (d) => void d.dismiss());
    await row.getByRole('button', { name: `Delete ${url}` }).click();
    expect(await row.count()).toBe(1);
    admin.once('dialog', (d) => { expect(d.type()).toBe('confirm'); void d.accept(); });
    await row.getByRole('button', { name: `Delete ${url}` }).click();
    await endpoints.getByRole('status').filter({ hasText: `Deleted the endpoint ${url}.` }).waitFor();
    await row.waitFor({ state: 'detached' });
    await admin.close();
  }, 60_000);

  test('money forms start in the desk\'s currency (DESK_CURRENCY=EUR): refunds, a new case\'s order total', async () => {
    const office = await signIn(desk, desk.emails.backOffice);
    await office.getByRole('navigation', { name: 'Queues and pages' }).getByRole('link', { name: 'Refunds & reshipments' }).click();
    const form = office.getByRole('form', { name: 'Record a refund or reshipment' });
    expect(await form.getByLabel('Currency').inputValue()).toBe('EUR');
    await form.getByLabel('Amount').fill('12.50');
    await form.getByLabel('Reason').fill('Late parcel goodwill');
    await form.getByRole('button', { name: /^Record/ }).click();
    await office.getByRole('status').filter({ hasText: /Recorded F-\d+: Refund of 12\.50 EUR/ }).waitFor();
    await office.close();

    const agent = await signIn(desk, desk.emails.agent);
    await agent.goto(`${desk.url}/cases/new`);
    expect(await agent.getByLabel('Currency').inputValue()).toBe('EUR');
    await agent.close();
  }, 60_000);

  test('back office sees the entry\'s supplier team, takes it back, hands it again, and a refusal names the team field', async () => {
    const opened = await openCase('out_of_stock', 'Silver chain out of stock', 'C-GAP3');
    await apiAs(desk, 'POST', `/cases/${opened.id}/log`, { type: 'out_of_stock', fields: { sku: 'CHAIN-SLV-45' } });
    const office = await signIn(desk, desk.emails.backOffice);
    await office.goto(`${desk.url}/cases/${opened.id}`);
    const group = office.getByRole('group', { name: 'Supplier team' });
    // One supplier team on the desk: the entry joined its queue when it was opened.
    await group.getByTestId('supplier-team').filter({ hasText: 'Fulfillment supplier' }).waitFor();
    const picker = group.getByLabel('Hand to supplier team');
    await picker.selectOption({ label: 'None (take it back)' });
    await group.getByRole('button', { name: 'Save supplier team' }).click();
    await group.getByTestId('supplier-team').filter({ hasText: 'None' }).waitFor();
    expect((await apiAs<{ supplierTeamId: string | null }>(desk, 'GET', `/cases/${opened.id}/log`)).supplierTeamId).toBeNull();

    // The server is the judge: a team that is not a supplier's is refused with the field named.
    await office.route('**/log/supplier-team', (route) => route.continue({ postData: JSON.stringify({ team: 'first_line' }) }));
    await picker.selectOption({ label: 'Fulfillment supplier' });
    await group.getByRole('button', { name: 'Save supplier team' }).click();
    await group.locator('.field.has-error').filter({ hasText: 'Hand to supplier team' }).getByRole('alert').filter({ hasText: 'not a supplier team' }).waitFor();
    await office.unroute('**/log/supplier-team');
    await group.getByRole('button', { name: 'Save supplier team' }).click();
    await group.getByTestId('supplier-team').filter({ hasText: 'Fulfillment supplier' }).waitFor();
    expect(await group.getByRole('alert').count()).toBe(0);
    expect(await layoutProblems(office)).toEqual([]);
    await screenshot(office, 's2-log-entry-supplier-team');
    await office.close();
    expect((await apiAs<{ supplierTeamId: string | null }>(desk, 'GET', `/cases/${opened.id}/log`)).supplierTeamId).toBe(desk.supplierTeamId);

    // An agent (no logs.assign) reads the team but has nothing to change it with.
    const agent = await signIn(desk, desk.emails.agent);
    await agent.goto(`${desk.url}/cases/${opened.id}`);
    await agent.getByRole('group', { name: 'Supplier team' }).getByTestId('supplier-team').filter({ hasText: 'Fulfillment supplier' }).waitFor();
    expect(await agent.getByRole('form', { name: 'Set the supplier team' }).count()).toBe(0);
    await agent.close();
  }, 90_000);

  // Last in this file: it changes the agent's role.
  test('after an admin changes a signed-in agent\'s role, signing in again shows the new role\'s log queues, not the cached ones', async () => {
    const agent = await signIn(desk, desk.emails.agent);
    const nav = agent.getByRole('navigation', { name: 'Queues and pages' });
    await nav.getByRole('link', { name: 'Out of stock' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Chargeback or high fraud risk' }).count()).toBe(0);

    const admin = await signIn(desk, desk.emails.admin);
    await admin.goto(`${desk.url}/admin/users`);
    await admin.getByLabel(`Role of ${desk.emails.agent}`).selectOption('back_office');
    await admin.waitForFunction(`!document.querySelector('select[aria-label="Role of ${desk.emails.agent}"]')?.disabled`);
    await admin.close();

    // A role change ends the person's sessions (update-user.ts): the next request signs them out,
    // and signing in again in the same tab must not reuse the old role's templates.
    await nav.getByRole('link', { name: 'Out of stock' }).click();
    await agent.getByText('Your session ended. Sign in again.').waitFor();
    await agent.getByLabel('Email').fill(desk.emails.agent);
    await agent.getByLabel('Password').fill(PASSWORD);
    await agent.getByRole('button', { name: 'Sign in' }).click();
    await nav.getByRole('link', { name: 'Chargeback or high fraud risk' }).waitFor();
    await agent.close();
  }, 60_000);
});
