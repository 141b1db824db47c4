// npm run bench:ingest — issue 7 items 4 and 6: Shopify webhooks per second through the real
// server (`ladder serve` as a child process) with 50 concurrent senders. Each webhook is verified
// (HMAC over the raw bytes), deduplicated by X-Shopify-Webhook-Id, stored raw and mapped. Next to
// it, a raw baseline measured in the same run: the same raw bodies as plain single-row INSERTs
// through the same driver at the same concurrency and durability. Then the same webhooks are
// replayed three times and the bench checks every object exists exactly once.
//
//   npm run bench:ingest -- [--count 10000] [--only sqlite|postgres] [--replays 3] [--cpu-prof DIR]
import { readFileSync } from 'node:fs';
import { httpLoadClient, runConcurrentTimed, type Timed } from './lib/http-load.js';
import { join } from 'node:path';
import pg from 'pg';
import Database from 'better-sqlite3';
import { availableDialects, createTestStore, postgresUrlWithSchema, type TestStore } from '../test/support/databases.js';
import { freePort, killHard, startServerProcess, type ServerProcess } from '../test/support/server-process.js';
import { shopifyWebhookStream, webhookHeaders, type StreamShape, type StreamWebhook } from '../test/support/shopify-webhook-stream.js';
import type { DB } from '../src/store/schema.js';

const CONCURRENCY = 50;
const SECRET = 'bench-webhook-secret';
const TARGET_PG_PER_S = 1000;

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}
const COUNT = Number(option('count') ?? 10_000);
const REPLAYS = Number(option('replays') ?? 3);
const onlyDialect = option('only');
const profileDir = option('cpu-prof');

/**
 * CPU seconds a process has used (Linux /proc; 0 elsewhere). With two cores shared by other work,
 * CPU per webhook is the steadier measure of the server's own cost; webhooks/s also depends on load.
 */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

const runConcurrent = (total: number, one: (i: number) => Promise<void>) => runConcurrentTimed(total, CONCURRENCY, one);
const clients = new WeakMap<ServerProcess, ReturnType<typeof httpLoadClient>>();

async function post(server: ServerProcess, w: StreamWebhook): Promise<string> {
  let client = clients.get(server);
  if (!client) clients.set(server, (client = httpLoadClient(server.url, CONCURRENCY)));
  const res = await client.post('/webhooks/shopify', webhookHeaders(w), w.body);
  const text = res.body;
  if (res.status !== 200) throw new Error(`${w.deliveryId}: ${res.status} ${text}`);
  return (JSON.parse(text) as { outcome: string }).outcome;
}

