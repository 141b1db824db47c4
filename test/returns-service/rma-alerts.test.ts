import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { SYSTEM_ACTOR } from '../../src/services/actor.js';
import { createTeam } from '../../src/services/teams/create-team.js';
import { createUser } from '../../src/services/users/create-user.js';
import { requestRma } from '../../src/services/returns/request-rma.js';
import { approveRma } from '../../src/services/returns/approve-rma.js';
import { markLabelSent } from '../../src/services/returns/mark-label-sent.js';
import { receiveRma } from '../../src/services/returns/receive-rma.js';
import { processRmaAlert } from '../../src/services/returns/process-rma-alert.js';
import { updateCase } from '../../src/store/repositories/case.repository.js';
import { listCaseEvents } from '../../src/store/repositories/case-event.repository.js';
import { listOutbox } from '../../src/store/repositories/outbox.repository.js';
import { listNotifications } from '../../src/store/repositories/notification.repository.js';
import { findRmaByNumber } from '../../src/store/repositories/rma.repository.js';
import { listRmaAlerts } from '../../src/store/repositories/rma-alert.repository.js';
import { JobRunner } from '../../src/jobs/job-runner.js';
import { JOB_DEFINITIONS } from '../../src/jobs/job-definitions.js';
import { queueDueRmaAlerts } from '../../src/jobs/rma-alert-sweep.job.js';
import type { WorkerServices } from '../../src/jobs/worker-services.js';
import { QUEUE_ONLY_SERVICES } from '../support/worker-services.js';
import type { RmaView } from '../../src/services/returns/rma-view.js';
import { nextOrderNumber, openReturnCase, pinClock, restoreClock, rmaBody } from './support/returns-world.js';

const dialects = await availableDialects();

// Issue 6 item 5: an RMA requested Friday 20 November 2026 at 10:00 New York (15:00Z) owes its
// confirmation within one business hour, 16:00Z (R004-07); received Tuesday 1 December at 15:00Z,
// its processing target (3 business days) is 2026-12-04T22:00Z and its deadline (5) 2026-12-08T22:00Z (R004-05).

