// npm run bench:sla — issue 4 item 8. With 100,000 open and 1,000,000 closed cases (rows bulk-
// inserted straight into the tables):
//   1. the delay from an SLA clock's due moment to its notification being sent (email over SMTP to
//      a local server, and in-app), p50/p99, for 1,000 clocks coming due over ~15 s, with the
//      default SLA_SWEEP_INTERVAL_MS / JOB_POLL_INTERVAL_MS (target p99 ≤ 5 s); PostgreSQL runs two
//      instances (the second in its own process, as deployed; --in-process keeps both in this
//      one, sharing an event loop), SQLite one;
//   2. the sweep's cost with 100,000 vs 10,000 open cases and the same number due, and with ten
//      times as many due — it follows the number due, not the number open.
// Usage: npm run bench:sla [-- postgres|sqlite] (default: every available database)
//        [--closed N] [--open N] [--phase steady|burst] [--skip-sweep] [--in-process];
//        SLA_BENCH_CPU_PROF=DIR writes the second instance's CPU profile there.
import { spawn } from 'node:child_process';
import { sql } from 'kysely';
import { availableDialects, createTestStore, type TestStore } from '../test/support/databases.js';
import { loadConfig, type Config } from '../src/config.js';
import { openStore, type Dialect, type Store } from '../src/store/database.js';
import { seedDefaultPolicy } from '../src/services/policy/load-policy-runtime.js';
import { insertTeam } from '../src/store/repositories/team.repository.js';
import { insertUser } from '../src/store/repositories/user.repository.js';
import { startWorker, type Worker } from '../src/jobs/worker.js';
import { queueDueClockAlerts } from '../src/jobs/sla-sweep.job.js';
import { createSmtpMailer } from '../src/integrations/email/smtp-mailer.js';

// Smaller runs for iterating on one part: --closed N --open N --phase steady|burst --skip-sweep.
const argv = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const CLOSED = Number(flag('closed') ?? 1_000_000);
const OPEN = Number(flag('open') ?? 100_000);
const ONLY_PHASE = flag('phase');
const SKIP_SWEEP = argv.includes('--skip-sweep');
const CONCURRENCY = flag('concurrency') === undefined ? undefined : Number(flag('concurrency'));
const MEASURED = 1_000;
/** The measured clocks come due from 10 s after the workers start. */
const FIRST_DUE_MS = 10_000;
const PHASES = [
  { name: 'steady', stepMs: 60 },
  { name: 'burst', stepMs: 0 },
] as const;

const fmt = (n: number) => n.toLocaleString('en-US');
const iso = (ms: number) => new Date(ms).toISOString();
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function timed<T>(label: string, body: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await body();
  process.stdout.write(`  ${label}: ${seconds(performance.now() - t0)}\n`);
  return out;
}

