// The console's size budget: the JavaScript a browser must fetch before the first screen, gzipped,
// stays under 250 KB (issue 8). Lazily loaded chunks (administration) do not count.
// Run: npm run bench:console   (builds the console first when dist/console is missing)

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 250;
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const consoleDir = join(repo, 'dist', 'console');
const indexFile = join(consoleDir, 'index.html');

if (!existsSync(indexFile)) {
  console.log('dist/console is missing; building the console…');
  const build = spawnSync('npx', ['vite', 'build', '--config', 'src/console/vite.config.ts'], { cwd: repo, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) {
    console.error('the console build failed');
    process.exit(1);
  }
}

const html = readFileSync(indexFile, 'utf8');
// What index.html makes the browser load at once: module scripts and module preloads.
const urls = new Set<string>();
for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"/g)) urls.add(m[1]!);
for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+\.js)"/g)) urls.add(m[1]!);
for (const m of html.matchAll(/<link\b[^>]*\bhref="([^"]+\.js)"[^>]*\brel="modulepreload"/g)) urls.add(m[1]!);
if (urls.size === 0) {
  console.error('index.html loads no JavaScript: is dist/console a console build?');
  process.exit(1);
}

let totalBytes = 0;
const rows: string[] = [];
for (const url of urls) {
  const file = join(consoleDir, url.replace(/^\//, ''));
  const raw = readFileSync(file);
  const gz = gzipSync(raw, { level: 9 }).length;
  totalBytes += gz;
  rows.push(`  ${url.padEnd(40)} ${(raw.length / 1024).toFixed(1).padStart(8)} KB raw ${(gz / 1024).toFixed(1).padStart(8)} KB gzipped`);
}

const totalKb = totalBytes / 1024;
console.log('console JavaScript loaded initially:');
for (const r of rows) console.log(r);
console.log(`total ${totalKb.toFixed(1)} KB gzipped — budget ${BUDGET_KB} KB — ${totalKb <= BUDGET_KB ? 'OK' : 'OVER BUDGET'}`);
if (totalKb > BUDGET_KB) process.exit(1);