describe.each(dialects)('RMA time targets as SLA clocks on %s', (dialect) => {
  let t: TestApp;
  let nowMs = 0;
  let leadId: number;
  const runners: JobRunner<WorkerServices>[] = [];

  const at = (iso: string) => { nowMs = Date.parse(iso); };
  const newRunner = () => {
    const runner = new JobRunner<WorkerServices>({ store: t.store, definitions: JOB_DEFINITIONS, services: QUEUE_ONLY_SERVICES, now: () => new Date(nowMs), random: () => 0, concurrency: 4 });
    runners.push(runner);
    return runner;
  };
  async function sweepAndRun(runner = runners[0]!) {
    await queueDueRmaAlerts(t.store, { now: new Date(nowMs), lookAheadMs: 0, limit: 1000 });
    await runner.runDue();
  }
  async function alertEvents(caseId: string) {
    return (await listCaseEvents(t.store.db, Number(caseId), { includeInternal: true })).filter((e) => e.type === 'sla_warning' || e.type === 'sla_breached');
  }
  async function newRma(linkCase = true): Promise<{ rma: RmaView; caseId: string }> {
    pinClock('2026-11-20T15:00:00Z');
    const number = nextOrderNumber();
    const caseId = await openReturnCase(t, { number });
    await updateCase(t.store.db, Number(caseId), { assigneeId: t.actors.agent.id });
    const rma = await requestRma(t.store, t.actors.agent, rmaBody({ number, ...(linkCase ? { caseId } : {}) }));
    return { rma, caseId };
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const leads = await createTeam(t.store, SYSTEM_ACTOR, { key: 'leads', name: 'Leads', kind: 'support' });
    const lead = await createUser(t.store, SYSTEM_ACTOR, { email: 'l2@test.ladder', role: 'lead', password: 'correct horse battery staple', teamId: Number(leads.id) });
    leadId = Number(lead.id);
    newRunner();
  });
  afterAll(async () => {
    restoreClock();
    await t?.close();
  });

  it('a confirmation is breached strictly after its due instant, once, with the owner and the next level notified (R004-07)', async () => {
    const { rma, caseId } = await newRma();
    expect([rma.dueKind, rma.dueAt]).toEqual(['confirmation', '2026-11-20T16:00:00.000Z']);

    at('2026-11-20T16:00:00.000Z');
    await sweepAndRun();
    expect(await alertEvents(caseId)).toHaveLength(0);

    at('2026-11-20T16:00:00.001Z');
    await sweepAndRun();
    at('2026-11-20T17:00:00.000Z');
    await sweepAndRun();
    const events = await alertEvents(caseId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'sla_breached', actorKind: 'system', data: { rma: rma.number, state: 'requested', due: 'confirmation', rule: 'R004-07', dueAt: '2026-11-20T16:00:00.000Z' } });
    const outbox = await listOutbox(t.store.db, { caseId: Number(caseId), limit: 20 });
    expect(outbox.map((o) => `${o.channel}:${o.recipient}`).sort()).toEqual([
      'email:agent@test.ladder', 'email:l2@test.ladder', `in_app:user:${t.actors.agent.id}`, `in_app:user:${leadId}`,
    ]);
    expect((await findRmaByNumber(t.store.db, rma.number))?.alertAt).toBeNull();
  });

  it('an RMA that moved on before its deadline is never alerted for the state it left (R004-07)', async () => {
    const { rma, caseId } = await newRma();
    pinClock('2026-11-20T15:30:00Z');
    const approved = await approveRma(t.store, t.actors.agent, { number: rma.number, body: {} });
    expect(approved.dueKind).toBe('label');
    // A job queued for the old state (e.g. by a sweep that ran just before the move) finds nothing.
    at('2026-11-20T16:30:00.000Z');
    const row = await findRmaByNumber(t.store.db, rma.number);
    expect(await processRmaAlert(t.store, { rmaId: row!.id, state: 'requested', dueKind: 'confirmation', alert: 'breach', now: new Date(nowMs), ...QUEUE_ONLY_SERVICES.alerts }))
      .toEqual({ outcome: 'nothing_pending' });
    await sweepAndRun();
    expect(await alertEvents(caseId)).toHaveLength(0);
    await markLabelSent(t.store, t.actors.agent, { number: rma.number, body: { trackingNumber: '1Z1' } });
  });

  it('processing warns at the 3-business-day target exactly and breaches after the 5-day deadline (R004-05)', async () => {
    const { rma, caseId } = await newRma();
    for (const step of [approveRma, markLabelSent]) await step(t.store, t.actors.agent, { number: rma.number, body: { trackingNumber: '1Z2' } });
    pinClock('2026-12-01T15:00:00Z');
    const received = await receiveRma(t.store, t.actors.agent, { number: rma.number, body: {} });
    expect([received.warnAt, received.dueAt]).toEqual(['2026-12-04T22:00:00.000Z', '2026-12-08T22:00:00.000Z']);

    at('2026-12-04T21:59:59.999Z');
    await sweepAndRun();
    expect(await alertEvents(caseId)).toHaveLength(0);
    at('2026-12-04T22:00:00.000Z');
    await sweepAndRun();
    expect((await alertEvents(caseId)).map((e) => e.type)).toEqual(['sla_warning']);
    expect((await findRmaByNumber(t.store.db, rma.number))?.alertAt).toBe('2026-12-08T22:00:00.000Z');
    // The warning goes to the owner only.
    expect((await listNotifications(t.store.db, { userId: leadId, limit: 50 })).filter((n) => n.text.includes(rma.number))).toHaveLength(0);

    at('2026-12-08T22:00:00.001Z');
    await sweepAndRun();
    await sweepAndRun();
    expect((await alertEvents(caseId)).map((e) => e.type)).toEqual(['sla_warning', 'sla_breached']);
    expect((await listRmaAlerts(t.store.db, (await findRmaByNumber(t.store.db, rma.number))!.id)).map((a) => `${a.state}:${a.dueKind}:${a.alert}`))
      .toEqual(['received:processing:warning', 'received:processing:breach']);
  });

  it('two workers sweeping and running the same due alerts take each exactly once (issue 6 item 5)', async () => {
    const made = await Promise.all([newRma(), newRma(), newRma()]);
    const second = newRunner();
    at('2026-11-20T16:05:00.000Z');
    await Promise.all([
      queueDueRmaAlerts(t.store, { now: new Date(nowMs), lookAheadMs: 0, limit: 1000 }),
      queueDueRmaAlerts(t.store, { now: new Date(nowMs), lookAheadMs: 0, limit: 1000 }),
    ]);
    await Promise.all([runners[0]!.runDue(), second.runDue()]);
    for (const { rma, caseId } of made) {
      expect((await alertEvents(caseId)).map((e) => e.type)).toEqual(['sla_breached']);
      const row = (await findRmaByNumber(t.store.db, rma.number))!;
      expect(await listRmaAlerts(t.store.db, row.id)).toHaveLength(1);
    }
    // The same alert handled twice at once, as after a lease ran out: one takes it, one finds it taken.
    const { rma } = await newRma();
    const row = (await findRmaByNumber(t.store.db, rma.number))!;
    const input = { rmaId: row.id, state: 'requested', dueKind: 'confirmation', alert: 'breach' as const, now: new Date(nowMs), ...QUEUE_ONLY_SERVICES.alerts };
    const outcomes = await Promise.all([processRmaAlert(t.store, input), processRmaAlert(t.store, input)]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['alerted', 'nothing_pending']);
  });

  it('an RMA without a case notifies its requester, and the next level on a breach (R004-07)', async () => {
    const { rma } = await newRma(false);
    at('2026-11-20T16:00:00.001Z');
    await sweepAndRun();
    const mine = (await listNotifications(t.store.db, { userId: t.actors.agent.id, limit: 100 })).filter((n) => n.text.includes(rma.number));
    const leads = (await listNotifications(t.store.db, { userId: leadId, limit: 100 })).filter((n) => n.text.includes(rma.number));
    expect([mine.length, leads.length]).toEqual([1, 1]);
    expect(mine[0]).toMatchObject({ kind: 'sla_breached', caseId: null });
  });
});