/** ISO-8601 UTC text with milliseconds from a timestamp expression, per database. */
function isoSql(dialect: Dialect, secondsExpr: string, baseEpochSeconds: number): string {
  return dialect === 'postgres'
    ? `to_char(to_timestamp(${baseEpochSeconds} + ${secondsExpr}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
    : `strftime('%Y-%m-%dT%H:%M:%fZ', ${baseEpochSeconds} + ${secondsExpr}, 'unixepoch')`;
}

function series(dialect: Dialect, count: number): { from: string; n: string } {
  return dialect === 'postgres'
    ? { from: `generate_series(1, ${count}) as g(n)`, n: 'g.n' }
    : { from: `(with recursive g(n) as (select 1 union all select n + 1 from g where n < ${count}) select n from g) as g`, n: 'g.n' };
}

async function seed(store: TestStore): Promise<{ agentId: number; teamId: number }> {
  const d = store.dialect;
  await seedDefaultPolicy(store);
  const t = new Date().toISOString();
  const firstLine = await insertTeam(store.db, { key: 'first_line', name: 'First line', kind: 'support', calendar: null, at: t });
  const leads = await insertTeam(store.db, { key: 'leads', name: 'Leads', kind: 'support', calendar: null, at: t });
  const agent = await insertUser(store.db, { email: 'agent@bench.ladder', name: 'Agent', role: 'agent', teamId: firstLine.id, passwordHash: null, at: t });
  await insertUser(store.db, { email: 'lead@bench.ladder', name: 'Lead', role: 'lead', teamId: leads.id, passwordHash: null, at: t });

  const base2025 = Date.parse('2025-01-01T00:00:00Z') / 1000;
  const closed = series(d, CLOSED);
  await timed(`${fmt(CLOSED)} closed cases`, () => sql.raw(`
    insert into cases (subject, category, status, priority, level, escalated, policy_level, policy_priority, storefront,
      facts_json, decision_json, policy_version, created_at, updated_at, resolved_at, closed_at)
    select 'closed case', 'order_status', 'closed', 'P3', 'L1', 0, 'L1', 'P3', 'web', '{}', '{}', 1,
      ${isoSql(d, `${closed.n} * 20`, base2025)}, ${isoSql(d, `${closed.n} * 20 + 7200`, base2025)},
      ${isoSql(d, `${closed.n} * 20 + 3600`, base2025)}, ${isoSql(d, `${closed.n} * 20 + 7200`, base2025)}
    from ${closed.from}`).execute(store.db));
  const metClock = JSON.stringify({ kind: 'resolution', target: { minutes: 1440, basis: 'calendar' }, startedAt: '2025-01-01T00:00:00.000Z', pauses: [], metAt: '2025-01-01T01:00:00.000Z' });
  await timed(`${fmt(CLOSED)} met clocks of closed cases`, () => sql.raw(`
    insert into case_clocks (case_id, kind, clock_json, state, due_at, warn_at, warned_at, breached_at, created_at, updated_at)
    select id, 'resolution', '${metClock}', 'met', null, null, null, null, created_at, updated_at from cases where status = 'closed'`).execute(store.db));

  // Open cases: resolution clocks due within the next 30 days, nothing due during the run.
  const now = Math.floor(Date.now() / 1000);
  const open = series(d, OPEN);
  await timed(`${fmt(OPEN)} open cases`, () => sql.raw(`
    insert into cases (subject, category, status, priority, level, escalated, policy_level, policy_priority, storefront,
      assignee_id, team_id, facts_json, decision_json, policy_version, created_at, updated_at)
    select 'open case', 'order_status', 'open', 'P1', 'L1', 0, 'L1', 'P1', 'web', ${agent.id}, ${firstLine.id}, '{}', '{}', 1,
      ${isoSql(d, '0', now)}, ${isoSql(d, '0', now)}
    from ${open.from}`).execute(store.db));
  const started = iso(now * 1000);
  const farClock = JSON.stringify({ kind: 'resolution', target: { minutes: 43_200, basis: 'calendar' }, startedAt: started, pauses: [] });
  await timed(`${fmt(OPEN)} running clocks of open cases`, () => sql.raw(`
    insert into case_clocks (case_id, kind, clock_json, state, due_at, warn_at, warned_at, breached_at, created_at, updated_at)
    select id, 'resolution', '${farClock}', 'running', ${isoSql(d, `86400 + (id % 2500000)`, now)}, null, created_at, null, created_at, updated_at
    from cases where status = 'open'`).execute(store.db));
  await timed('analyze', () => sql.raw('analyze').execute(store.db));
  return { agentId: agent.id, teamId: firstLine.id };
}

/** Makes MEASURED open clocks come due `stepMs` apart from `firstDueMs` (P1 resolution: 120 calendar minutes, R001-13). */
async function scheduleMeasuredClocks(store: Store, firstDueMs: number, stepMs: number): Promise<number[]> {
  const rows = await store.db.selectFrom('case_clocks').select('id').where('state', '=', 'running').orderBy('id').limit(MEASURED).execute();
  await store.db.transaction().execute(async (trx) => {
    for (const [i, row] of rows.entries()) {
      const due = firstDueMs + i * stepMs;
      const startedAt = iso(due - 120 * 60_000);
      await trx.updateTable('case_clocks').set({
        clock_json: JSON.stringify({ kind: 'resolution', target: { minutes: 120, basis: 'calendar' }, startedAt, pauses: [] }),
        due_at: iso(due), warn_at: null, warned_at: startedAt,
      }).where('id', '=', Number(row.id)).execute();
    }
  });
  return rows.map((r) => Number(r.id));
}

interface Latency {
  p50: number;
  p99: number;
  max: number;
  count: number;
  byChannel: Record<string, { p50: number; p99: number }>;
  /** From the first due moment to the last notification sent. */
  spanMs: number;
}

async function latency(store: TestStore, stepMs: number): Promise<Latency> {
  const smtp = await startSmtpSinkProcess();
  const config: Config = {
    ...loadConfig({ LADDER_DATA_DIR: store.dataDir, LOG_LEVEL: 'silent', MAIL_FROM: 'Ladder <desk@bench.ladder>' }),
    databaseUrl: store.url,
  };
  const firstDue = Date.now() + FIRST_DUE_MS;
  const clockIds = await scheduleMeasuredClocks(store, firstDue, stepMs);
  const sentBefore = Number((await store.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'sent').executeTakeFirst())?.n ?? 0);
  const stores: Store[] = [store];
  // The second instance: its own process by default, as deployed; --in-process shares this one's event loop.
  const inProcess = argv.includes('--in-process');
  if (store.dialect === 'postgres' && inProcess) stores.push(await openStore({ databaseUrl: store.url, dataDir: store.dataDir, schema: store.schema!, poolSize: 10 }));
  const second = store.dialect === 'postgres' && !inProcess ? await startSecondInstance(store, smtp.url) : null;
  const mailers = stores.map(() => createSmtpMailer({ url: smtp.url, from: config.mailFrom, ...(flag('smtp-connections') ? { maxConnections: Number(flag('smtp-connections')) } : {}) }));
  const workers: Worker[] = stores.map((s, i) => startWorker({ store: s, config, options: { mailer: mailers[i]!, workerId: `bench-${i}`, ...(CONCURRENCY ? { concurrency: CONCURRENCY } : {}) } }));
  const expected = sentBefore + MEASURED * 4;
  const deadline = firstDue + MEASURED * stepMs + 120_000;
  for (;;) {
    const sent = Number((await store.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'sent').executeTakeFirst())?.n ?? 0);
    if (sent >= expected) break;
    if (Date.now() > deadline) throw new Error(`only ${sent} of ${expected} notifications sent`);
    await new Promise((r) => setTimeout(r, 250));
  }
  for (const w of workers) await w.stop();
  if (second) await second.stop();
  for (const m of mailers) m.close();
  for (const s of stores.slice(1)) await s.close();
  await smtp.close();

  const rows = await store.db
    .selectFrom('outbox')
    .innerJoin('case_clocks', 'case_clocks.case_id', 'outbox.case_id')
    .select(['outbox.channel', 'outbox.sent_at', 'case_clocks.breached_at'])
    .where('outbox.state', '=', 'sent')
    .where('case_clocks.id', 'in', clockIds)
    .execute();
  const delays = new Map<string, number[]>();
  const all: number[] = [];
  let lastSent = 0;
  for (const r of rows) {
    lastSent = Math.max(lastSent, Date.parse(r.sent_at!));
    const ms = Date.parse(r.sent_at!) - Date.parse(r.breached_at!);
    all.push(ms);
    const list = delays.get(r.channel) ?? [];
    list.push(ms);
    delays.set(r.channel, list);
  }
  all.sort((a, b) => a - b);
  const byChannel: Record<string, { p50: number; p99: number }> = {};
  for (const [channel, list] of delays) {
    list.sort((a, b) => a - b);
    byChannel[channel] = { p50: percentile(list, 50), p99: percentile(list, 99) };
  }
  return { p50: percentile(all, 50), p99: percentile(all, 99), max: all[all.length - 1]!, count: all.length, byChannel, spanMs: lastSent - firstDue };
}

/** A worker instance in its own process (bench/lib/sla-worker-process.ts) on the same database and SMTP sink. */
/** The SMTP sink in its own process (bench/lib/smtp-sink-process.ts). */
async function startSmtpSinkProcess(): Promise<{ url: string; close: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/lib/smtp-sink-process.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim()));
    child.once('exit', (code) => reject(new Error(`SMTP sink exited with ${code}`)));
  });
  return {
    url,
    close: () => new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

async function startSecondInstance(store: TestStore, smtpUrl: string): Promise<{ stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [
    ...(process.env.SLA_BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.SLA_BENCH_CPU_PROF] : []), '--import', 'tsx', 'bench/lib/sla-worker-process.ts', store.url!, store.schema!, store.dataDir, smtpUrl, 'bench-1', String(CONCURRENCY ?? 0), ...(flag('smtp-connections') ? [flag('smtp-connections')!] : []),
  ], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`second instance exited with ${code}`)));
  });
  return {
    stop: () => new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

async function sweepMs(store: Store, now: Date): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < 7; i++) {
    await store.db.deleteFrom('jobs').where('kind', 'in', ['sla-breach', 'sla-warning']).where('state', '=', 'queued').execute();
    const t0 = performance.now();
    await queueDueClockAlerts(store, { now, lookAheadMs: 0, limit: 100_000 });
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  return runs[3]!;
}

/** Sweep cost at 100,000 and 10,000 open cases with the same number due. */
async function sweepCost(store: Store): Promise<{ open: number; due: number; ms: number }[]> {
  const now = new Date();
  const far = iso(now.getTime() + 30 * 86_400_000);
  const past = iso(now.getTime() - 60_000);
  // Every open case's clock pending again (the latency run breached some), none due.
  await store.db.updateTable('case_clocks').set({ due_at: far, state: 'running' }).where('state', '!=', 'met').execute();
  const running = await store.db.selectFrom('case_clocks').select('id').where('due_at', 'is not', null).orderBy('id').execute();
  const ids = running.map((r) => Number(r.id));
  const setDue = async (dueIds: number[]) => {
    await store.db.updateTable('case_clocks').set({ due_at: far }).where('due_at', 'is not', null).execute();
    for (let i = 0; i < dueIds.length; i += 5_000) await store.db.updateTable('case_clocks').set({ due_at: past }).where('id', 'in', dueIds.slice(i, i + 5_000)).execute();
  };
  const out: { open: number; due: number; ms: number }[] = [];
  const openNow = async () => Number((await store.db.selectFrom('case_clocks').select((eb) => eb.fn.countAll<number>().as('n')).where('due_at', 'is not', null).executeTakeFirst())?.n ?? 0);
  for (const due of [1_000, 10_000]) {
    await setDue(ids.slice(0, due));
    out.push({ open: await openNow(), due, ms: await sweepMs(store, now) });
  }
  // Down to 10,000 open: the other 90,000 clocks are met (nothing pending any more).
  const keep = new Set(ids.slice(0, 10_000));
  const closing = ids.filter((id) => !keep.has(id));
  for (let i = 0; i < closing.length; i += 5_000) {
    await store.db.updateTable('case_clocks').set({ due_at: null, state: 'met' }).where('id', 'in', closing.slice(i, i + 5_000)).execute();
  }
  await setDue(ids.slice(0, 1_000));
  out.push({ open: await openNow(), due: 1_000, ms: await sweepMs(store, now) });
  return out;
}

const requested = argv.find((a) => a === 'postgres' || a === 'sqlite') as Dialect | undefined;
const dialects = (await availableDialects()).filter((d) => !requested || d === requested);
const results: { dialect: Dialect; lats: { phase: string; lat: Latency }[]; sweeps: Awaited<ReturnType<typeof sweepCost>> }[] = [];
for (const dialect of dialects) {
  process.stdout.write(`\n${dialect}: seeding ${fmt(CLOSED)} closed and ${fmt(OPEN)} open cases\n`);
  const store = await createTestStore(dialect);
  try {
    await seed(store);
    const lats: { phase: string; lat: Latency }[] = [];
    for (const phase of PHASES.filter((p) => !ONLY_PHASE || p.name === ONLY_PHASE)) {
      process.stdout.write(`  ${phase.name}: ${fmt(MEASURED)} clocks due over ${seconds(MEASURED * phase.stepMs)}, ${dialect === 'postgres' ? 'two instances' : 'one instance'}\n`);
      lats.push({ phase: phase.name, lat: await latency(store, phase.stepMs) });
    }
    const sweeps = SKIP_SWEEP || OPEN < 10_000 ? [] : await sweepCost(store);
    results.push({ dialect, lats, sweeps });
  } finally {
    await store.dispose();
  }
}

process.stdout.write('\nDue moment → notification sent (4 per breach: 2 emails over SMTP, 2 in-app; default sweep 15 s, poll 1 s)\n');
process.stdout.write('| database   | phase  | notifications |    p50 |    p99 |    max | email p99 | in-app p99 | last sent after first due | p99 ≤ 5 s |\n');
process.stdout.write('|------------|--------|--------------:|-------:|-------:|-------:|----------:|-----------:|--------------------------:|:---------:|\n');
for (const { dialect, lats } of results) {
  const s = (ms: number | undefined) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`);
  for (const { phase, lat } of lats) {
    process.stdout.write(`| ${dialect.padEnd(10)} | ${phase.padEnd(6)} | ${fmt(lat.count).padStart(13)} | ${s(lat.p50).padStart(6)} | ${s(lat.p99).padStart(6)} | ${s(lat.max).padStart(6)} | ${s(lat.byChannel.email?.p99).padStart(9)} | ${s(lat.byChannel.in_app?.p99).padStart(10)} | ${s(lat.spanMs).padStart(25)} | ${lat.p99 <= 5_000 ? 'yes' : 'no'} |\n`);
  }
}
process.stdout.write('\nSweep cost (find due clocks + queue one job each; median of 7), 1,000,000 closed cases in the table\n');
process.stdout.write('| database   | open clocks | due now | sweep ms |\n');
process.stdout.write('|------------|------------:|--------:|---------:|\n');
for (const { dialect, sweeps } of results) {
  for (const s of sweeps) process.stdout.write(`| ${dialect.padEnd(10)} | ${fmt(s.open).padStart(11)} | ${fmt(s.due).padStart(7)} | ${s.ms.toFixed(1).padStart(8)} |\n`);
}
