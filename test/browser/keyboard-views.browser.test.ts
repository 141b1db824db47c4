import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiAs, CHROMIUM, layoutProblems, openDesk, screenshot, signIn, type Desk } from './console-harness.js';

// Keyboard work and saved views at a desk screen (issue 8 item 5, 1280×800): Tab walks the page in
// reading order with every stop named, j/k + Enter open a case, and a queue's filters are saved as
// a named view that survives a reload.

/** The names of the Tab stops from the top of the page to its end (at most `count`). */
async function tabStops(page: Page, count: number): Promise<string[]> {
  // A fresh load starts focus at the top of the document, as a keyboard user arrives.
  await page.reload();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate<string>(`(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return '(body)';
      const label = el.getAttribute('aria-label') || (el.labels && el.labels[0] && el.labels[0].textContent) || el.textContent || el.getAttribute('placeholder') || '';
      return label.replace(/\\s+/g, ' ').trim() || '(unnamed ' + el.tagName.toLowerCase() + ')';
    })()`);
    // Past the last stop focus leaves the document: the page has been walked through.
    if (name === '(body)') break;
    names.push(name);
  }
  return names;
}

describe.runIf(existsSync(CHROMIUM))('keyboard and saved views in a real browser', () => {
  let desk: Desk;
  beforeAll(async () => { desk = await openDesk(); }, 180_000);
  afterAll(async () => { await desk?.close(); });

  test('Tab follows the reading order with every stop named, and a saved view survives a reload', async () => {
    await apiAs(desk, 'POST', '/cases', { category: 'order_status', subject: 'Where is my lamp', customer: { id: 'C-KV1' } });
    const urgent = await apiAs<{ id: string }>(desk, 'POST', '/cases', { category: 'damaged_item', subject: 'Lamp arrived shattered', customer: { id: 'C-KV2' } });

    const page = await signIn(desk, desk.emails.lead);
    await page.getByRole('navigation', { name: 'Queues and pages' }).getByRole('link', { name: 'All cases' }).click();
    await page.getByRole('link', { name: /Lamp arrived shattered/ }).waitFor();

    const stops = await tabStops(page, 60);
    expect(stops.filter((s) => s.startsWith('(unnamed'))).toEqual([]);
    const at = (name: string) => stops.findIndex((s) => s === name || s.startsWith(name));
    const order = ['Skip to content', 'Ladder, home', 'Sign out', 'New case', 'My cases', 'Search', 'Status', 'Priority', 'Sort', 'Save these filters as a view', 'Save view', `#${urgent.id} Lamp arrived shattered`].map(at);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(await layoutProblems(page)).toEqual([]);

    await page.getByLabel('Status').selectOption('new');
    await page.getByLabel('Save these filters as a view').fill('New this week');
    await page.getByRole('button', { name: 'Save view' }).click();
    await page.getByRole('heading', { name: 'New this week', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Queues and pages' }).getByRole('link', { name: 'New this week' }).waitFor();

    await page.reload();
    await page.getByRole('heading', { name: 'New this week', level: 1 }).waitFor();
    expect(await page.getByLabel('Status').inputValue()).toBe('new');
    await page.getByRole('link', { name: /Lamp arrived shattered/ }).waitFor();
    await screenshot(page, 'm-saved-view-1280');

    // From the view, the keyboard opens the first case.
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/cases\/\d+$/);

    await page.goBack();
    await page.getByRole('button', { name: 'Delete this view' }).click();
    await page.getByRole('heading', { name: 'All cases', level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'New this week' }).count()).toBe(0);
    await page.close();
  }, 90_000);
});
