import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { auth, createTestApp, type TestApp } from '../support/app.js';
import { listOutbox } from '../../src/store/repositories/outbox.repository.js';
import { openCase } from '../../src/services/cases/open-case.js';
import { openCasesTogether, type OpenCaseInput } from '../../src/services/cases/open-cases.js';
import { createOpenCaseBatcher } from '../../src/services/cases/open-case-batcher.js';
import { linkCustomerAccounts } from '../../src/services/customers/link-customers.js';
import { getCase } from '../../src/services/cases/get-case.js';
import { DomainError } from '../../src/domain/errors.js';
import type { CaseView } from '../../src/services/cases/case-view.js';

const dialects = await availableDialects();

/**
 * A morning's openings that depend on each other: the same customer again (repeat offenses,
 * R003-05/R003-06), an account linked in an opening (R003-03), an account linked beforehand, and
 * the same order twice with its fulfillment moving on.
 */
function script(p: string): object[] {
  return [
    { category: 'damaged_item', subject: 's1', customer: { id: `${p}-A` }, order: { number: `${p}-O1`, total: '40.00', currency: 'USD', fulfillment: 'shipped' } },
    { category: 'wrong_item', subject: 's2', customer: { id: `${p}-A` } },
    { category: 'order_status', subject: 's3', customer: { id: `${p}-B`, linkedAccounts: [`${p}-A`] } },
    { category: 'damaged_item', subject: 's4', customer: { id: `${p}-B` }, order: { number: `${p}-O1`, fulfillment: 'delivered' } },
    { category: 'defective_item', subject: 's5', customer: { id: `${p}-C` } },
    { category: 'damaged_item', subject: 's6', customer: { id: `${p}-D` } },
    { category: 'damaged_item', subject: 's7', customer: { id: `${p}-A` } },
    { category: 'refund_request', subject: 's8', customer: { id: `${p}-E` }, timeline: [{ type: 'message', from: 'customer', text: 'I will dispute this with my bank.' }] },
    { category: 'damaged_item', subject: 's9', customer: { id: `${p}-D` } },
  ];
}

/** What an opening decided, without what differs between two runs (ids, names given by the script's prefix). */
const decided = (v: CaseView) => ({
  subject: v.subject, level: v.level, priority: v.priority, escalated: v.escalated, status: v.status,
  reasons: (v.decision as { reasons?: { rule: string }[] }).reasons?.map((r) => r.rule),
  fulfillment: (v.order as { fulfillment?: string } | null)?.fulfillment ?? null,
  timeline: v.timeline.map((e) => e.type),
});

