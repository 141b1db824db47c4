// npm run bench:import — issue 7 item 4: sheet rows imported per second (`ladder import` does the
// same in-process call) on SQLite and PostgreSQL, for a generated escalations log, then the same
// sheet again (every row already imported: skipped). One row in 10,000 is bad and must be reported.
//
//   npm run bench:import -- [--rows 100000] [--only sqlite|postgres]
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { availableDialects, createTestStore } from '../test/support/databases.js';
import { escalationsLog } from '../test/support/escalations-log-sheet.js';
import { readCsv } from '../src/integrations/csv/csv-reader.js';
import { parseImportMapping } from '../src/services/import/import-mapping.js';
import { importSheet, type ImportSummary } from '../src/services/import/import-sheet.js';
import { SYSTEM_ACTOR } from '../src/services/actor.js';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}
const ROWS = Number(option('rows') ?? 100_000);
const onlyDialect = option('only');
const BAD_EVERY = 10_000;

const mapping = parseImportMapping(readFileSync('examples/import/escalations-log.mapping.yaml', 'utf8'), 'escalations-log.mapping.yaml');

async function timedImport(store: Parameters<typeof importSheet>[0]): Promise<{ summary: ImportSummary; perSecond: number; heapMb: number }> {
  let heapPeak = 0;
  const started = process.hrtime.bigint();
  const summary = await importSheet(store, SYSTEM_ACTOR, {
    records: readCsv(Readable.from(escalationsLog(ROWS, BAD_EVERY), { objectMode: true })),
    mapping,
    dryRun: false,
    onProgress: (p) => {
      if (p.rows % 5_000 === 0) heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { summary, perSecond: ROWS / seconds, heapMb: heapPeak / 2 ** 20 };
}

console.log(`\nsheet import (escalations log, ${ROWS} rows, one bad row in ${BAD_EVERY})`);
console.log(['database', 'rows/s', 're-run rows/s', 'heap MB', 'result'].join('\t'));
let wrong = false;
for (const dialect of (await availableDialects()).filter((d) => !onlyDialect || d === onlyDialect)) {
  const store = await createTestStore(dialect);
  try {
    const first = await timedImport(store);
    const again = await timedImport(store);
    const bad = Math.floor(ROWS / BAD_EVERY);
    const ok = first.summary.created === ROWS - bad && first.summary.invalid === bad && again.summary.skipped === ROWS - bad && again.summary.created === 0;
    if (!ok) wrong = true;
    console.log([
      dialect, first.perSecond.toFixed(0), again.perSecond.toFixed(0), first.heapMb.toFixed(0),
      `${first.summary.created} opened, ${first.summary.invalid} bad (${first.summary.errors.slice(0, 2).map((e) => `line ${e.line}`).join(', ')}…), re-run skipped ${again.summary.skipped}${ok ? '' : ' WRONG'}`,
    ].join('\t'));
  } finally {
    await store.dispose();
  }
}
if (wrong) process.exitCode = 1;
