// npm run bench:console-scroll — issue 8 item 2: "10,000 cases scroll smoothly". Loads 10,000 cases
// into a fresh SQLite desk, opens "All cases" in headless Chromium at 1280×800, scrolls the queue until
// every case is loaded (keyset pages fetched as the reader scrolls), then scrolls through it frame by
// frame and reports frame times (p50/p95/max), DOM size and rendered rows. The same run measures the
// naive baseline — every row in the DOM (localStorage 'ladder.queueWindowing' = 'off') — for
// comparison. Optional argument: the number of cases (default 10000).
//
// Frame times are the gaps between requestAnimationFrame callbacks while a script moves scrollTop by
// SCROLL_STEP_PX each frame: a gap above ~16.7 ms is a frame the page could not paint in time.

import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { CHROMIUM, openDesk, PASSWORD, type Desk } from '../test/browser/console-harness.js';
import { seedCases } from '../test/browser/seed-cases.js';

const CASES = Number(process.argv[2] ?? 10_000);
const SCROLL_FRAMES = 360;
const SCROLL_STEP_PX = 180;

interface Measurement {
  mode: string;
  loadAllMs: number;
  rowsInDom: number;
  domNodes: number;
  frames: number;
  p50: number;
  p95: number;
  max: number;
  slowFrames: number;
}

function availableCores(): number {
  return availableParallelism();
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

async function openQueue(desk: Desk, naive: boolean): Promise<Page> {
  const page = await desk.browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(120_000);
  await page.addInitScript(naive ? `localStorage.setItem('ladder.queueWindowing', 'off')` : `localStorage.removeItem('ladder.queueWindowing')`);
  await page.goto(`${desk.url}/`);
  await page.getByLabel('Email').fill(desk.emails.lead);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'All cases' }).click();
  await page.locator('.queue-table tbody tr.row').first().waitFor();
  return page;
}

/** Scrolls to the end until the queue says every case is loaded; returns the time it took. */
async function loadEverything(page: Page): Promise<number> {
  const started = performance.now();
  for (;;) {
    const count = await page.evaluate<string>(`(() => {
      const el = document.querySelector('.queue-scroll');
      if (el) el.scrollTop = el.scrollHeight;
      return document.querySelector('.queue-page .page-head p')?.textContent ?? '';
    })()`);
    if (count.startsWith(`${CASES} case`)) return performance.now() - started;
    if (performance.now() - started > 600_000) throw new Error(`not everything loaded after 10 minutes: ${count}`);
    await page.waitForTimeout(30);
  }
}

async function scrollThrough(page: Page): Promise<number[]> {
  // Page scripts are strings: this project's type-check has no DOM library (it is server code).
  await page.evaluate(`document.querySelector('.queue-scroll').scrollTop = 0`);
  await page.waitForTimeout(300);
  return page.evaluate<number[]>(`new Promise((resolve) => {
    const el = document.querySelector('.queue-scroll');
    const gaps = [];
    let last = -1;
    const tick = (t) => {
      if (last >= 0) gaps.push(t - last);
      last = t;
      if (gaps.length >= ${SCROLL_FRAMES}) return resolve(gaps);
      el.scrollTop += ${SCROLL_STEP_PX};
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })`);
}

async function measure(desk: Desk, naive: boolean): Promise<Measurement> {
  const page = await openQueue(desk, naive);
  try {
    const loadAllMs = await loadEverything(page);
    await page.waitForTimeout(500);
    const gaps = (await scrollThrough(page)).sort((a, b) => a - b);
    const dom = await page.evaluate<{ rows: number; nodes: number }>(`({
      rows: document.querySelectorAll('.queue-table tbody tr.row').length,
      nodes: document.getElementsByTagName('*').length,
    })`);
    return {
      mode: naive ? 'naive (all rows)' : 'windowed',
      loadAllMs,
      rowsInDom: dom.rows,
      domNodes: dom.nodes,
      frames: gaps.length,
      p50: percentile(gaps, 50),
      p95: percentile(gaps, 95),
      max: gaps[gaps.length - 1] ?? NaN,
      slowFrames: gaps.filter((g) => g > 17.5).length,
    };
  } finally {
    await page.close();
  }
}

if (!existsSync(CHROMIUM)) {
  console.error(`${CHROMIUM} not found: apt-get install -y chromium`);
  process.exit(1);
}
const seedStarted = performance.now();
const desk = await openDesk({ seed: (store) => seedCases(store, CASES) });
console.log(`desk with ${CASES} cases ready in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
try {
  // Frame times depend on what else the machine runs: the load average is printed beside them, and
  // the two modes are measured back to back so their comparison holds within one run.
  const loadBefore = loadavg()[0]!;
  const windowed = await measure(desk, false);
  const naive = await measure(desk, true);
  const loadAfter = loadavg()[0]!;
  const fmt = (n: number) => n.toFixed(1).padStart(8);
  console.log(`\nqueue "All cases", ${CASES} cases loaded by scrolling, then ${SCROLL_FRAMES} frames at ${SCROLL_STEP_PX} px/frame (1280×800):`);
  console.log(`${'mode'.padEnd(18)} ${'load all'.padStart(10)} ${'rows'.padStart(7)} ${'DOM nodes'.padStart(10)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'>17.5ms'.padStart(8)}`);
  for (const m of [windowed, naive]) {
    console.log(`${m.mode.padEnd(18)} ${`${(m.loadAllMs / 1000).toFixed(1)} s`.padStart(10)} ${String(m.rowsInDom).padStart(7)} ${String(m.domNodes).padStart(10)} ${fmt(m.p50)} ${fmt(m.p95)} ${fmt(m.max)} ${String(m.slowFrames).padStart(8)}`);
  }
  console.log(`\nmachine load average (1 min) ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after, on ${availableCores()} cores`);
  console.log(`windowed vs naive: ${(naive.domNodes / windowed.domNodes).toFixed(0)}× fewer DOM nodes, p95 frame ${windowed.p95.toFixed(1)} ms vs ${naive.p95.toFixed(1)} ms`);
} finally {
  await desk.close();
}
