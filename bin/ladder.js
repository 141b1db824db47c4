#!/usr/bin/env node
// The published entry point runs the compiled CLI; `npm install` builds it (the prepare script),
// so `npx ladder …` works in a fresh clone without a separate build step.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const entry = join(root, 'dist', 'cli', 'main.js');
if (!existsSync(entry)) {
  process.stderr.write('ladder: the CLI is not built; run `npm install` (or `npm run build`) first\n');
  process.exit(1);
}
await import(pathToFileURL(entry).href);
