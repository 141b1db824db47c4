// npm run bench — issue 2 item 10: cases opened per second through the HTTP API with 50 concurrent
// clients, on SQLite and PostgreSQL, next to a raw baseline measured in the same run: the same
// number of single-row INSERT transactions sent straight through the driver, at the same
// concurrency and durability settings. Prints the ratio (target ≥ 0.5 on both).
//
// Two more columns, measured in the same run, say where the rest goes: the desk with every opening
// in its own transaction (OPEN_CASE_BATCH_MAX=1: what the batcher gains), and the HTTP ceiling —
// a Fastify process answering 201 and doing nothing, driven by the same client.
//
// CPU columns (from /proc, Linux) say what each opening costs, which is what decides throughput
// once a process is saturated and swings far less between runs than throughput does on a shared
// machine: the server's CPU per case, PostgreSQL's (all its backends) per case next to its cost
// per raw insert, and the no-op server's CPU per request. "Where the CPU goes" then adds up an
// opening's CPU over every process (the server, and within it its event loop's own thread; the load
// client; PostgreSQL) next to a raw insert's, and says how long an fdatasync takes here: where it
// is short, the raw rate measures CPU rather than the disk.
import { join } from 'node:path';
import { closeSync, fdatasyncSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import pg from 'pg';
import { sql } from 'kysely';
import Database from 'better-sqlite3';
import { availableDialects, createTestStore, postgresUrlWithSchema, type TestStore } from '../test/support/databases.js';
import { freePort, killHard, startServerProcess } from '../test/support/server-process.js';
import { SYSTEM_ACTOR } from '../src/services/actor.js';
import { createUser } from '../src/services/users/create-user.js';
import { createApiToken } from '../src/services/auth/create-api-token.js';
import { seedDefaultPolicy } from '../src/services/policy/load-policy-runtime.js';
import { httpLoadClient, runConcurrent } from './lib/http-load.js';

const CONCURRENCY = 50;
const args = process.argv.slice(2);
const VALUED = new Set(['--cpu-prof', '--only', '--warmup', '--node-arg']);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const REQUESTS = Number(args.find((a, i) => /^\d+$/.test(a) && !VALUED.has(args[i - 1] ?? '')) ?? 4000);
// `npm run bench -- 4000 --cpu-prof DIR` writes a V8 CPU profile of each server process into DIR.
const profileDir = option('--cpu-prof');
const onlyDialect = option('--only');
// `--node-arg --max-semi-space-size=64` (repeatable) starts the desk's servers with that flag.
const serverNodeArgs = args.flatMap((a, i) => (args[i - 1] === '--node-arg' ? [a] : []));
// Warm-up openings before each measured run (`--warmup N`). V8 keeps optimizing, and re-optimizing,
// the hot path on background threads for several seconds after start: with 200 warm-up requests,
// compilation took about a quarter of the server's CPU during the measured run (perf, 2026-12-06).
// They name other customers, so the measured openings see the same prior history whatever the
// warm-up (each opening reads its customer's earlier cases).
const WARMUP = Number(option('--warmup') ?? 3000);

function caseBody(i: number, customerPrefix = 'BENCH-C') {
  return JSON.stringify({
    category: ['damaged_item', 'order_status', 'wrong_item', 'refund_request'][i % 4],
    subject: `bench case ${i}`,
    channel: 'email',
    customer: { id: `${customerPrefix}-${i % 500}` },
    order: { number: `ORD-20261120-${String(i).padStart(6, '0')}`, total: '129.00', currency: 'USD', fulfillment: 'delivered' },
    timeline: [{ type: 'message', from: 'customer', text: 'My order arrived broken, please help.' }],
  });
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); NaN elsewhere. */
function cpuSecondsOf(pid: number | undefined, mainThreadOnly = false): number {
  try {
    const fields = readFileSync(mainThreadOnly ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return Number.NaN;
  }
}

/** A PostgreSQL process that exited mid-run can make a difference negative: print NaN, not a wrong number. */
const orNaNIfNegative = (micros: number) => (micros < 0 ? Number.NaN : micros);

/**
 * CPU seconds used so far by every PostgreSQL server process on this machine (its backends do the
 * database's work). A process that exits during the run (an autovacuum worker) takes its time with
 * it, so a difference can come out low, even negative; the pool's backends live through the run.
 */
function postgresCpuSeconds(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.split(') ')[1]!.split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/** Cases per second, and the server's CPU time per case: the cost that decides throughput once the server is saturated. */
async function benchApi(store: TestStore, extraEnv: Record<string, string> = {}): Promise<{ perSecond: number; cpuMicros: number; databaseCpuMicros: number; clientCpuMicros: number; loopCpuMicros: number; loopBusy: number }> {
  await seedDefaultPolicy(store);
  await createUser(store, SYSTEM_ACTOR, { email: 'bench@bench.ladder', role: 'agent' });
  const token = (await createApiToken(store, SYSTEM_ACTOR, { email: 'bench@bench.ladder' })).token;
  const env: Record<string, string> = {
    LADDER_DATA_DIR: store.dataDir,
    SESSION_SECRET: 'b'.repeat(40),
    // `OPEN_CASE_BATCH_MAX=1 npm run bench` measures openings written one per transaction.
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('OPEN_CASE_')) as [string, string][]),
    ...extraEnv,
    ...(store.url && store.schema ? { DATABASE_URL: postgresUrlWithSchema(store.url, store.schema), DATABASE_POOL_SIZE: '10' } : {}),
  };
  const server = await startServerProcess(env, freePort(), [...serverNodeArgs, ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [])]);
  try {
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const client = httpLoadClient(server.url, CONCURRENCY);
    // Warm-up: JIT, policy compile, connection pool (see WARMUP).
    await runConcurrent(WARMUP, CONCURRENCY, async (i) => {
      await client.post('/api/v1/cases', headers, caseBody(1_000_000 + i, 'WARM-C'));
    });
    // On a live desk autovacuum analyzes a growing table within a minute; this schema is seconds old
    // and has no statistics yet, and without them PostgreSQL reads an opening's prior issues
    // (customer_id IN (…)) with a sequential scan of cases: 3.5 ms per batch at 6,000 cases instead
    // of 0.7, growing with the table. Measure the desk as it runs, not in its first minute.
    if (store.url) await analyzeSchema(store);
    let failures = 0;
    let lastFailure = '';
    const cpuBefore = cpuSecondsOf(server.child.pid);
    const loopCpuBefore = cpuSecondsOf(server.child.pid, true);
    const startedAt = process.hrtime.bigint();
    const databaseCpuBefore = store.url ? postgresCpuSeconds() : Number.NaN;
    const clientCpuBefore = process.cpuUsage();
    const seconds = await runConcurrent(REQUESTS, CONCURRENCY, async (i) => {
      const res = await client.post('/api/v1/cases', headers, caseBody(i));
      if (res.status !== 201) { failures++; lastFailure = res.body; }
    });
    const clientCpu = process.cpuUsage(clientCpuBefore);
    const loopCpu = cpuSecondsOf(server.child.pid, true) - loopCpuBefore;
    const busy = loopCpu / (Number(process.hrtime.bigint() - startedAt) / 1e9);
    client.close();
    if (failures > 0) throw new Error(`${failures} requests failed (${lastFailure}): ${server.stderr()}`);
    const cpuMicros = ((cpuSecondsOf(server.child.pid) - cpuBefore) * 1e6) / REQUESTS;
    const databaseCpuMicros = orNaNIfNegative(((postgresCpuSeconds() - databaseCpuBefore) * 1e6) / REQUESTS);
    return { perSecond: REQUESTS / seconds, cpuMicros, databaseCpuMicros, clientCpuMicros: (clientCpu.user + clientCpu.system) / REQUESTS, loopCpuMicros: (loopCpu * 1e6) / REQUESTS, loopBusy: busy };
  } finally {
    if (profileDir) {
      // SIGTERM lets the server shut down cleanly so V8 writes the profile; SIGKILL would lose it.
      await new Promise<void>((resolve) => { server.child.once('exit', () => resolve()); server.child.kill('SIGTERM'); });
    } else {
      await killHard(server);
    }
  }
}

