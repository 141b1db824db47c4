// npm run bench:incidents — R001-15 incident suggestion at desk scale: OLD complaint cases outside the
// 7-day window and RECENT inside it (SQLite, rows bulk-inserted), each recent case with an order
// (one of 8 carriers) and every third with a log entry carrying one of 200 SKUs. Times the
// preview (read only), the first apply (opens the incidents, links and red-flags every case) and a
// second apply (nothing new: what the 15-minute sweep costs on a quiet desk).
import { createTestStore } from '../test/support/databases.js';
import { seedDefaultPolicy } from '../src/services/policy/load-policy-runtime.js';
import { SYSTEM_ACTOR } from '../src/services/actor.js';
import { applyIncidentSuggestions, previewIncidentSuggestions } from '../src/services/incidents/suggest-incidents.js';

const OLD = Number(process.argv[2] ?? 100_000);
const RECENT = Number(process.argv[3] ?? 10_000);
const CATEGORIES = ['damaged_item', 'defective_item', 'missing_item', 'wrong_item', 'order_status', 'delivered_not_received'];
const NOW = new Date('2026-12-06T12:00:00.000Z');

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  process.stdout.write(`${label.padEnd(52)} ${(performance.now() - started).toFixed(0).padStart(7)} ms\n`);
  return result;
}

const store = await createTestStore('sqlite');
await seedDefaultPolicy(store);
const chunk = async <T>(rows: T[], insert: (part: T[]) => Promise<unknown>) => {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
};
const at = (ms: number) => new Date(ms).toISOString();
const caseRow = (i: number, created: string, orderId: number | null) => ({
  subject: `c${i}`, category: CATEGORIES[i % CATEGORIES.length]!, status: 'open', priority: 'P3', level: 'L1', escalated: 0,
  policy_level: 'L1', policy_priority: 'P3', order_id: orderId, facts_json: '{}', decision_json: '{}', created_at: created, updated_at: created,
});

await timed(`${OLD} old cases (8-60 days back)`, () => chunk(Array.from({ length: OLD }, (_, i) => caseRow(i, at(NOW.getTime() - (8 + (i % 52)) * 86_400_000), null)),
  (part) => store.db.insertInto('cases').values(part as never).execute()));
await timed(`${RECENT} recent cases with orders and log entries`, async () => {
  const orders = Array.from({ length: RECENT }, (_, i) => ({ number: `B-${i}`, carrier: `carrier-${i % 8}`, failed_deliveries: 0, created_at: at(NOW.getTime()), updated_at: at(NOW.getTime()) }));
  await chunk(orders, (part) => store.db.insertInto('orders').values(part as never).execute());
  const ids = await store.db.selectFrom('orders').select('id').orderBy('id').execute();
  await chunk(ids.map((o, i) => caseRow(OLD + i, at(NOW.getTime() - (i % (6 * 24)) * 3_600_000), Number(o.id))), (part) => store.db.insertInto('cases').values(part as never).execute());
  const cases = await store.db.selectFrom('cases').select(['id', 'created_at']).where('order_id', 'is not', null).orderBy('id').execute();
  const logs = cases.filter((_, i) => i % 3 === 0).map((c, i) => ({
    case_id: Number(c.id), type: 'item_issue', state: 'reported', sku: `SKU-${i % 200}`, fields_json: '{}', opened_at: c.created_at, state_changed_at: c.created_at, updated_at: c.created_at,
  }));
  await chunk(logs, (part) => store.db.insertInto('case_logs').values(part as never).execute());
});

const preview = await timed('preview suggestions', () => previewIncidentSuggestions(store, SYSTEM_ACTOR, { now: NOW }));
const first = await timed('first apply (open, link, red-flag)', () => applyIncidentSuggestions(store, SYSTEM_ACTOR, { now: NOW }));
const second = await timed('second apply (nothing new)', () => applyIncidentSuggestions(store, SYSTEM_ACTOR, { now: NOW }));
const linked = first.applied.reduce((n, a) => n + a.linked.length, 0);
process.stdout.write(`suggestions ${preview.suggestions.length}; opened ${first.applied.filter((a) => a.created).length}, linked ${linked}; second apply changed ${second.applied.length}\n`);
await store.dispose();
