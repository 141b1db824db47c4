import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config.js';
import { startServer, type StartedServer } from '../../src/http/start-server.js';
import { openStore, type Store } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { SYSTEM_ACTOR } from '../../src/services/actor.js';
import { createUser } from '../../src/services/users/create-user.js';
import { createTeam } from '../../src/services/teams/create-team.js';
import { createApiToken } from '../../src/services/auth/create-api-token.js';

export const CHROMIUM = '/usr/bin/chromium';
export const PASSWORD = 'browser-suite-password';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const consoleSrc = join(repo, 'src', 'console');
const consoleDist = join(repo, 'dist', 'console');
export const screenshotDir = join(repo, 'test-results', 'screenshots');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

// Domain modules the console bundles (vocabularies and the status machine).
const sharedSources = ['src/domain/policy/vocabulary.ts', 'src/domain/cases/case-status.ts', 'src/domain/access/roles.ts'].map((p) => join(repo, p));

/** Builds the console when dist/console is missing or older than its sources. */
export function ensureConsoleBuilt(): string {
  const index = join(consoleDist, 'index.html');
  const newest = Math.max(newestMtime(consoleSrc), ...sharedSources.filter(existsSync).map((p) => statSync(p).mtimeMs));
  if (existsSync(index) && statSync(index).mtimeMs >= newest) return consoleDist;
  const build = spawnSync('npx', ['vite', 'build', '--config', 'src/console/vite.config.ts'], { cwd: repo, encoding: 'utf8', shell: process.platform === 'win32' });
  if (build.status !== 0) throw new Error(`the console build failed:\n${build.stdout}\n${build.stderr}`);
  return consoleDist;
}

export interface Desk {
  url: string;
  emails: { agent: string; lead: string; admin: string; supplier: string; compliance: string; backOffice: string };
  supplierTeamId: string;
  /** The lead's API token, to set up cases the way an integration would. */
  leadToken: string;
  browser: Browser;
  close(): Promise<void>;
}

export interface DeskOptions {
  /** Writes more to the fresh desk before the server starts (e.g. 10,000 cases). */
  seed?(store: Store): Promise<void>;
  /** More server settings, as environment variables (e.g. DESK_CURRENCY). */
  env?: Record<string, string>;
}

/** A real server on a fresh SQLite desk with one person per role the flows need, and Chromium. */
export async function openDesk(options: DeskOptions = {}): Promise<Desk> {
  const consoleDir = ensureConsoleBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'ladder-browser-'));
  const config = loadConfig({ LADDER_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent', SESSION_SECRET: 'x'.repeat(40), ...options.env });

  const store = await openStore({ databaseUrl: null, dataDir, poolSize: 1 });
  await migrateToLatest(store);
  const firstLine = await createTeam(store, SYSTEM_ACTOR, { key: 'first_line', name: 'First line', kind: 'support' });
  const supplierTeam = await createTeam(store, SYSTEM_ACTOR, { key: 'supplier', name: 'Fulfillment supplier', kind: 'supplier' });
  const emails = {
    agent: 'agent@browser.test', lead: 'lead@browser.test', admin: 'admin@browser.test', supplier: 'supplier@browser.test', compliance: 'compliance@browser.test',
    backOffice: 'backoffice@browser.test',
  };
  await createUser(store, SYSTEM_ACTOR, { email: emails.agent, name: 'Avery Agent', role: 'agent', password: PASSWORD, teamId: Number(firstLine.id) });
  await createUser(store, SYSTEM_ACTOR, { email: emails.lead, name: 'Lee Lead', role: 'lead', password: PASSWORD });
  await createUser(store, SYSTEM_ACTOR, { email: emails.admin, name: 'Ada Admin', role: 'admin', password: PASSWORD });
  await createUser(store, SYSTEM_ACTOR, { email: emails.supplier, name: 'Sam Supplier', role: 'supplier', password: PASSWORD, teamId: Number(supplierTeam.id) });
  await createUser(store, SYSTEM_ACTOR, { email: emails.compliance, name: 'Cora Compliance', role: 'compliance', password: PASSWORD });
  await createUser(store, SYSTEM_ACTOR, { email: emails.backOffice, name: 'Bo Backoffice', role: 'back_office', password: PASSWORD });
  const { token: leadToken } = await createApiToken(store, SYSTEM_ACTOR, { email: emails.lead, name: 'browser-suite' });
  await options.seed?.(store);
  await store.close();

  const server: StartedServer = await startServer({ config, consoleDir });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(screenshotDir, { recursive: true });
  return {
    url: server.url,
    emails,
    supplierTeamId: supplierTeam.id,
    leadToken,
    browser,
    async close() {
      await browser.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Calls the API as an integration would (Bearer token), failing loudly on any error. */
export async function apiAs<T>(desk: Desk, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${desk.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${desk.leadToken}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function signIn(desk: Desk, email: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const page = await desk.browser.newPage({ viewport });
  page.setDefaultTimeout(10_000);
  await page.goto(`${desk.url}/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  // From the top: a full-page capture of a scrolled page paints the sticky bars mid-page.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/**
 * Accessibility checks a flow can make on what is on screen: form controls without a label (visible
 * label, aria-label or aria-labelledby), and content wider than the window (nothing may scroll
 * sideways at 1280×800).
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const problems = [];
    for (const el of document.querySelectorAll('main input:not([type=hidden]), main select, main textarea')) {
      const named = (el.labels && el.labels.length > 0) || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
      if (!named) problems.push('unlabelled ' + el.outerHTML.slice(0, 120));
    }
    if (document.documentElement.scrollWidth > window.innerWidth) {
      problems.push('page wider than the window: ' + document.documentElement.scrollWidth + 'px > ' + window.innerWidth + 'px');
    }
    return problems;
  })()`);
}