async function analyzeSchema(store: TestStore): Promise<void> {
  const tables = await sql<{ tablename: string }>`select tablename from pg_tables where schemaname = current_schema()`.execute(store.db);
  for (const { tablename } of tables.rows) await sql.raw(`analyze "${tablename}"`).execute(store.db);
}

async function benchHttpCeiling(): Promise<{ perSecond: number; cpuMicros: number }> {
  const port = freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/lib/noop-server.ts', String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout!.once('data', () => resolve());
      child.once('exit', (code) => reject(new Error(`no-op server exited with ${code}`)));
    });
    const client = httpLoadClient(`http://127.0.0.1:${port}`, CONCURRENCY);
    const headers = { 'content-type': 'application/json' };
    await runConcurrent(WARMUP, CONCURRENCY, async (i) => { await client.post('/api/v1/cases', headers, caseBody(i)); });
    const cpuBefore = cpuSecondsOf(child.pid);
    const seconds = await runConcurrent(REQUESTS, CONCURRENCY, async (i) => { await client.post('/api/v1/cases', headers, caseBody(i)); });
    const cpuMicros = ((cpuSecondsOf(child.pid) - cpuBefore) * 1e6) / REQUESTS;
    client.close();
    return { perSecond: REQUESTS / seconds, cpuMicros };
  } finally {
    child.kill('SIGKILL');
  }
}

