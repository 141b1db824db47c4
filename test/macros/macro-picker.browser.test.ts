import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiAs, CHROMIUM, openDesk, screenshot, signIn, type Desk } from '../browser/console-harness.js';

// The macro picker on the case page (issue 5 item 3), in Chromium against a real server. Without
// Chromium it is left out here; test/browser enforces Chromium in CI.
const haveChromium = existsSync(CHROMIUM);

interface CaseJson {
  id: string;
  timeline: { type: string; data: Record<string, unknown> }[];
}

describe.runIf(haveChromium)('macro picker in a real browser', () => {
  let desk: Desk;
  beforeAll(async () => { desk = await openDesk(); }, 180_000);
  afterAll(async () => { await desk?.close(); });

  test('an agent starts a reply from a macro, cannot send it with a blank left, fills it and the reply is recorded as unedited (R000-10)', async () => {
    await apiAs(desk, 'POST', '/macros', {
      folder: 'Order status', title: 'Not shipped yet',
      body: 'Hi {{customer.firstName}}, order #{{order.number}} has not shipped yet: [[honest reason]]. It ships by [[ship date]].',
    });
    const opened = await apiAs<CaseJson>(desk, 'POST', '/cases', {
      category: 'order_status', subject: 'Where is my order', customer: { id: 'C-501', name: 'Mia Moreno' }, order: { number: 'ORD-20261101-0501', fulfillment: 'packed' },
    });

    const page = await signIn(desk, desk.emails.agent);
    await page.goto(`${desk.url}/cases/${opened.id}`);
    await page.getByLabel('Start from a macro').selectOption({ label: 'Not shipped yet' });
    const reply = page.getByRole('textbox', { name: 'Reply to customer' });
    await expect.poll(() => reply.inputValue()).toContain('Hi Mia, order #ORD-20261101-0501 has not shipped yet: [[honest reason]]');
    await page.getByText('2 blanks left to fill').waitFor();
    expect(await page.getByRole('button', { name: 'Send reply' }).isDisabled()).toBe(true);
    await screenshot(page, 'macro-picker-blanks');

    // The first blank is selected: typing replaces it; "Next blank" selects the next one.
    await page.keyboard.type('the engraving is still being finished');
    await page.getByRole('button', { name: 'Next blank' }).click();
    await page.keyboard.type('Thursday');
    expect(await reply.inputValue()).toBe('Hi Mia, order #ORD-20261101-0501 has not shipped yet: the engraving is still being finished. It ships by Thursday.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('the engraving is still being finished').waitFor();
    await timeline.getByText('replied to the customer from a macro, unedited').waitFor();

    const after = await apiAs<CaseJson>(desk, 'GET', `/cases/${opened.id}`);
    const message = after.timeline.filter((e) => e.type === 'message').at(-1)!;
    expect(message.data).toMatchObject({ from: 'agent', macroVersion: 1, unedited: true });
    await page.close();
  }, 90_000);
});
