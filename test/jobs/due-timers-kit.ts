import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Store } from '../../src/store/database.js';
import { seedDefaultPolicy } from '../../src/services/policy/load-policy-runtime.js';
import { insertTeam } from '../../src/store/repositories/team.repository.js';
import { insertUser } from '../../src/store/repositories/user.repository.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url));

/**
 * `count` open P1 cases at L1, each owned by one agent, whose resolution clock (120 calendar
 * minutes, R001-13) came due a minute ago and was already warned: each is exactly one breach,
 * alerting the agent and the L2 lead by email and in-app (4 outbox rows, 2 emails).
 */
export async function seedDueTimers(store: Store, count: number): Promise<{ startedAt: string; dueAt: string }> {
  await seedDefaultPolicy(store);
  const t = new Date().toISOString();
  const firstLine = await insertTeam(store.db, { key: 'first_line', name: 'First line', kind: 'support', calendar: null, at: t });
  const leads = await insertTeam(store.db, { key: 'leads', name: 'Leads', kind: 'support', calendar: null, at: t });
  const agent = await insertUser(store.db, { email: 'agent@test.ladder', name: 'Agent', role: 'agent', teamId: firstLine.id, passwordHash: null, at: t });
  await insertUser(store.db, { email: 'lead@test.ladder', name: 'Lead', role: 'lead', teamId: leads.id, passwordHash: null, at: t });
  const now = Date.now();
  const startedAt = new Date(now - 121 * 60_000).toISOString();
  const dueAt = new Date(now - 60_000).toISOString();
  const clock = JSON.stringify({ kind: 'resolution', target: { minutes: 120, basis: 'calendar' }, startedAt, pauses: [] });
  for (let i = 0; i < count; i += 250) {
    const n = Math.min(250, count - i);
    const cases = await store.db
      .insertInto('cases')
      .values(Array.from({ length: n }, () => ({
        subject: 'Due timer', category: 'order_status', status: 'open', priority: 'P1', level: 'L1', escalated: 0,
        policy_level: 'L1', policy_priority: 'P1', assignee_id: agent.id, team_id: firstLine.id, storefront: 'web',
        facts_json: '{}', decision_json: '{}', policy_version: 1, created_at: startedAt, updated_at: startedAt,
      })))
      .returning('id')
      .execute();
    await store.db
      .insertInto('case_clocks')
      .values(cases.map((c) => ({
        case_id: Number(c.id), kind: 'resolution', clock_json: clock, state: 'running', due_at: dueAt, warn_at: null,
        warned_at: startedAt, breached_at: null, created_at: startedAt, updated_at: startedAt,
      })))
      .execute();
  }
  return { startedAt, dueAt };
}

export interface Tally {
  breachEvents: number;
  casesBreached: number;
  outboxRows: number;
  outboxSent: number;
  notifications: number;
  jobsOpen: number;
  deadJobs: number;
}

export async function tally(store: Store): Promise<Tally> {
  const one = async (q: Promise<{ n: number | string | bigint } | undefined>) => Number((await q)?.n ?? 0);
  const db = store.db;
  return {
    breachEvents: await one(db.selectFrom('case_events').select((eb) => eb.fn.countAll<number>().as('n')).where('type', '=', 'sla_breached').executeTakeFirst()),
    casesBreached: await one(db.selectFrom('case_events').select((eb) => eb.fn.count<number>('case_id').distinct().as('n')).where('type', '=', 'sla_breached').executeTakeFirst()),
    outboxRows: await one(db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()),
    outboxSent: await one(db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'sent').executeTakeFirst()),
    notifications: await one(db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()),
    jobsOpen: await one(db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('state', 'in', ['queued', 'running']).executeTakeFirst()),
    deadJobs: await one(db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'dead').executeTakeFirst()),
  };
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function spawnWorkerProcess(args: Record<string, unknown>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', TSX, 'test/jobs/support/worker-process.ts', JSON.stringify(args)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => { if (d.toString().includes('ready')) resolve(child); });
    child.once('exit', (code) => reject(new Error(`worker process exited with ${code}: ${err}`)));
  });
}

export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
