import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiAs, CHROMIUM, layoutProblems, openDesk, screenshot, signIn, type Desk } from './console-harness.js';
import type { SurveyStats } from '../../src/services/surveys/survey-stats.js';

// Incidents, the refunds tracker, the chargeback log and webhooks in a real browser (issue 8,
// session 3): a lead opens an incident from a suggestion and links a case (R000-07, R001-15); back
// office records a refund over the threshold and a lead — another person — approves it (R000-09,
// R004-08); only back office and compliance see the chargeback log (R000-08).
// (console.browser.test.ts reports a missing Chromium.)

describe.runIf(existsSync(CHROMIUM))('incidents, refunds, chargebacks and webhooks in a real browser', () => {
  let desk: Desk;
  beforeAll(async () => { desk = await openDesk(); }, 180_000);
  afterAll(async () => { await desk?.close(); });

  const openCase = (category: string, subject: string, customer: string) =>
    apiAs<{ id: string }>(desk, 'POST', '/cases', { category, subject, channel: 'email', storefront: 'web', customer: { id: customer, name: `Customer ${customer}` } });

  test('a lead opens an incident from the suggestion "3 damaged items in 7 days", links a fourth case, and each case shows the incident and the red flag (R000-07, R001-15, R003-04)', async () => {
    const damaged = [
      await openCase('damaged_item', 'Bracelet clasp snapped on arrival', 'C-INC1'),
      await openCase('damaged_item', 'Clasp broken, bracelet unusable', 'C-INC2'),
      await openCase('damaged_item', 'Bracelet arrived with a bent clasp', 'C-INC3'),
    ];
    const later = await openCase('missing_item', 'Clasp missing from the bracelet box', 'C-INC4');

    const lead = await signIn(desk, desk.emails.lead);
    await lead.getByRole('navigation', { name: 'Queues and pages' }).getByRole('link', { name: 'Incidents' }).click();
    await lead.getByRole('heading', { name: 'Incidents', level: 1 }).waitFor();
    const suggestions = lead.getByRole('region', { name: 'Suggested incidents' });
    await suggestions.getByText('category Damaged item').waitFor();
    expect(await suggestions.getByText('3 cases').count()).toBe(1);
    expect(await layoutProblems(lead)).toEqual([]);
    await screenshot(lead, 'n1-lead-sees-incident-suggestion');

    await suggestions.getByRole('button', { name: 'Open incident from suggestion' }).click();
    await lead.waitForURL(/\/incidents\/\d+$/);
    await lead.getByRole('heading', { name: /Multiple complaints: 3 cases about category damaged item/, level: 1 }).waitFor();
    await lead.getByText('Incident opened from the suggestion: 3 linked, 3 red-flagged').waitFor();
    const linked = lead.getByRole('region', { name: 'Linked cases' });
    expect(await linked.getByText('Multiple complaints', { exact: true }).count()).toBe(3);

    const form = lead.getByRole('form', { name: 'Link cases' });
    await form.getByLabel('Case numbers to link').fill('999999');
    await form.getByRole('button', { name: 'Link' }).click();
    const fieldError = form.locator('.field.has-error');
    await fieldError.getByText('no case 999999').waitFor();
    expect(await fieldError.locator('label').textContent()).toBe('Case numbers to link');
    await screenshot(lead, 'n2-link-case-field-error-beside-the-field');
    await form.getByLabel('Case numbers to link').fill(later.id);
    await form.getByRole('button', { name: 'Link' }).click();
    await linked.getByRole('link', { name: new RegExp(`^#${later.id} `) }).waitFor();
    expect(await linked.getByText('Multiple complaints', { exact: true }).count()).toBe(4);
    await lead.getByRole('button', { name: 'Monitor (a fix is in)' }).click();
    await lead.locator('.case-title-row').getByText('Monitoring').waitFor();
    expect(await layoutProblems(lead)).toEqual([]);
    await screenshot(lead, 'n3-lead-linked-a-case-and-monitors-the-incident');
    const incidentUrl = lead.url();

    await lead.goto(`${desk.url}/cases/${damaged[1]!.id}`);
    await lead.getByRole('note').filter({ hasText: 'Red flag: multiple complaints about the same issue.' }).waitFor();
    const onCase = lead.getByRole('region', { name: 'Incidents' });
    await onCase.getByRole('link', { name: /Multiple complaints: 3 cases/ }).waitFor();
    await onCase.getByText('Monitoring').waitFor();
    await lead.getByRole('region', { name: 'Timeline' }).getByText(/linked the case to incident #\d+/).waitFor();
    await screenshot(lead, 'n4-case-shows-its-incident-and-red-flag');
    await onCase.getByRole('link', { name: /Multiple complaints/ }).click();
    await lead.waitForURL(incidentUrl);
    await lead.close();
  }, 120_000);

  test('back office records a 650.00 refund, cannot approve its own; a lead approves and performs it and the tracker lists it as a large refund (R000-09, R004-08)', async () => {
    const office = await signIn(desk, desk.emails.backOffice);
    await office.getByRole('navigation', { name: 'Queues and pages' }).getByRole('link', { name: 'Refunds & reshipments' }).click();
    const form = office.getByRole('form', { name: 'Record a refund or reshipment' });
    await form.getByLabel('Amount').fill('6,50.00');
    await form.getByLabel('Reason').fill('Ring out of stock after payment (BIG5)');
    await form.getByLabel('Order number (optional)').fill('ORD-20261201-0042');
    await form.getByRole('button', { name: 'Record refund' }).click();
    const amountField = form.locator('.field.has-error');
    await amountField.locator('.field-error').waitFor();
    expect(await amountField.locator('label').textContent()).toBe('Amount');
    await screenshot(office, 'o1-refund-amount-error-beside-the-field');

    await form.getByLabel('Amount').fill('650.00');
    await form.getByRole('button', { name: 'Record refund' }).click();
    await office.getByText('It is over the approval threshold: a supervisor other than you must approve it (R004-08).').waitFor();
    const mine = office.getByRole('listitem', { name: /^F-\d+$/ }).first();
    await mine.getByText('$650.00').waitFor();
    expect(await mine.getByTestId('finance-state').textContent()).toBe('Pending approval');
    expect(await mine.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    await mine.getByText('You recorded it: another supervisor must approve it (four eyes, R004-08).').waitFor();
    const entryName = (await mine.getAttribute('aria-label'))!;
    expect(await layoutProblems(office)).toEqual([]);
    await screenshot(office, 'o2-back-office-cannot-approve-own-refund');
    await office.close();

    const lead = await signIn(desk, desk.emails.lead);
    await lead.goto(`${desk.url}/refunds`);
    const entry = lead.getByRole('listitem', { name: entryName });
    await entry.getByText('Recorded by Bo Backoffice').waitFor();
    await entry.getByRole('button', { name: 'Approve' }).click();
    const approved = lead.getByRole('listitem', { name: entryName });
    await approved.getByTestId('finance-state').filter({ hasText: 'Approved' }).waitFor();
    await approved.getByLabel('Reference').fill('PSP-7781');
    await approved.getByRole('button', { name: 'Mark performed' }).click();
    await lead.getByRole('listitem', { name: entryName }).getByTestId('finance-state').filter({ hasText: 'Performed' }).waitFor();
    await lead.getByRole('listitem', { name: entryName }).getByText(/approved by Lee Lead/).waitFor();

    const year = new Date().getUTCFullYear();
    const tracker = lead.getByRole('region', { name: `Refunds tracker ${year}` });
    const large = tracker.getByRole('region', { name: 'Large refunds' });
    await large.getByRole('cell', { name: entryName }).waitFor();
    expect(await large.getByRole('cell', { name: '$650.00' }).count()).toBe(1);
    expect(await tracker.getByTestId('tracker-total').textContent()).toContain('$650.00');
    const csvHref = (await tracker.getByRole('link', { name: 'Export CSV' }).getAttribute('href'))!;
    expect(csvHref).toBe(`/api/v1/reports/refunds-tracker?year=${year}&format=csv`);
    const csv = await (await lead.request.get(`${desk.url}${csvHref}`)).text();
    expect(csv).toContain(`large_refund,${year}-`);
    expect(csv).toContain(entryName);
    expect(await layoutProblems(lead)).toEqual([]);
    await screenshot(lead, 'o3-lead-approved-refund-tracker-lists-it-apart');

    await lead.goto(`${desk.url}/dashboard`);
    const csat = lead.getByRole('region', { name: 'CSAT by team and agent' });
    await csat.getByText(/ratings · CSAT/).waitFor();
    expect(await csat.getByRole('link', { name: 'Export CSAT CSV' }).getAttribute('href')).toBe('/api/v1/reports/csat?format=csv');
    await lead.close();
  }, 120_000);

  test('the chargeback log is back office\'s and compliance\'s: the agent has no link to it and its URL is not found (R000-08)', async () => {
    const chargeback = await openCase('chargeback', 'Shopify dispute 4837 on ORD-20261130-0777', 'C-CB9');
    const office = await signIn(desk, desk.emails.backOffice);
    await office.goto(`${desk.url}/cases/${chargeback.id}`);
    const log = office.getByRole('region', { name: 'Log entry' });
    await log.getByLabel('Log type').waitFor();
    expect(await log.getByLabel('Log type').inputValue()).toBe('chargeback');
    await log.getByLabel('Source').selectOption('platform_chargeback');
    await log.getByLabel('Reason code').fill('4837');
    await log.getByLabel('Amount (minor units)').fill('12900');
    await log.getByLabel('Currency').fill('USD');
    expect(await log.getByTestId('amount-preview').textContent()).toBe('= $129.00');
    await log.getByLabel('Evidence due by').fill(new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 16));
    await log.getByRole('button', { name: 'Log it' }).click();
    await office.getByRole('region', { name: /^Log: Chargeback/ }).waitFor();
    await screenshot(office, 'p1-back-office-logs-a-chargeback');

    const nav = office.getByRole('navigation', { name: 'Queues and pages' });
    await nav.getByRole('link', { name: 'Chargebacks & fraud' }).waitFor();
    await nav.getByRole('link', { name: 'Chargeback or high fraud risk' }).click();
    const card = office.locator('.entry-card').filter({ hasText: `Case #${chargeback.id}` });
    await card.getByText('Platform chargeback · reason 4837 · $129.00').waitFor();
    await card.getByText('Needs a response: gather and submit the evidence').waitFor();
    expect(await card.locator('time.due').textContent()).toMatch(/^in 4d 23h|^in 5d 0h/);
    expect(await layoutProblems(office)).toEqual([]);
    await screenshot(office, 'p2-back-office-chargeback-log-queue');
    await office.close();

    const compliance = await signIn(desk, desk.emails.compliance);
    await compliance.getByRole('navigation', { name: 'Queues and pages' }).getByRole('link', { name: 'Chargeback or high fraud risk' }).click();
    await compliance.getByText('Platform chargeback · reason 4837 · $129.00').waitFor();
    await compliance.close();

    const agent = await signIn(desk, desk.emails.agent);
    const agentNav = agent.getByRole('navigation', { name: 'Queues and pages' });
    await agentNav.getByRole('link', { name: 'Incidents' }).waitFor();
    expect(await agentNav.getByRole('link', { name: 'Chargeback or high fraud risk' }).count()).toBe(0);
    expect(await agentNav.getByRole('link', { name: 'Chargebacks & fraud' }).count()).toBe(0);
    await agent.goto(`${desk.url}/logs/chargeback`);
    await agent.getByRole('heading', { name: 'Not found', level: 1 }).waitFor();
    await screenshot(agent, 'p3-agent-chargeback-log-not-found');
    await agent.close();
  }, 90_000);

  test('an admin adds a webhook, sees its secret once (and a new one once), disables and enables it, sends a test and redelivers it', async () => {
    const received: string[] = [];
    const receiver: Server = createServer((req, res) => {
      received.push(String(req.headers['x-ladder-event'] ?? req.url));
      req.resume();
      req.on('end', () => { res.writeHead(200).end('ok'); });
    });
    await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/ladder`;
    try {
      const admin = await signIn(desk, desk.emails.admin);
      await admin.goto(`${desk.url}/admin/webhooks`);
      const add = admin.getByRole('form', { name: 'Add a webhook endpoint' });
      await add.getByLabel('URL').fill('ftp://example.test/hook');
      await add.getByRole('button', { name: 'Add endpoint' }).click();
      await add.locator('.field.has-error .field-error').waitFor();
      await add.getByLabel('URL').fill(url);
      await add.getByRole('button', { name: 'Add endpoint' }).click();
      await admin.getByText('You won’t see this again:').waitFor();
      expect((await admin.getByLabel('Signing secret').inputValue()).length).toBeGreaterThanOrEqual(16);
      await admin.getByRole('button', { name: 'Copy' }).waitFor();
      const endpoints = admin.getByRole('region', { name: 'Webhook endpoints' });
      const row = endpoints.getByRole('row').filter({ hasText: url });
      await row.waitFor();
      await screenshot(admin, 'q1-admin-webhook-secret-shown-once');

      const firstSecret = await admin.getByLabel('Signing secret').inputValue();
      admin.once('dialog', (d) => void d.accept());
      await row.getByRole('button', { name: 'New secret' }).click();
      await expect.poll(() => admin.getByLabel('Signing secret').inputValue()).not.toBe(firstSecret);
      await admin.getByText('You won’t see this again:').waitFor();

      await row.getByRole('button', { name: 'Disable' }).click();
      await row.getByRole('cell', { name: 'Disabled' }).waitFor();
      await row.getByRole('button', { name: 'Enable' }).click();
      await row.getByRole('cell', { name: 'Enabled' }).waitFor();
      await row.getByRole('button', { name: 'Send test' }).click();
      await row.getByText('Test delivered (HTTP 200).').waitFor();
      await row.getByRole('button', { name: 'Deliveries' }).click();
      const deliveries = admin.getByRole('region', { name: /^Deliveries to/ });
      await deliveries.getByTestId('delivery-state').filter({ hasText: 'Delivered' }).waitFor();
      await deliveries.getByRole('button', { name: /^Redeliver webhook\.test/ }).click();
      await deliveries.getByTestId('delivery-state').filter({ hasText: /Queued|Delivered/ }).waitFor();
      expect(await deliveries.getByRole('alert').count()).toBe(0);
      expect(await layoutProblems(admin)).toEqual([]);
      await screenshot(admin, 'q2-admin-webhook-deliveries');
      await admin.close();
      expect(received.length).toBeGreaterThanOrEqual(1);
    } finally {
      await new Promise<void>((done) => receiver.close(() => done()));
    }
  }, 90_000);

  test('a lead reads CSAT by team and agent under the dashboard, with its CSV (R004-09, R004-11)', async () => {
    // Ratings arrive by the customer's emailed link; the answer is pinned here, typed as the
    // server's SurveyStats so a change of shape breaks this test at compile time.
    const line = (id: string | null, name: string, responses: number, satisfied: number, averageScore: number) =>
      ({ id, name, responses, satisfied, csat: Math.round((satisfied / responses) * 1000) / 1000, averageScore, scale: 5 });
    const stats: SurveyStats = {
      from: '2026-11-06T00:00:00.000Z', to: '2026-12-06T00:00:00.000Z',
      overall: { responses: 5, satisfied: 4, csat: 0.8, averageScore: 4.2, scale: 5 },
      byTeam: [line('1', 'First line', 5, 4, 4.2)],
      byAgent: [line('1', 'Avery Agent', 3, 3, 4.67), line(null, 'unassigned', 2, 1, 3.5)],
      byDay: [{ date: '2026-12-01', responses: 5, satisfied: 4, csat: 0.8, averageScore: 4.2, scale: 5 }],
      target: { averageScore: 4.5, met: false },
    };
    const lead = await signIn(desk, desk.emails.lead);
    await lead.route('**/api/v1/reports/csat*', (route) => route.fulfill({ json: stats }));
    await lead.getByRole('link', { name: 'Dashboard' }).click();
    const csat = lead.getByRole('region', { name: 'CSAT by team and agent' });
    await csat.getByText('5 ratings · CSAT 80% · average 4.2 / 5 · target above 4.5 (not met).', { exact: false }).waitFor();
    const agentRow = csat.getByRole('table', { name: 'CSAT by agent' }).getByRole('row', { name: /Avery Agent/ });
    expect(await agentRow.getByRole('cell').allTextContents()).toEqual(['3', '3', '100%', '4.67 / 5']);
    expect(await csat.getByRole('table', { name: 'CSAT by team' }).getByRole('row', { name: /First line/ }).getByRole('cell').nth(2).textContent()).toBe('80%');
    expect(await csat.getByRole('link', { name: 'Export CSAT CSV' }).getAttribute('href')).toBe('/api/v1/reports/csat?format=csv');
    expect(await layoutProblems(lead)).toEqual([]);
    await screenshot(lead, 'r1-lead-csat-by-team-and-agent');
    await lead.close();
  }, 60_000);
});
