import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { auth, createTestApp, type TestApp } from '../support/app.js';
import { openCase } from '../../src/services/cases/open-case.js';
import { escalateCase } from '../../src/services/cases/change-case-level.js';
import { setCasePromise } from '../../src/services/cases/set-case-promise.js';
import { changeCaseStatus } from '../../src/services/cases/change-case-status.js';
import { getEscalationsLog, escalationsLogCsv } from '../../src/services/shifts/get-escalations-log.js';
import { acknowledgeHandoff, overnightDigest, previewHandoff, signOffHandoff } from '../../src/services/shifts/shift-handoff.js';
import { DomainError } from '../../src/domain/errors.js';

const dialects = await availableDialects();

describe.each(dialects)('escalations log and shift handoff on %s', (dialect) => {
  let t: TestApp;
  let escalatedId: string;
  let promisedId: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const a = await openCase(t.store, t.actors.agent, { body: { category: 'wrong_item', subject: 'Sent the silver ring, ordered gold', customer: { id: 'SH-1', name: 'Ava Nguyen' }, order: { number: 'ORD-20261121-0001' } } });
    escalatedId = (await escalateCase(t.store, t.actors.agent, { caseId: a.id, to: 'L2', reason: 'customer asked for a manager twice' })).id;
    const b = await openCase(t.store, t.actors.agent, { body: { category: 'order_status' } });
    promisedId = (await setCasePromise(t.store, t.actors.agent, { caseId: b.id, promisedResolution: 'tracking by tonight', promisedBy: new Date(Date.now() + 3_600_000).toISOString() })).id;
    await openCase(t.store, t.actors.back_office, { body: { category: 'chargeback' } });
  });
  afterAll(async () => { await t?.close(); });

  it('the escalations log lists each escalation with its order, customer, issue and status (R001-01)', async () => {
    const log = await getEscalationsLog(t.store, t.actors.lead, {});
    const row = log.rows.find((r) => String(r.caseId) === escalatedId);
    expect(row).toMatchObject({ orderNumber: 'ORD-20261121-0001', customerName: 'Ava Nguyen', to: 'L2', reason: 'customer asked for a manager twice', status: 'new' });
    const csv = escalationsLogCsv(log);
    expect(csv.split('\r\n')[0]).toBe('time,case,order,customer,issue,category,from level,to level,reason,promised resolution,status,resolved by');
    expect(csv).toContain('ORD-20261121-0001');
  });

  it('the log never shows the restricted chargeback log to those who may not read it (R000-08)', async () => {
    const agentView = await getEscalationsLog(t.store, t.actors.agent, {});
    expect(agentView.rows.some((r) => r.category === 'chargeback')).toBe(false);
  });

  it('a handoff carries open escalations and promises falling due; the incoming lead acknowledges it (R001-12)', async () => {
    const preview = await previewHandoff(t.store, t.actors.lead, {});
    expect(preview.openEscalations.map((c) => c.id)).toContain(escalatedId);
    expect(preview.promisesDue.map((c) => c.id)).toContain(promisedId);
    const signed = await signOffHandoff(t.store, t.actors.lead, { shift: 'evening', note: 'Watch the gold ring case.' });
    expect(signed.snapshot.openEscalations.map((c) => c.id)).toContain(escalatedId);
    const own = await acknowledgeHandoff(t.store, t.actors.lead, { id: signed.id }).catch((e: DomainError) => e.code);
    expect(own).toBe('conflict');
    const acked = await acknowledgeHandoff(t.store, t.actors.escalations, { id: signed.id });
    expect(acked.acknowledgedById).toBe(String(t.actors.escalations.id));
    // The snapshot is what was handed over, even after the case moves on.
    await changeCaseStatus(t.store, t.actors.lead, { caseId: escalatedId, status: 'resolved' });
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/handoffs', headers: auth(t.tokens.lead) });
    expect(res.json().items[0].snapshot.openEscalations.map((c: { id: string }) => c.id)).toContain(escalatedId);
  });

  it('an agent may not sign off a shift; the digest starts where the last handoff ended', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/handoffs', headers: auth(t.tokens.agent), payload: {} });
    expect(res.statusCode).toBe(403);
    const after = await openCase(t.store, t.actors.agent, { body: { category: 'damaged_item', subject: 'overnight arrival' } });
    const digest = await overnightDigest(t.store, t.actors.lead, {});
    expect(digest.opened.map((c) => c.id)).toEqual([after.id]);
  });

  it('exports the log as CSV over the API', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/escalations-log?format=csv', headers: auth(t.tokens.lead) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.body).toContain('customer asked for a manager twice');
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/escalations-log?date=yesterday', headers: auth(t.tokens.lead) });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.field).toBe('date');
  });
});
