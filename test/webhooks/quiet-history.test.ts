import { createReadStream, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects, createTestStore, type TestStore } from '../support/databases.js';
import { readCsv } from '../../src/integrations/csv/csv-reader.js';
import { parseImportMapping } from '../../src/services/import/import-mapping.js';
import { importSheet } from '../../src/services/import/import-sheet.js';
import { openCase } from '../../src/services/cases/open-case.js';
import { changeCaseStatus } from '../../src/services/cases/change-case-status.js';
import { SYSTEM_ACTOR } from '../../src/services/actor.js';
import { insertWebhookEndpoint } from '../../src/store/repositories/webhook-endpoint.repository.js';
import { listOutbox } from '../../src/store/repositories/outbox.repository.js';
import { seedDefaultPolicy } from '../../src/services/policy/load-policy-runtime.js';

const dialects = await availableDialects();

// History brought into the desk is recorded, not announced (issue 7 items 3 and 5): an imported
// sheet's resolved rows send no webhooks and survey no customer of years ago.

describe.each(dialects)('imported history is quiet on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    await seedDefaultPolicy(store);
    await insertWebhookEndpoint(store.db, { url: 'http://127.0.0.1:9/hooks', secret: 'x'.repeat(20), events: ['*'], at: '2026-12-01T00:00:00.000Z' });
  });
  afterAll(async () => { await store?.dispose(); });

  it('a sheet import opens and resolves cases without webhooks or surveys', async () => {
    const mapping = parseImportMapping(readFileSync('examples/import/escalations-log.mapping.yaml', 'utf8'), 'escalations-log.mapping.yaml');
    const summary = await importSheet(store, SYSTEM_ACTOR, { records: readCsv(createReadStream('examples/import/escalations-log.sample.csv')), mapping, dryRun: false });
    expect(summary.created).toBeGreaterThan(0);
    expect(summary.statusChanged).toBeGreaterThan(0);
    expect(await listOutbox(store.db, { limit: 100 })).toEqual([]);
  });

  it('a quiet resolution surveys nobody and announces nothing; a live one does both', async () => {
    const body = { category: 'damaged_item', customer: { id: 'C-Q-1', email: 'q@example.com' } };
    const quiet = await openCase(store, SYSTEM_ACTOR, { body, quiet: true });
    await changeCaseStatus(store, SYSTEM_ACTOR, { caseId: quiet.id, status: 'resolved', quiet: true });
    expect(await listOutbox(store.db, { caseId: Number(quiet.id), limit: 10 })).toEqual([]);

    const live = await openCase(store, SYSTEM_ACTOR, { body: { ...body, customer: { id: 'C-Q-2', email: 'r@example.com' } } });
    await changeCaseStatus(store, SYSTEM_ACTOR, { caseId: live.id, status: 'resolved' });
    const events = (await listOutbox(store.db, { caseId: Number(live.id), limit: 20 })).map((r) => `${r.channel}:${r.event}`);
    expect(events).toEqual(expect.arrayContaining(['webhook:case.opened', 'webhook:case.resolved', 'email:satisfaction_survey']));
  });
});
