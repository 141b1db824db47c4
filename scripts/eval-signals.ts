// `npm run eval:signals`: precision and recall of detectSignals per signal on
//   (a) the labeled set in the repo (test/fixtures/signals/labeled-messages.jsonl), which must meet the
//       targets (precision >= 0.95, recall >= 0.90 per signal) or the script exits 1;
//   (b) the real customer messages in <repo>/../shared/data when that folder exists (Bitext and HINT3,
//       see its PROVENANCE.md). Most of these rows express no signal, so (b) mostly measures false
//       positives on real, unrelated traffic. PASS/FAIL is printed per signal; it never fails the exit code.
//
// Expected signals for (b), following PROVENANCE.md's proposal with these decisions:
//   - Bitext rows expect no signal, whatever the intent: contact_human_agent asks for "a human agent",
//     which is first line, not a manager; contact_customer_service asks how to reach support, not for a
//     call; review asks where to leave a review (no threat); complaint asks how to file one; cancel_order
//     is a request, not a threat.
//   - Bitext rows tagged W (an expletive inserted into a calm request) expect abusive_language when the
//     expletive is strong ("fucking") and nothing when it is a mild intensifier ("damn", "goddamn",
//     "bloody"); this is the rule documented in src/domain/signals/profanity.ts.
//   - HINT3 rows expect no signal except those listed, with a reason, in
//     test/fixtures/signals/real-data-annotations.json (CALL_CENTER / LEAD_GEN rows that ask to be
//     called -> phone_call_request, not those asking for the number or hours; insults -> abusive_language;
//     "connect me to supervisor" -> manager_demand; ...). CHAT_WITH_AGENT is not manager_demand.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectSignals } from '../src/domain/signals/detect-signals.js';
import { meetsTargets, PRECISION_TARGET, RECALL_TARGET, scoreSignals, type ScoredMessage, type SignalScore } from '../src/domain/signals/signal-metrics.js';
import { SIGNALS, type Signal } from '../src/domain/policy/vocabulary.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const labeledPath = path.join(repoRoot, 'test/fixtures/signals/labeled-messages.jsonl');
const annotationsPath = path.join(repoRoot, 'test/fixtures/signals/real-data-annotations.json');
const sharedData = path.resolve(repoRoot, '..', 'shared', 'data');
const verbose = process.argv.includes('--verbose');

interface Row { readonly source: string; readonly text: string; readonly expected: Signal[] }
interface Annotation { file: string; row: number; textSha1: string; signals: Signal[]; why: string }