describe.each(dialects)('opening cases together on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => { await t?.close(); });

  it('a batch of openings decides each case as openings one after another would (R003-03, R003-05, R003-06)', async () => {
    for (const p of ['SEQ', 'BAT']) {
      await openCase(t.store, t.actors.agent, { body: { category: 'wrong_item', customer: { id: `${p}-C` } } });
      await openCase(t.store, t.actors.agent, { body: { category: 'order_status', customer: { id: `${p}-D` } } });
      await linkCustomerAccounts(t.store, t.actors.agent, { externalId: `${p}-C`, linkedExternalId: `${p}-D` });
    }
    const oneByOne: CaseView[] = [];
    for (const body of script('SEQ')) oneByOne.push(await openCase(t.store, t.actors.agent, { body }));
    const together = await openCasesTogether(t.store, script('BAT').map((body) => ({ actor: t.actors.agent, input: { body } })));
    const views = together.map((o) => {
      if (!o.ok) throw o.error;
      return o.view;
    });
    expect(views.map(decided)).toEqual(oneByOne.map(decided));
    // The script does exercise the rules: A's third case is a repeat offense, and D's second
    // sees C's case through the stored link.
    expect(views.map((v) => v.level)).not.toEqual(views.map(() => 'L1'));
    expect(new Set(views.map((v) => v.id)).size).toBe(views.length);
  });

  it('an opening refused before writing fails alone; the rest of the batch is written', async () => {
    const outcomes = await openCasesTogether(t.store, [
      { actor: t.actors.agent, input: { body: { category: 'order_status', subject: 'kept 1' } } },
      { actor: t.actors.agent, input: { body: { subject: 'no category' } } },
      { actor: t.actors.supplier, input: { body: { category: 'order_status', subject: 'supplier may not open' } } },
      { actor: t.actors.agent, input: { body: { category: 'order_status', subject: 'kept 2' } } },
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, false, true]);
    const refused = outcomes[1]!;
    expect(!refused.ok && refused.error instanceof DomainError && refused.error.field).toBe('category');
    const forbidden = outcomes[2]!;
    expect(!forbidden.ok && forbidden.error instanceof DomainError && forbidden.error.code).toBe('forbidden');
    for (const o of [outcomes[0]!, outcomes[3]!]) {
      if (!o.ok) throw o.error;
      expect((await getCase(t.store, t.actors.agent, { id: o.view.id })).subject).toBe(o.view.subject);
    }
  });

  it('concurrent openings queue behind the one being written and are written together in one transaction', async () => {
    const batcher = createOpenCaseBatcher(t.store, { maxBatch: 64, maxInFlight: 1 });
    const transactions: unknown[] = [];
    const input = (i: number): OpenCaseInput => ({
      body: { category: 'order_status', subject: `queued ${i}`, customer: { id: `Q-${i}` } },
      within: async (trx) => { transactions.push(trx); },
    });
    const views = await Promise.all(Array.from({ length: 10 }, (_, i) => batcher.open(t.actors.agent, input(i))));
    expect(views.map((v) => v.subject)).toEqual(Array.from({ length: 10 }, (_, i) => `queued ${i}`));
    expect(views.map((v) => (v.customer as { externalId: string }).externalId)).toEqual(Array.from({ length: 10 }, (_, i) => `Q-${i}`));
    // The first went alone while the store was idle; the nine that arrived meanwhile shared one transaction.
    expect(transactions[0]).not.toBe(transactions[1]);
    expect(new Set(transactions.slice(1)).size).toBe(1);
  });

  it('with batching off (OPEN_CASE_BATCH_MAX=1) every opening is its own transaction, none waiting for another', async () => {
    const batcher = createOpenCaseBatcher(t.store, { maxBatch: 1, maxInFlight: 1 });
    const transactions: unknown[] = [];
    const views = await Promise.all(Array.from({ length: 4 }, (_, i) => batcher.open(t.actors.agent, {
      body: { category: 'order_status', subject: `alone ${i}` },
      within: async (trx) => { transactions.push(trx); },
    })));
    expect(views.map((v) => v.subject)).toEqual(['alone 0', 'alone 1', 'alone 2', 'alone 3']);
    expect(new Set(transactions).size).toBe(4);
  });

  it('when a batch transaction fails, its openings are retried alone and only the faulty one fails', async () => {
    const batcher = createOpenCaseBatcher(t.store, { maxBatch: 64, maxInFlight: 1 });
    const input = (i: number): OpenCaseInput => ({
      body: { category: 'order_status', subject: `retry ${i}` },
      within: async () => { if (i === 3) throw new DomainError('conflict', 'this one cannot be written'); },
    });
    const settled = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => batcher.open(t.actors.agent, input(i))));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    const failed = settled[3] as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(DomainError);
    const stored = await t.store.db.selectFrom('cases').select('subject').where('subject', 'like', 'retry %').orderBy('id').execute();
    expect(stored.map((r) => r.subject).sort()).toEqual(['retry 0', 'retry 1', 'retry 2', 'retry 4', 'retry 5']);
  });

  it('a batch announces each opened case to a subscribed webhook once, and history brought in quietly not at all (issue 7 item 5)', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/webhooks', headers: auth(t.tokens.admin),
      payload: { url: 'https://hooks.example.test/batch', events: ['case.opened'] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const outcomes = await openCasesTogether(t.store, [
      { actor: t.actors.agent, input: { body: { category: 'order_status', subject: 'announced 1' } } },
      { actor: t.actors.agent, input: { body: { category: 'order_status', subject: 'history' }, quiet: true } },
      { actor: t.actors.agent, input: { body: { category: 'wrong_item', subject: 'announced 2' } } },
    ]);
    const ids = outcomes.map((o) => {
      if (!o.ok) throw o.error;
      return Number(o.view.id);
    });
    const rows = await Promise.all(ids.map((caseId) => listOutbox(t.store.db, { caseId, channel: 'webhook', limit: 10 })));
    expect(rows.map((r) => r.map((o) => o.event))).toEqual([['case.opened'], [], ['case.opened']]);
    const jobs = await t.store.db.selectFrom('jobs').select('key').where('key', 'in', rows.flat().map((o) => `deliver-outbox:${o.id}`)).execute();
    expect(jobs).toHaveLength(2);
  });
});