/** CPU per raw insert, all processes (this one, and PostgreSQL's): what the raw baseline costs the machine. */
let rawCpuMicros = Number.NaN;

async function benchRawSqlite(dir: string): Promise<number> {
  const db = new Database(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('create table raw_cases (id integer primary key autoincrement, subject text, category text, created_at text)');
  const insert = db.prepare('insert into raw_cases (subject, category, created_at) values (?, ?, ?)');
  // better-sqlite3 is synchronous: "50 concurrent clients" reduce to one writer, as in the server.
  const cpuBefore = process.cpuUsage();
  const seconds = await runConcurrent(REQUESTS, CONCURRENCY, async (i) => {
    insert.run(`raw ${i}`, 'order_status', new Date().toISOString());
  });
  const cpu = process.cpuUsage(cpuBefore);
  rawCpuMicros = (cpu.user + cpu.system) / REQUESTS;
  db.close();
  return REQUESTS / seconds;
}

let rawPostgresCpuMicros = Number.NaN;

async function benchRawPostgres(url: string, schema: string): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: 10, options: `-c search_path=${schema}` });
  await pool.query('create table raw_cases (id bigint generated by default as identity primary key, subject text, category text, created_at text)');
  const databaseCpuBefore = postgresCpuSeconds();
  const cpuBefore = process.cpuUsage();
  const seconds = await runConcurrent(REQUESTS, CONCURRENCY, async (i) => {
    await pool.query('insert into raw_cases (subject, category, created_at) values ($1, $2, $3)', [`raw ${i}`, 'order_status', new Date().toISOString()]);
  });
  const cpu = process.cpuUsage(cpuBefore);
  rawPostgresCpuMicros = orNaNIfNegative(((postgresCpuSeconds() - databaseCpuBefore) * 1e6) / REQUESTS);
  rawCpuMicros = rawPostgresCpuMicros + (cpu.user + cpu.system) / REQUESTS;
  await pool.end();
  return REQUESTS / seconds;
}

/**
 * How long one 4 KB write + fdatasync takes in `dir`: what a durable single-row commit waits for.
 * Where it is short, a raw insert's rate measures CPU rather than the disk, and a ratio to it says
 * how the desk's CPU per opening compares with a bare INSERT's.
 */
