import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { openCase } from '../../src/services/cases/open-case.js';
import { changeCaseStatus } from '../../src/services/cases/change-case-status.js';
import { changeCaseStatusesTogether } from '../../src/services/cases/change-case-statuses-together.js';
import { loadPolicyRuntime } from '../../src/services/policy/load-policy-runtime.js';
import { clock } from '../../src/services/clock.js';
import { findCaseById } from '../../src/store/repositories/case.repository.js';
import { listCaseEvents } from '../../src/store/repositories/case-event.repository.js';
import { listCaseClocks } from '../../src/store/repositories/case-clock.repository.js';
import { DomainError } from '../../src/domain/errors.js';

const dialects = await availableDialects();
const realNow = clock.now;

/** Openings of several priorities and channels, so the clocks differ from case to case. */
const OPENINGS = [
  { category: 'damaged_item', channel: 'email' },
  { category: 'order_status', channel: 'chat' },
  { category: 'refund_request', timeline: [{ type: 'message', from: 'customer', text: 'I will dispute this with my bank.' }] },
  { category: 'wrong_item', channel: 'phone' },
  { category: 'defective_item' },
  { category: 'order_status' },
];
const PATHS = [['resolved'], ['resolved', 'closed'], ['pending_customer'], ['pending_supplier', 'open'], ['resolved', 'open'], ['pending_internal', 'resolved', 'closed']];

/** What a move left behind, without the ids that differ between two copies of one case. */
async function stateOf(t: TestApp, caseId: number) {
  const c = (await findCaseById(t.store.db, caseId))!;
  const events = await listCaseEvents(t.store.db, caseId, { includeInternal: true });
  const clocks = await listCaseClocks(t.store.db, caseId);
  return {
    status: c.status, resolvedAt: c.resolvedAt, resolvedById: c.resolvedById, closedAt: c.closedAt, updatedAt: c.updatedAt,
    events: events.map((e) => ({ type: e.type, at: e.at, actorId: e.actorId, actorKind: e.actorKind, internal: e.internal, data: e.type === 'opened' ? null : e.data })),
    clocks: clocks.map((k) => ({ kind: k.kind, clock: k.clock, state: k.state, dueAt: k.dueAt, warnAt: k.warnAt, warnedAt: k.warnedAt, breachedAt: k.breachedAt, updatedAt: k.updatedAt })),
  };
}

describe.each(dialects)('moving cases along their status paths together on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => { await t?.close(); });
  afterEach(() => { clock.now = realNow; });

  it('each case ends with the status, timeline and SLA clocks that changing it step by step leaves (R001-01, issue 4 item 2)', async () => {
    clock.now = () => new Date('2026-12-07T09:30:00.000Z');
    const open = async (prefix: string) => {
      const ids: number[] = [];
      for (const [i, body] of OPENINGS.entries()) ids.push(Number((await openCase(t.store, t.actors.agent, { body: { ...body, subject: `${prefix}${i}` } })).id));
      return ids;
    };
    const oneByOne = await open('seq');
    const together = await open('bat');
    // Later the same morning, both sets move: one step at a time, and all in one batch.
    clock.now = () => new Date('2026-12-07T11:45:00.000Z');
    for (const [i, id] of oneByOne.entries()) {
      for (const status of PATHS[i]!) await changeCaseStatus(t.store, t.actors.agent, { caseId: id, status, reason: 'imported from sheet', quiet: true });
    }
    const runtime = await loadPolicyRuntime(t.store);
    await t.store.db.transaction().execute((trx) => changeCaseStatusesTogether(t.actors.agent, {
      trx, dialect, runtime, quiet: true, moves: together.map((caseId, i) => ({ caseId, path: PATHS[i]!, reason: 'imported from sheet' })),
    }));
    for (const [i, id] of oneByOne.entries()) {
      const expected = await stateOf(t, id);
      expect(expected.events.length).toBeGreaterThan(1);
      expect(await stateOf(t, together[i]!)).toEqual(expected);
    }
  });

  it('a refused step refuses the whole batch and moves nothing', async () => {
    const a = Number((await openCase(t.store, t.actors.agent, { body: { category: 'order_status' } })).id);
    const b = Number((await openCase(t.store, t.actors.agent, { body: { category: 'order_status' } })).id);
    const before = [await stateOf(t, a), await stateOf(t, b)];
    const runtime = await loadPolicyRuntime(t.store);
    const moving = t.store.db.transaction().execute((trx) => changeCaseStatusesTogether(t.actors.agent, {
      trx, dialect, runtime, quiet: true, moves: [{ caseId: a, path: ['resolved'], reason: 'r' }, { caseId: b, path: ['closed'], reason: 'r' }],
    }));
    await expect(moving).rejects.toMatchObject({ code: 'invalid_transition', field: 'status' });
    expect([await stateOf(t, a), await stateOf(t, b)]).toEqual(before);
  });

  it('the supplier cannot move a case outside its own queue: it is not found, and nothing moves (R000-01)', async () => {
    const a = Number((await openCase(t.store, t.actors.agent, { body: { category: 'order_status' } })).id);
    const runtime = await loadPolicyRuntime(t.store);
    const moving = t.store.db.transaction().execute((trx) => changeCaseStatusesTogether(t.actors.supplier, {
      trx, dialect, runtime, quiet: true, moves: [{ caseId: a, path: ['resolved'], reason: 'r' }],
    }));
    await expect(moving).rejects.toBeInstanceOf(DomainError);
    await expect(moving).rejects.toMatchObject({ code: 'not_found' });
    expect((await findCaseById(t.store.db, a))!.status).toBe('new');
  });
});