/** RFC 4180 CSV (quoted fields may hold commas, quotes and newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

function readCsv(file: string): { header: string[]; rows: string[][] } {
  const [header, ...rows] = parseCsv(readFileSync(path.join(sharedData, file), 'utf8').replace(/\r/g, ''));
  return { header: header!, rows };
}

function loadLabeled(): Row[] {
  return readFileSync(labeledPath, 'utf8').split('\n').filter((l) => l.trim() !== '').map((line) => {
    const { text, signals } = JSON.parse(line) as { text: string; signals: Signal[] };
    return { source: 'labeled', text, expected: signals };
  });
}

function loadBitext(): Row[] {
  const { header, rows } = readCsv('bitext_customer_support_training_4514.csv');
  const text = header.indexOf('instruction');
  const tags = header.indexOf('tags');
  return rows.map((r) => {
    const instruction = r[text]!;
    const strongExpletive = r[tags]!.includes('W') && /fuck/i.test(instruction);
    return { source: 'bitext', text: instruction, expected: strongExpletive ? ['abusive_language'] : [] };
  });
}

const HINT3_FILES = ['hint3_v2_curekart_train.csv', 'hint3_v2_curekart_test.csv', 'hint3_v2_sofmattress_train.csv', 'hint3_v2_sofmattress_test.csv'];

function loadHint3(annotations: Annotation[]): Row[] {
  return HINT3_FILES.flatMap((file) => {
    const { rows } = readCsv(file);
    const byRow = new Map(annotations.filter((a) => a.file === file).map((a) => [a.row, a]));
    return rows.map((r, i): Row => {
      const text = r[0]!;
      const note = byRow.get(i);
      if (note && createHash('sha1').update(text).digest('hex').slice(0, 12) !== note.textSha1) {
        throw new Error(`${file} row ${i}: annotation does not match the row text; the data file changed`);
      }
      return { source: file.replace(/^hint3_v2_|\.csv$/g, ''), text, expected: note ? [...note.signals] : [] };
    });
  });
}

function detectAll(rows: Row[]): ScoredMessage[] {
  return rows.map((r) => ({ text: r.text, expected: r.expected, detected: detectSignals(r.text).map((d) => d.signal) }));
}

const pct = (x: number | undefined): string => (x === undefined ? 'n/a' : x.toFixed(3));

function printTable(title: string, scores: SignalScore[], withVerdict: boolean): void {
  console.log(`\n${title}`);
  console.log(`${'signal'.padEnd(22)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)}  precision  recall${withVerdict ? '  target' : ''}`);
  for (const s of scores) {
    const verdict = withVerdict ? `  ${meetsTargets(s) ? 'PASS' : 'FAIL'}` : '';
    console.log(`${s.signal.padEnd(22)} ${String(s.truePositives).padStart(4)} ${String(s.falsePositives).padStart(4)} ${String(s.falseNegatives).padStart(4)}  ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}${verdict}`);
  }
}

function printMistakes(scored: ScoredMessage[], limit: number): void {
  const wrong = scored.filter((m) => m.detected.join() !== [...m.expected].sort((a, b) => SIGNALS.indexOf(a) - SIGNALS.indexOf(b)).join());
  for (const m of wrong.slice(0, limit)) {
    const fp = m.detected.filter((s) => !m.expected.includes(s));
    const fn = m.expected.filter((s) => !m.detected.includes(s));
    console.log(`  ${fp.length ? `FP ${fp.join(',')}` : ''}${fn.length ? ` FN ${fn.join(',')}` : ''} | ${JSON.stringify(m.text)}`);
  }
  if (wrong.length > limit) console.log(`  ... ${wrong.length - limit} more (--verbose shows all)`);
}

function throughput(texts: string[]): number {
  const started = process.hrtime.bigint();
  let n = 0;
  while (n < 20_000) for (const t of texts) { detectSignals(t); n++; }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return n / seconds;
}

console.log(`targets per signal: precision >= ${PRECISION_TARGET}, recall >= ${RECALL_TARGET}`);
const labeled = loadLabeled();
const labeledScored = detectAll(labeled);
const labeledScores = scoreSignals(labeledScored);
console.log(`(a) labeled set: ${labeled.length} messages (${labeled.filter((r) => r.expected.length === 0).length} with no signal), ${path.relative(repoRoot, labeledPath)}`);
printTable('(a) labeled set', labeledScores, true);
printMistakes(labeledScored, verbose ? Infinity : 20);
const labeledOk = labeledScores.every(meetsTargets);

const allTexts = labeled.map((r) => r.text);
if (!existsSync(sharedData)) {
  console.log('\n(b) real messages: skipped: ../shared/data not found');
} else {
  const annotations = (JSON.parse(readFileSync(annotationsPath, 'utf8')) as { rows: Annotation[] }).rows;
  const real = [...loadBitext(), ...loadHint3(annotations)];
  allTexts.push(...real.map((r) => r.text));
  const bySource = new Map<string, number>();
  for (const r of real) bySource.set(r.source, (bySource.get(r.source) ?? 0) + 1);
  console.log(`\n(b) real messages: ${real.length} rows from ${sharedData}`);
  for (const [source, count] of bySource) console.log(`    ${source}: ${count} rows, ${real.filter((r) => r.source === source && r.expected.length > 0).length} expecting a signal`);
  console.log('    mapping: Bitext -> no signal, except tag W with a strong expletive -> abusive_language (mild "damn/goddamn/bloody" -> none);');
  console.log('             HINT3 -> no signal, except the annotated rows (phone_call_request for call-me requests,');
  console.log(`             abusive_language for insults/expletives, ...): ${annotations.length} rows in ${path.relative(repoRoot, annotationsPath)}`);
  const realScored = detectAll(real);
  printTable('(b) real messages (Bitext + HINT3)', scoreSignals(realScored), true);
  printMistakes(realScored, verbose ? Infinity : 40);
}

console.log(`\nthroughput: ${Math.round(throughput(allTexts)).toLocaleString('en-US')} messages/s (single thread, ${allTexts.length} distinct messages cycled)`);
if (!labeledOk) {
  console.log('\nFAIL: a labeled-set target is not met');
  process.exit(1);
}
console.log('\nlabeled-set targets met');