function fdatasyncMicros(dir: string): number {
  const file = join(dir, 'fsync-probe');
  const fd = openSync(file, 'w');
  const page = Buffer.alloc(4096, 1);
  const n = 300;
  const started = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    writeSync(fd, page, 0, page.length, (i % 16) * page.length);
    fdatasyncSync(fd);
  }
  const micros = Number(process.hrtime.bigint() - started) / 1e3 / n;
  closeSync(fd);
  rmSync(file);
  return micros;
}

const rows: string[][] = [];
const budgets: string[] = [];
const ceiling = await benchHttpCeiling();
for (const dialect of (await availableDialects()).filter((d) => !onlyDialect || d === onlyDialect)) {
  const apiStore = await createTestStore(dialect);
  const aloneStore = await createTestStore(dialect);
  const rawStore = await createTestStore(dialect, { migrate: false });
  try {
    const api = await benchApi(apiStore);
    const alone = await benchApi(aloneStore, { OPEN_CASE_BATCH_MAX: '1' });
    const raw = dialect === 'sqlite' ? await benchRawSqlite(rawStore.dataDir) : await benchRawPostgres(rawStore.url!, rawStore.schema!);
    const opening = api.cpuMicros + api.clientCpuMicros + (dialect === 'postgres' ? api.databaseCpuMicros : 0);
    budgets.push(
      `${dialect}: an opening costs ${opening.toFixed(0)} µs of CPU in all (server ${api.cpuMicros.toFixed(0)}, of which its event loop's thread ${api.loopCpuMicros.toFixed(0)}, busy ${(100 * api.loopBusy).toFixed(0)}% of the run; load client ${api.clientCpuMicros.toFixed(0)}` +
      `${dialect === 'postgres' ? `, PostgreSQL ${api.databaseCpuMicros.toFixed(0)}` : ''}); a raw insert ${rawCpuMicros.toFixed(0)} µs` +
      `${dialect === 'sqlite' ? ` plus its fdatasync wait (${fdatasyncMicros(rawStore.dataDir).toFixed(0)} µs per 4 KB sync in this data directory)` : ' (driver and PostgreSQL)'}; ` +
      `CPU ratio ${(rawCpuMicros / opening).toFixed(2)}`,
    );
    rows.push([
      dialect, api.perSecond.toFixed(0), alone.perSecond.toFixed(0), raw.toFixed(0), (api.perSecond / raw).toFixed(2),
      api.perSecond / raw >= 0.5 ? 'met' : 'MISSED', (api.perSecond / ceiling.perSecond).toFixed(2), api.cpuMicros.toFixed(0),
      dialect === 'postgres' ? `${api.databaseCpuMicros.toFixed(0)} (raw insert: ${rawPostgresCpuMicros.toFixed(0)})` : 'in server', alone.cpuMicros.toFixed(0),
    ]);
  } finally {
    await apiStore.dispose();
    await aloneStore.dispose();
    await rawStore.dispose();
  }
}
console.log(`\ncases opened through POST /api/v1/cases, ${REQUESTS} requests, ${CONCURRENCY} concurrent clients`);
console.log(`HTTP ceiling (Fastify answering 201, no work, same client): ${ceiling.perSecond.toFixed(0)} req/s, ${ceiling.cpuMicros.toFixed(0)} µs of server CPU per request`);
console.log(['database', 'API cases/s', 'one per transaction', 'raw inserts/s', 'ratio', 'target ≥ 0.5', 'API / HTTP ceiling', 'server CPU µs/case', 'PostgreSQL CPU µs/case', 'one per transaction: CPU µs/case'].join('\t'));
for (const r of rows) console.log(r.join('\t'));
console.log(`\nwhere the CPU goes (this machine: ${availableParallelism()} cores)`);
for (const b of budgets) console.log(b);