async function countOf(store: TestStore, table: keyof DB, where?: [string, string]): Promise<number> {
  let q = store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
  if (where) q = q.where(where[0] as never, '=', where[1] as never);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

interface IngestResult extends Timed {
  cpuMsPerWebhook: number;
  replay: Timed;
  replayOk: boolean;
  detail: string;
}

async function benchIngest(store: TestStore, shape: StreamShape): Promise<IngestResult> {
  const env: Record<string, string> = {
    LADDER_DATA_DIR: store.dataDir,
    SESSION_SECRET: 'b'.repeat(40),
    SHOPIFY_WEBHOOK_SECRET: SECRET,
    ...(store.url && store.schema ? { DATABASE_URL: postgresUrlWithSchema(store.url, store.schema), DATABASE_POOL_SIZE: '10' } : {}),
  };
  const server = await startServerProcess(env, freePort(), profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []);
  try {
    // Warm-up (JIT, pool) on webhooks outside the measured set.
    const warm = shopifyWebhookStream(300, SECRET, 'warm', 100_000_000).webhooks;
    await runConcurrent(warm.length, async (i) => { await post(server, warm[i]!); });
    const before = { orders: await countOf(store, 'orders'), customers: await countOf(store, 'customers') };

    const { webhooks } = shape;
    const outcomes = new Map<string, number>();
    const cpuBefore = cpuSeconds(server.child.pid);
    const first = await runConcurrent(webhooks.length, async (i) => {
      const o = await post(server, webhooks[i]!);
      outcomes.set(o, (outcomes.get(o) ?? 0) + 1);
    });
    const cpuMsPerWebhook = ((cpuSeconds(server.child.pid) - cpuBefore) * 1000) / webhooks.length;
    let replayDuplicates = 0;
    let replay: Timed = { seconds: 0, perSecond: 0, p50: 0, p99: 0 };
    for (let r = 0; r < REPLAYS; r++) {
      replay = await runConcurrent(webhooks.length, async (i) => {
        if ((await post(server, webhooks[i]!)) === 'duplicate') replayDuplicates++;
      });
    }
    const orders = (await countOf(store, 'orders')) - before.orders;
    const customers = (await countOf(store, 'customers')) - before.customers;
    const deliveries = await countOf(store, 'webhook_deliveries') - warm.length;
    const replayOk = orders === shape.orders && customers === shape.customers && deliveries === webhooks.length
      && replayDuplicates === REPLAYS * webhooks.length && (outcomes.get('processed') ?? 0) === webhooks.length;
    const detail = `first pass ${JSON.stringify(Object.fromEntries(outcomes))}; after ${REPLAYS} replays: `
      + `deliveries ${deliveries}/${webhooks.length}, orders ${orders}/${shape.orders}, customers ${customers}/${shape.customers}, `
      + `replayed as duplicate ${replayDuplicates}/${REPLAYS * webhooks.length}`;
    return { ...first, cpuMsPerWebhook, replay, replayOk, detail };
  } finally {
    if (profileDir) {
      // SIGTERM lets the server shut down cleanly so V8 writes the profile; SIGKILL would lose it.
      await new Promise<void>((resolve) => { server.child.once('exit', () => resolve()); server.child.kill('SIGTERM'); });
    } else {
      await killHard(server);
    }
  }
}

const RAW_TABLE = 'create table raw_webhooks (id integer primary key, delivery_id text not null unique, topic text not null, raw_body text not null, received_at text not null)';

async function benchRawSqlite(dir: string, webhooks: StreamWebhook[]): Promise<Timed> {
  const db = new Database(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  // Each acknowledged insert durable, as every acknowledged webhook is in the server.
  db.pragma('synchronous = FULL');
  db.exec(RAW_TABLE);
  const insert = db.prepare('insert into raw_webhooks (delivery_id, topic, raw_body, received_at) values (?, ?, ?, ?)');
  // better-sqlite3 is synchronous: "50 concurrent senders" reduce to one writer, as in the server.
  const timed = await runConcurrent(webhooks.length, async (i) => {
    const w = webhooks[i]!;
    insert.run(w.deliveryId, w.topic, w.body, new Date().toISOString());
  });
  db.close();
  return timed;
}

async function benchRawPostgres(url: string, schema: string, webhooks: StreamWebhook[]): Promise<Timed> {
  const pool = new pg.Pool({ connectionString: url, max: 10, options: `-c search_path=${schema}` });
  await pool.query(RAW_TABLE.replace('id integer primary key', 'id bigint generated by default as identity primary key'));
  const timed = await runConcurrent(webhooks.length, async (i) => {
    const w = webhooks[i]!;
    await pool.query('insert into raw_webhooks (delivery_id, topic, raw_body, received_at) values ($1, $2, $3, $4)', [w.deliveryId, w.topic, w.body, new Date().toISOString()]);
  });
  await pool.end();
  return timed;
}

const shape = shopifyWebhookStream(COUNT, SECRET);
const lines: string[] = [];
let failed = false;
for (const dialect of (await availableDialects()).filter((d) => !onlyDialect || d === onlyDialect)) {
  const store = await createTestStore(dialect);
  const rawStore = await createTestStore(dialect, { migrate: false });
  try {
    const ingest = await benchIngest(store, shape);
    const raw = dialect === 'sqlite'
      ? await benchRawSqlite(rawStore.dataDir, shape.webhooks)
      : await benchRawPostgres(rawStore.url!, rawStore.schema!, shape.webhooks);
    const target = dialect === 'postgres' ? (ingest.perSecond >= TARGET_PG_PER_S ? 'met' : 'MISSED') : '-';
    lines.push([
      dialect, ingest.perSecond.toFixed(0), ingest.p50.toFixed(1), ingest.p99.toFixed(1), ingest.cpuMsPerWebhook.toFixed(2),
      raw.perSecond.toFixed(0), raw.p50.toFixed(1), raw.p99.toFixed(1), (ingest.perSecond / raw.perSecond).toFixed(2), target,
      ingest.replay.perSecond.toFixed(0), ingest.replayOk ? 'once each' : 'WRONG',
    ].join('\t'));
    lines.push(`  ${dialect}: ${ingest.detail}`);
    if (!ingest.replayOk) failed = true;
  } finally {
    await store.dispose();
    await rawStore.dispose();
  }
}
console.log(`\nShopify webhooks through POST /webhooks/shopify, ${COUNT} distinct, ${CONCURRENCY} concurrent senders, then replayed ${REPLAYS}×`);
console.log(['database', 'webhooks/s', 'p50 ms', 'p99 ms', 'server CPU ms/webhook', 'raw ins/s', 'raw p50', 'raw p99', 'ratio', `PG ≥ ${TARGET_PG_PER_S}/s`, 'replay/s', 'objects'].join('\t'));
for (const l of lines) console.log(l);
if (failed) {
  console.error('replay created or lost objects: see the detail lines');
  process.exitCode = 1;
}
