import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isCi } from '../../src/config.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  stderr: () => string;
}

/** Starts `ladder serve` as a real process (for crash and multi-instance tests). */
export async function startServerProcess(env: Record<string, string>, port: number, nodeArgs: string[] = []): Promise<ServerProcess> {
  let err = '';
  // CI runs on a fresh `npm install`, whose build is current: start the real binary (faster). On a
  // developer machine dist/ may be stale, so run the sources.
  const compiled = isCi() && existsSync(`${ROOT}dist/cli/main.js`);
  const args = [...nodeArgs, ...(compiled ? ['bin/ladder.js', 'serve'] : ['--import', TSX, 'src/cli/main.ts', 'serve'])];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${err}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become ready: ${err}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, url, stderr: () => err };
}

export function killHard(p: ServerProcess): Promise<void> {
  return new Promise((resolve) => {
    if (p.child.exitCode !== null || p.child.signalCode !== null) return resolve();
    p.child.once('exit', () => resolve());
    p.child.kill('SIGKILL');
  });
}

/**
 * A port for a child server, below Linux's ephemeral range (32768–60999): a port drawn from that
 * range may be the source port of one of the many client connections tests open (PostgreSQL
 * pools, HTTP clients), and the child would then exit with EADDRINUSE.
 */
export function freePort(): number {
  return 20_000 + Math.floor(Math.random() * 12_000);
}
