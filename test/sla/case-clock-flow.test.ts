// ENABLE AFTER WIRING: rename to case-clock-flow.test.ts once openCase and mutateCase call
// syncCaseClocks (see the SLA report). Until then openCase writes no clocks and this would fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { clock } from '../../src/services/clock.js';
import { openCase } from '../../src/services/cases/open-case.js';
import { addCaseMessage } from '../../src/services/cases/add-case-message.js';
import { changeCaseStatus } from '../../src/services/cases/change-case-status.js';
import { changeCasePriority } from '../../src/services/cases/change-case-priority.js';
import { loadPolicyRuntime } from '../../src/services/policy/load-policy-runtime.js';
import { presentCaseClocks } from '../../src/services/sla/clock-view.js';
import { findCaseById } from '../../src/store/repositories/case.repository.js';
import { listCaseEvents } from '../../src/store/repositories/case-event.repository.js';
import { JobRunner } from '../../src/jobs/job-runner.js';
import { JOB_DEFINITIONS } from '../../src/jobs/job-definitions.js';
import { queueDueClockAlerts } from '../../src/jobs/sla-sweep.job.js';
import type { WorkerServices } from '../../src/jobs/worker-services.js';

const dialects = await availableDialects();
const realNow = clock.now;

describe.each(dialects)('SLA clocks follow a case through its life on %s (issue 4 item 2)', (dialect) => {
  let t: TestApp;
  let nowMs = 0;
  const at = (iso: string) => { nowMs = Date.parse(iso); };
  const clocks = async (id: string) => {
    const row = (await findCaseById(t.store.db, Number(id)))!;
    const views = await presentCaseClocks(t.store.db, await loadPolicyRuntime(t.store), row, new Date(nowMs));
    return Object.fromEntries(views.map((v) => [v.kind, v]));
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    clock.now = () => new Date(nowMs);
  });
  afterAll(async () => {
    clock.now = realNow;
    await t?.close();
  });

  it('open → reply → customer writes → pending → back → priority up → resolved', async () => {
    // Friday 2026-11-20, 10:00 in New York. order_status by email is P3: first answer within 4
    // business hours (R004-01), resolution by the close of the next business day (R001-13).
    at('2026-11-20T15:00:00.000Z');
    const opened = await openCase(t.store, t.actors.agent, { body: { category: 'order_status', channel: 'email', subject: 'Where is it?' } });
    let c = await clocks(opened.id);
    expect(c.first_response).toMatchObject({ state: 'running', dueAt: '2026-11-20T19:00:00.000Z' });
    expect(c.resolution).toMatchObject({ state: 'running', dueAt: '2026-11-23T22:00:00.000Z' });
    expect(c.first_response!.dueAt).toBe(new Date(opened.due.firstResponse!).toISOString());

    at('2026-11-20T16:00:00.000Z');
    await addCaseMessage(t.store, t.actors.agent, { caseId: opened.id, from: 'agent', text: 'Looking into it.' });
    at('2026-11-20T16:30:00.000Z');
    await addCaseMessage(t.store, t.actors.agent, { caseId: opened.id, from: 'customer', text: 'Any news?' });
    c = await clocks(opened.id);
    expect(c.first_response).toMatchObject({ state: 'met', metAt: '2026-11-20T16:00:00.000Z' });
    expect(c.next_response).toMatchObject({ state: 'running', dueAt: '2026-11-21T16:30:00.000Z' }); // 24 hours (R004-01)

    at('2026-11-20T17:00:00.000Z');
    await changeCaseStatus(t.store, t.actors.agent, { caseId: opened.id, status: 'pending_customer' });
    c = await clocks(opened.id);
    expect(c.resolution).toMatchObject({ state: 'paused', dueAt: null, pausedSince: '2026-11-20T17:00:00.000Z' });

    at('2026-11-20T18:00:00.000Z');
    await addCaseMessage(t.store, t.actors.agent, { caseId: opened.id, from: 'customer', text: 'Here is the photo.' });
    c = await clocks(opened.id);
    // An hour of business time paused: due an hour of business time later, past Monday's close
    // into Tuesday 10:00 in New York.
    expect(c.resolution).toMatchObject({ state: 'running', dueAt: '2026-11-24T15:00:00.000Z' });

    await changeCasePriority(t.store, t.actors.lead, { caseId: opened.id, priority: 'P1', reason: 'customer is at the store' });
    c = await clocks(opened.id);
    // P1: 120 calendar minutes of running time from the opening — used up at 17:00, before the
    // pause — so the retargeted clock is already past due.
    expect(c.resolution!.state).toBe('breached');

    at('2026-11-20T18:00:01.000Z');
    const runner = new JobRunner<WorkerServices>({
      store: t.store, definitions: JOB_DEFINITIONS, now: () => new Date(nowMs),
      services: { alerts: { channels: { email: false, inApp: true, webhooks: false }, publicUrl: null }, transports: { mailer: null, mailDomain: 'x', sendWebhook: async () => ({ status: 200 }) }, slaLookAheadMs: 0, sweepBatchLimit: 100 },
    });
    await queueDueClockAlerts(t.store, { now: new Date(nowMs), lookAheadMs: 0, limit: 100 });
    await runner.runDue();
    const types = (await listCaseEvents(t.store.db, Number(opened.id), { includeInternal: true })).map((e) => e.type);
    expect(types).toContain('sla_breached');

    at('2026-11-20T18:30:00.000Z');
    await changeCaseStatus(t.store, t.actors.lead, { caseId: opened.id, status: 'resolved' });
    c = await clocks(opened.id);
    expect(c.resolution).toMatchObject({ state: 'met', metAt: '2026-11-20T18:30:00.000Z' });
  });
});
