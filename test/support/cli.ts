import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { createTestApp, type TestApp } from './app.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `ladder ARGS` from the sources as an operator would, against the store `env` names. */
export function ladder(env: Record<string, string>, args: string[], stdin?: string): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', TSX, 'src/cli/main.ts', ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('exit', (code) => resolve({ code, stdout, stderr: stderr.trim() }));
    child.stdin.end(stdin ?? '');
  });
}

/** The environment that points `ladder` at a test app's SQLite store. */
export function cliEnvOf(t: TestApp): Record<string, string> {
  return { LADDER_DATA_DIR: t.store.dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' };
}

export interface CliTestApp {
  /** The app whose store the commands run against; set before the first test. */
  t: TestApp;
  env: Record<string, string>;
}

/**
 * A SQLite test app for the calling describe block — made before its tests, closed after — and the
 * `ladder` environment for it. Read the fields inside tests: they are empty while tests are collected.
 */
export function useCliTestApp(): CliTestApp {
  const cli = {} as CliTestApp;
  beforeAll(async () => {
    cli.t = await createTestApp('sqlite');
    cli.env = cliEnvOf(cli.t);
  });
  afterAll(async () => { await cli.t?.close(); });
  return cli;
}
