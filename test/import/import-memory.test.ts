import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../support/databases.js';
import { readCsv } from '../../src/integrations/csv/csv-reader.js';
import { escalationsLog } from '../support/escalations-log-sheet.js';
import { parseImportMapping } from '../../src/services/import/import-mapping.js';
import { importSheet } from '../../src/services/import/import-sheet.js';
import { SYSTEM_ACTOR } from '../../src/services/actor.js';

const ROWS = 200_000;

// Heap growth is measured after a full collection, so it counts what the import retains rather than
// garbage the collector has not reached yet. The flag exposes gc() to a fresh context only.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const retainedHeap = () => {
  collectGarbage();
  return process.memoryUsage().heapUsed;
};
describe('streaming import memory (issue 7 item 4: a million rows in bounded memory)', () => {
  let store: TestStore;
  beforeAll(async () => { store = await createTestStore('sqlite'); });
  afterAll(async () => { await store?.dispose(); });

  it(`a dry run of ${ROWS.toLocaleString('en')} rows keeps heap growth bounded and reports every bad line`, async () => {
    const mapping = parseImportMapping(readFileSync('examples/import/escalations-log.mapping.yaml', 'utf8'), 'esc.yaml');
    const baseline = retainedHeap();
    let peakGrowth = 0;
    const summary = await importSheet(store, SYSTEM_ACTOR, {
      records: readCsv(Readable.from(escalationsLog(ROWS), { objectMode: true })),
      mapping,
      dryRun: true,
      onProgress: (p) => {
        if (p.rows % 20_000 === 0) peakGrowth = Math.max(peakGrowth, retainedHeap() - baseline);
      },
    });
    expect(summary).toMatchObject({ rows: ROWS, invalid: ROWS / 10_000, created: 0 });
    // Each record spans two physical lines (a quoted line break), so row i sits on line 2i.
    expect(summary.errors[0]).toEqual({ line: 20_000, field: 'status', message: '"Maybe" is not in the value map for column Status' });
    console.info(`[import memory] peak retained heap growth over ${ROWS} rows: ${(peakGrowth / 1024 / 1024).toFixed(1)} MB`);
    expect(peakGrowth).toBeLessThan(64 * 1024 * 1024);
  }, 120_000);
});
