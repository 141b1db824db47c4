// npm run bench:policy — throughput of the policy engine (issue 3 item 7).
//   1. decide() on 100,000 varied facts without text (target: >= 100,000 decisions/s on one core);
//   2. the same facts through json-rules-engine with the same rules, and the ratio;
//   3. detectSignals() on a few thousand varied customer messages;
//   4. decide() on facts with customer messages (detection included).
// Timings belong here, never in unit tests.

import { performance } from 'node:perf_hooks';
import type { CaseFacts } from '../src/domain/policy/case-facts.js';
import { decide } from '../src/domain/policy/decide.js';
import { standardDecideDeps } from '../src/domain/policy/engine-deps.js';
import { parseCaseFacts } from '../src/domain/policy/parse-case-facts.js';
import { detectSignals } from '../src/domain/signals/detect-signals.js';
import { loadDefaultPolicy } from '../src/integrations/policy-file.js';
import { generateFacts, generateMessages } from './policy-bench-data.js';
import { buildJsonRulesEngine } from './policy-bench-jre.js';

const FACTS = 100_000;
const MESSAGES = 5_000;

function timeIt(label: string, runs: number, body: () => void): { label: string; ms: number } {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    body();
    best = Math.min(best, performance.now() - t0);
  }
  return { label, ms: best };
}

const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);
const fmt = (n: number) => n.toLocaleString('en-US');

const compiled = loadDefaultPolicy();
const policy = compiled.policy;
const raw = generateFacts(policy, FACTS);
const facts: CaseFacts[] = raw.map((f) => parseCaseFacts(f, policy));
const deps = standardDecideDeps;

// Warm-up: let the JIT settle and the calendar fill its per-day cache over the month the facts span.
for (let i = 0; i < 3; i++) for (const f of facts) decide(f, compiled, deps);

let sink = 0;
const decideRun = timeIt('decide() without text', 5, () => {
  for (const f of facts) sink += decide(f, compiled, deps).level.length;
});
const validateRun = timeIt('parseCaseFacts() + decide()', 3, () => {
  for (const f of raw) sink += decide(parseCaseFacts(f, policy), compiled, deps).level.length;
});

const jre = buildJsonRulesEngine(policy);
for (let i = 0; i < 5_000; i++) await jre(facts[i]!);
const outcomes: string[] = new Array<string>(facts.length);
const t0 = performance.now();
for (let i = 0; i < facts.length; i++) outcomes[i] = (await jre(facts[i]!)).level;
const jreMs = performance.now() - t0;
const mismatches = facts.filter((f, i) => decide(f, compiled, deps).level !== outcomes[i]).length;

const messages = generateMessages(MESSAGES);
for (const m of messages) sink += detectSignals(m).length;
const detectRun = timeIt('detectSignals()', 5, () => {
  for (const m of messages) sink += detectSignals(m).length;
});

const textFacts: CaseFacts[] = facts.slice(0, 20_000).map((f, i) => ({
  ...f,
  timeline: [
    ...(f.timeline ?? []),
    { type: 'message', from: 'customer', text: messages[i % messages.length]! },
    { type: 'message', from: 'agent', text: 'Thanks for reaching out, we are looking into it.' },
    { type: 'message', from: 'customer', text: messages[(i * 7 + 3) % messages.length]! },
  ],
}));
for (const f of textFacts) decide(f, compiled, deps);
const textRun = timeIt('decide() with 2 customer messages', 3, () => {
  for (const f of textFacts) sink += decide(f, compiled, deps).level.length;
});

const rows: [string, string, string][] = [
  [decideRun.label, fmt(FACTS), `${fmt(rate(FACTS, decideRun.ms))} decisions/s`],
  [validateRun.label, fmt(FACTS), `${fmt(rate(FACTS, validateRun.ms))} decisions/s`],
  ['json-rules-engine, same rules', fmt(FACTS), `${fmt(rate(FACTS, jreMs))} decisions/s`],
  [detectRun.label, fmt(MESSAGES), `${fmt(rate(MESSAGES, detectRun.ms))} messages/s`],
  [textRun.label, fmt(textFacts.length), `${fmt(rate(textFacts.length, textRun.ms))} decisions/s`],
];
const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), ['what', 'items', 'throughput'][i]!.length));
const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
process.stdout.write(`Policy engine benchmark — policy ${policy.version}, node ${process.version}, one core\n\n`);
process.stdout.write(`${line(['what', 'items', 'throughput'])}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n`);
for (const r of rows) process.stdout.write(`${line(r)}\n`);
process.stdout.write(`\nLadder decide() is ${(jreMs / decideRun.ms).toFixed(1)}x json-rules-engine on the same rules`);
process.stdout.write(` (levels agree on ${fmt(FACTS - mismatches)} of ${fmt(FACTS)} facts).\n`);
process.stdout.write(`target >= 100,000 decisions/s without text: ${rate(FACTS, decideRun.ms) >= 100_000 ? 'met' : 'NOT met'}\n`);
if (sink === -1) process.stdout.write('\n');
