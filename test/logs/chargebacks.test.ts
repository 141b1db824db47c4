import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { auth, createTestApp, type TestApp } from '../support/app.js';
import { nextOrderNumber } from './log-world.js';
import { openCase } from '../../src/services/cases/open-case.js';
import { listAuditEvents } from '../../src/store/repositories/audit.repository.js';
import { listCaseEvents } from '../../src/store/repositories/case-event.repository.js';
import { updateCase } from '../../src/store/repositories/case.repository.js';
import { listOutbox } from '../../src/store/repositories/outbox.repository.js';
import { JobRunner } from '../../src/jobs/job-runner.js';
import { JOB_DEFINITIONS } from '../../src/jobs/job-definitions.js';
import { queueDueLogAlerts } from '../../src/jobs/log-due-alert.job.js';
import type { WorkerServices } from '../../src/jobs/worker-services.js';
import { QUEUE_ONLY_SERVICES } from '../support/worker-services.js';
import { clock } from '../../src/services/clock.js';

// R000-08: the chargebacks & high fraud risk log as a log type, over the API and the job runner.
const dialects = await availableDialects();

describe.each(dialects)('chargebacks & high fraud risk log on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => {
    clock.now = () => new Date();
    await t?.close();
  });

  const call = (role: keyof TestApp['tokens'], method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: auth(t.tokens[role]), ...(payload ? { payload } : {}) });

  async function restrictedCase(category = 'chargeback'): Promise<string> {
    const number = nextOrderNumber();
    const view = await openCase(t.store, t.actors.back_office, {
      body: { category, subject: `${category} on ${number}`, customer: { id: `CUST-${number}`, name: 'Ada' }, order: { number, total: '80.00', currency: 'EUR' } },
    });
    return view.id;
  }

  it('agent cannot see chargebacks (R000-08): 404 on the entry, absent from every list; the desk works it', async () => {
    const caseId = await restrictedCase();
    const opened = await call('compliance', 'POST', `/cases/${caseId}/log`, {
      type: 'chargeback', fields: { source: 'chargeback_service', platform: 'Chargeback.io', externalRef: 'CBIO-1', reasonCode: '10.4', amountMinor: 8000, currency: 'EUR', evidenceDueAt: '2026-12-20T12:00:00+01:00' },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toMatchObject({ type: 'chargeback', state: 'needs_response', dueAt: '2026-12-20T11:00:00.000Z', fields: { amountMinor: 8000, currency: 'EUR' } });
    for (const role of ['agent', 'lead', 'escalations', 'supplier'] as const) {
      expect((await call(role, 'GET', `/cases/${caseId}/log`)).statusCode, role).toBe(404);
      const list = (await call(role, 'GET', '/logs?type=chargeback')).json() as { items?: unknown[]; error?: unknown };
      expect(list.items ?? [], role).toEqual([]);
      const all = (await call(role, 'GET', '/logs?includeClosed=true')).json() as { items?: { type: string }[] };
      expect((all.items ?? []).filter((i) => i.type === 'chargeback'), role).toEqual([]);
      expect([403, 404], role).toContain((await call(role, 'POST', `/cases/${caseId}/log/transitions`, { to: 'submitted' })).statusCode);
    }
    for (const role of ['back_office', 'compliance', 'leadership', 'admin'] as const) {
      expect((await call(role, 'GET', `/cases/${caseId}/log`)).statusCode, role).toBe(200);
      const list = (await call(role, 'GET', '/logs?type=chargeback')).json() as { items: { caseId: string }[] };
      expect(list.items.map((i) => i.caseId), role).toContain(caseId);
    }
  });

  it('chargeback won cannot move back to needs_response (R000-08); each move is audited', async () => {
    const caseId = await restrictedCase();
    await call('back_office', 'POST', `/cases/${caseId}/log`, { type: 'chargeback', fields: { source: 'platform_chargeback', amountMinor: 1150, currency: 'CAD' } });
    const early = await call('back_office', 'POST', `/cases/${caseId}/log/transitions`, { to: 'submitted' });
    expect(early.statusCode).toBe(412);
    expect(early.json()).toMatchObject({ error: { code: 'precondition_failed', field: 'fields.evidenceSummary' } });
    const bad = await call('back_office', 'PATCH', `/cases/${caseId}/log`, { fields: { currency: 'cad' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ error: { code: 'invalid_input', field: 'fields.currency' } });
    await call('back_office', 'PATCH', `/cases/${caseId}/log`, { fields: { evidenceSummary: 'tracking, delivery photo', evidenceSubmittedAt: '2026-12-06T10:00:00Z' } });
    expect((await call('back_office', 'POST', `/cases/${caseId}/log/transitions`, { to: 'submitted' })).statusCode).toBe(200);
    expect((await call('compliance', 'POST', `/cases/${caseId}/log/transitions`, { to: 'won' })).json()).toMatchObject({ state: 'won', terminal: true });
    const back = await call('admin', 'POST', `/cases/${caseId}/log/transitions`, { to: 'needs_response' });
    expect(back.statusCode).toBe(409);
    expect(back.json()).toMatchObject({ error: { code: 'invalid_transition', field: 'to' } });
    const audit = await listAuditEvents(t.store.db, { entityType: 'case_log', limit: 100 });
    expect(audit.filter((a) => a.data.caseId === Number(caseId) && a.action === 'case_log.moved').map((a) => a.data.to)).toEqual(expect.arrayContaining(['submitted', 'won']));
  });

  it('a chargeback entry goes only on a chargeback or fraud case, so the case is hidden too (R000-08)', async () => {
    const number = nextOrderNumber();
    const ordinary = await openCase(t.store, t.actors.agent, { body: { category: 'damaged_item', subject: 'x', customer: { id: `C-${number}` }, order: { number } } });
    const res = await call('back_office', 'POST', `/cases/${ordinary.id}/log`, { type: 'chargeback', fields: { source: 'high_risk_order' } });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: { code: 'invalid_input', field: 'type' } });
    const fraud = await restrictedCase('fraud');
    expect((await call('leadership', 'POST', `/cases/${fraud}/log`, { type: 'chargeback', fields: { source: 'high_risk_order', riskLevel: 'high' } })).statusCode).toBe(201);
  });

  it('the evidence due date warns 48 hours ahead and breaches at the due instant, once each, to the desk only (R000-08)', async () => {
    const caseId = await restrictedCase();
    await updateCase(t.store.db, Number(caseId), { assigneeId: t.actors.back_office.id });
    await call('back_office', 'POST', `/cases/${caseId}/log`, { type: 'chargeback', fields: { source: 'platform_chargeback', evidenceDueAt: '2027-01-10T17:00:00Z' } });
    let nowMs = Date.parse('2027-01-08T16:59:59.999Z');
    const runner = new JobRunner<WorkerServices>({ store: t.store, definitions: JOB_DEFINITIONS, services: QUEUE_ONLY_SERVICES, now: () => new Date(nowMs), random: () => 0, concurrency: 2 });
    const sweepAndRun = async () => {
      await queueDueLogAlerts(t.store, { now: new Date(nowMs), lookAheadMs: 0, limit: 1000 });
      await runner.runDue();
    };
    const alerts = async () => (await listCaseEvents(t.store.db, Number(caseId), { includeInternal: true })).filter((e) => e.type === 'sla_warning' || e.type === 'sla_breached');
    await sweepAndRun();
    expect(await alerts()).toEqual([]);
    nowMs = Date.parse('2027-01-08T17:00:00.000Z');
    await sweepAndRun();
    await sweepAndRun();
    expect((await alerts()).map((e) => e.type)).toEqual(['sla_warning']);
    nowMs = Date.parse('2027-01-10T17:00:00.000Z');
    await sweepAndRun();
    await sweepAndRun();
    const events = await alerts();
    expect(events.map((e) => e.type)).toEqual(['sla_warning', 'sla_breached']);
    expect(events[1]).toMatchObject({ actorKind: 'system', data: { log: 'chargeback', due: 'evidenceDueAt', dueAt: '2027-01-10T17:00:00.000Z' } });
    const outbox = await listOutbox(t.store.db, { caseId: Number(caseId), limit: 20 });
    expect(outbox.length).toBeGreaterThan(0);
    expect(outbox.every((o) => !o.recipient.includes(String(t.actors.agent.email)))).toBe(true);

    // Submitting before the deadline stops the clock: a later entry's jobs find nothing due.
    const second = await restrictedCase();
    await call('back_office', 'POST', `/cases/${second}/log`, { type: 'chargeback', fields: { source: 'high_risk_order', evidenceDueAt: '2027-02-10T17:00:00Z', evidenceSummary: 'ID verified', evidenceSubmittedAt: '2027-02-01T09:00:00Z' } });
    await call('back_office', 'POST', `/cases/${second}/log/transitions`, { to: 'submitted' });
    nowMs = Date.parse('2027-02-11T00:00:00.000Z');
    await sweepAndRun();
    expect((await listCaseEvents(t.store.db, Number(second), { includeInternal: true })).filter((e) => e.type.startsWith('sla_'))).toEqual([]);
  });
});
