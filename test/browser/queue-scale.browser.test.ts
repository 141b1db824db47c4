import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM, layoutProblems, openDesk, screenshot, signIn, type Desk } from './console-harness.js';
import { seedCases } from './seed-cases.js';

// Issue 8 item 2: a queue of 10,000 cases. Pages arrive by keyset cursor as the reader scrolls, and
// only the visible rows (plus a margin) are in the DOM. How smooth it is, is measured by
// `npm run bench:console-scroll`; this only checks that the DOM stays bounded and every case is reachable.
// (console.browser.test.ts reports a missing Chromium.)

const CASES = 10_000;

describe.runIf(existsSync(CHROMIUM))('a queue of 10,000 cases in a real browser', () => {
  let desk: Desk;
  beforeAll(async () => { desk = await openDesk({ seed: (store) => seedCases(store, CASES) }); }, 240_000);
  afterAll(async () => { await desk?.close(); });

  test('scrolling loads all 10,000 cases page by page while fewer than 200 rows are ever rendered', async () => {
    const lead = await signIn(desk, desk.emails.lead);
    await lead.getByRole('link', { name: 'All cases' }).click();
    const rows = lead.locator('.queue-table tbody tr.row');
    await rows.first().waitFor();
    const status = lead.locator('.queue-page .page-head p');
    expect(await status.textContent()).toMatch(/^200\+ cases/);

    const rowCounts: number[] = [];
    for (let i = 0; i < 400; i++) {
      const text = await lead.evaluate<string>(`(() => {
        const el = document.querySelector('.queue-scroll');
        el.scrollTop = el.scrollHeight;
        return document.querySelector('.queue-page .page-head p').textContent;
      })()`);
      rowCounts.push(await rows.count());
      if (text.startsWith(`${CASES} cases`)) break;
      await lead.waitForTimeout(50);
    }
    expect(await status.textContent()).toMatch(new RegExp(`^${CASES} cases`));
    expect(Math.max(...rowCounts)).toBeLessThan(200);
    await lead.getByRole('link', { name: /Seeded case 10000 —/ }).waitFor();
    expect(await rows.count()).toBeLessThan(200);
    expect(await lead.locator('.queue-table').getAttribute('aria-rowcount')).toBe(String(CASES + 1));

    // The middle of the list is rendered where it is scrolled to.
    await lead.evaluate(`(() => { const el = document.querySelector('.queue-scroll'); el.scrollTop = el.scrollHeight / 2; })()`);
    await lead.locator('.queue-table tbody tr.row[aria-rowindex="5002"]').waitFor();
    expect(await rows.count()).toBeLessThan(200);
    expect(await layoutProblems(lead)).toEqual([]);
    await screenshot(lead, 'm-queue-10000-cases-windowed');
    await lead.close();
  }, 180_000);
});
