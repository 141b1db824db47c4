import { createReadStream, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects, createTestStore, type TestStore } from '../support/databases.js';
import { readCsv } from '../../src/integrations/csv/csv-reader.js';
import { parseImportMapping, ImportMappingError } from '../../src/services/import/import-mapping.js';
import { formatRowError, importSheet } from '../../src/services/import/import-sheet.js';
import { SYSTEM_ACTOR } from '../../src/services/actor.js';

const dialects = await availableDialects();

function example(name: string) {
  const mapping = parseImportMapping(readFileSync(`examples/import/${name}.mapping.yaml`, 'utf8'), `${name}.mapping.yaml`);
  return { mapping, records: () => readCsv(createReadStream(`examples/import/${name}.sample.csv`)) };
}

describe.each(dialects)('sheet import on %s (issue 7 item 4)', (dialect) => {
  let store: TestStore;
  beforeAll(async () => { store = await createTestStore(dialect); });
  afterAll(async () => { await store?.dispose(); });

  const countCases = async () => Number((await store.db.selectFrom('cases').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('a dry run reports each bad row by its line number and writes nothing', async () => {
    const { mapping, records } = example('chargebacks');
    const summary = await importSheet(store, SYSTEM_ACTOR, { records: records(), mapping, dryRun: true });
    expect(summary.errors.map(formatRowError)).toEqual(['line 4: order.total: expected a decimal string']);
    expect(summary).toMatchObject({ rows: 3, invalid: 1, created: 0 });
    expect(await countCases()).toBe(0);
  });

  it('a dry run counts a quoted line break, so the error names the physical line', async () => {
    const { mapping } = example('escalations-log');
    const csv = 'Time,Order ID,Customer Name,Issue,Promised Resolution,Action Taken,Status,Resolved By\n'
      + '11/3/2025,1,A,WISMO,"two\nlines",,Open,\n'
      + '11/3/2025,2,B,WISMO,,,Pending,\n';
    const summary = await importSheet(store, SYSTEM_ACTOR, { records: readCsv(Readable.from([csv])), mapping, dryRun: true });
    expect(summary.errors.map(formatRowError)).toEqual(['line 4: status: "Pending" is not in the value map for column Status']);
  });

  it('a mapping whose columns are not in the sheet header is rejected before any row', async () => {
    const { mapping } = example('refunds');
    await expect(importSheet(store, SYSTEM_ACTOR, { records: readCsv(Readable.from(['A,B\n1,2\n'])), mapping, dryRun: true }))
      .rejects.toBeInstanceOf(ImportMappingError);
  });

  it('imports the escalations log: one case per row, resolved rows resolved; re-import opens nothing new', async () => {
    const { mapping, records } = example('escalations-log');
    const first = await importSheet(store, SYSTEM_ACTOR, { records: records(), mapping, dryRun: false });
    expect(first).toMatchObject({ rows: 4, created: 4, skipped: 0, invalid: 0, statusChanged: 4 });
    const cases = await store.db.selectFrom('cases').select(['subject', 'status', 'category']).orderBy('id').execute();
    expect(cases).toEqual([
      { subject: 'Where is my order?', status: 'open', category: 'order_status' },
      { subject: 'Item arrived damaged', status: 'resolved', category: 'damaged_item' },
      { subject: 'Need order rushed/changed', status: 'open', category: 'rush_request' },
      { subject: 'Customer wants to pick up order at store', status: 'resolved', category: 'store_pickup' },
    ]);

    const again = await importSheet(store, SYSTEM_ACTOR, { records: records(), mapping, dryRun: false });
    expect(again).toMatchObject({ rows: 4, created: 0, skipped: 4 });
    expect(await countCases()).toBe(4);
  });
});
