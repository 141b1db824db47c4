import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { auth, createTestApp, type TestApp } from '../support/app.js';
import { clock } from '../../src/services/clock.js';
import { openCase } from '../../src/services/cases/open-case.js';
import { addCaseMessage } from '../../src/services/cases/add-case-message.js';
import { escalateCase } from '../../src/services/cases/change-case-level.js';
import { changeCaseStatus } from '../../src/services/cases/change-case-status.js';
import { deskMetrics, deskMetricsCsv } from '../../src/services/reports/desk-metrics.js';

const dialects = await availableDialects();
const realNow = clock.now;
const at = (iso: string) => { clock.now = () => new Date(iso); };

// Hand-made week (times UTC):
//   A  order_status  customer c1  opened 11-02 09:00, one agent reply, resolved 11-02 13:00 (4 h)
//   B  damaged_item  customer c1  opened 11-02 10:00, two agent replies, resolved 11-03 10:00 (24 h)
//   C  order_status  customer c2  opened 11-02 11:00 with a legal threat (escalated on opening), open
//   D  damaged_item  customer c3  opened 11-03 08:00, escalated by the agent 11-03 09:00, resolved 11-03 10:00 (2 h)
//   E  damaged_item  customer c1  opened 11-04 09:00: c1's second damaged item, offense 2 (R003-02), open
//   F  chargeback    customer c4  opened 11-04 10:00 (restricted log, R000-08), open
describe.each(dialects)('desk metrics on %s', (dialect) => {
  let t: TestApp;
  const id: Record<string, string> = {};
  const period = { from: '2026-11-02T00:00:00.000Z', to: '2026-11-05T00:00:00.000Z' };
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const open = async (key: string, when: string, body: Record<string, unknown>) => {
      at(when);
      id[key] = (await openCase(t.store, t.actors.agent, { body })).id;
    };
    const agentSays = async (key: string, when: string) => {
      at(when);
      await addCaseMessage(t.store, t.actors.agent, { caseId: id[key], from: 'agent', text: 'We are on it.' });
    };
    const resolve = async (key: string, when: string) => {
      at(when);
      await changeCaseStatus(t.store, t.actors.lead, { caseId: id[key], status: 'resolved' });
    };
    await open('A', '2026-11-02T09:00:00.000Z', { category: 'order_status', customer: { id: 'c1' } });
    await open('B', '2026-11-02T10:00:00.000Z', { category: 'damaged_item', customer: { id: 'c1' } });
    await open('C', '2026-11-02T11:00:00.000Z', { category: 'order_status', customer: { id: 'c2' }, timeline: [{ type: 'message', from: 'customer', text: 'My lawyer will contact you.' }] });
    await agentSays('A', '2026-11-02T09:30:00.000Z');
    await resolve('A', '2026-11-02T13:00:00.000Z');
    await agentSays('B', '2026-11-02T10:30:00.000Z');
    await agentSays('B', '2026-11-02T15:00:00.000Z');
    await open('D', '2026-11-03T08:00:00.000Z', { category: 'damaged_item', customer: { id: 'c3' } });
    at('2026-11-03T09:00:00.000Z');
    await escalateCase(t.store, t.actors.agent, { caseId: id.D, reason: 'asked for a supervisor twice' });
    await resolve('B', '2026-11-03T10:00:00.000Z');
    await resolve('D', '2026-11-03T10:00:00.000Z');
    await open('E', '2026-11-04T09:00:00.000Z', { category: 'damaged_item', customer: { id: 'c1' } });
    await open('F', '2026-11-04T10:00:00.000Z', { category: 'chargeback', customer: { id: 'c4' } });
    at('2026-11-06T12:00:00.000Z');
  });
  afterAll(async () => {
    clock.now = realNow;
    await t?.close();
  });

  it('counts cases opened and escalation events per UTC day (R001-14)', async () => {
    const m = await deskMetrics(t.store, t.actors.lead, period);
    expect(m.days.map((d) => [d.date, d.opened.count, d.escalations.count])).toEqual([
      ['2026-11-02', 3, 1], ['2026-11-03', 1, 1], ['2026-11-04', 1, 1],
    ]);
    expect(m.days[0]!.opened.caseIds).toEqual([id.A, id.B, id.C]);
    expect(m.days[1]!.escalations.caseIds).toEqual([id.D]);
    expect(m.totals.escalations).toEqual({ count: 3, caseIds: [id.C, id.D, id.E], truncated: false });
    expect(m.totals.escalatedCases).toBe(3);
  });

  it('averages 4 h, 24 h and 2 h to 10 h with a median of 4 h, overall and by category (R001-14)', async () => {
    const m = await deskMetrics(t.store, t.actors.lead, period);
    expect(m.resolution).toEqual({ averageHours: 10, medianHours: 4, cases: { count: 3, caseIds: [id.A, id.B, id.D], truncated: false } });
    const damaged = m.byCategory.find((c) => c.category === 'damaged_item')!;
    expect(damaged.opened.caseIds).toEqual([id.B, id.D, id.E]);
    expect(damaged.escalations.count).toBe(2);
    expect(damaged.resolution).toMatchObject({ averageHours: 13, medianHours: 13 });
    expect(m.byCategory.find((c) => c.category === 'order_status')!.resolution).toMatchObject({ averageHours: 4, medianHours: 4 });
  });

  it('finds repeat customers and later offenses (R001-14, R003-02)', async () => {
    const m = await deskMetrics(t.store, t.actors.lead, period);
    expect(m.repeat.customers).toBe(1);
    expect(m.repeat.customerCases.caseIds).toEqual([id.A, id.B, id.E]);
    expect(m.repeat.laterOffenses.caseIds).toEqual([id.E]);
  });

  it('measures SLA attainment against the resolution due time and first-contact resolution (R004-11)', async () => {
    const m = await deskMetrics(t.store, t.actors.lead, period);
    // B was due 11-02 22:00 (P2, same business day) and resolved the next morning.
    expect(m.sla.met.caseIds).toEqual([id.A, id.D]);
    expect(m.sla.missed.caseIds).toEqual([id.B]);
    expect(m.sla.attainment).toBe(0.667);
    expect(m.sla.openPastDue.caseIds).toEqual([id.C, id.E]);
    // B had two agent replies; A one; D none.
    expect(m.firstContact.firstContact.caseIds).toEqual([id.A, id.D]);
    expect(m.firstContact.rate).toBe(0.667);
    expect(m.csat.value).toBeNull();
  });

  it('leaves the restricted log out for people who may not read it (R000-08)', async () => {
    const lead = await deskMetrics(t.store, t.actors.lead, period);
    const compliance = await deskMetrics(t.store, t.actors.compliance, period);
    expect(lead.byCategory.map((c) => c.category)).not.toContain('chargeback');
    expect(compliance.totals.opened.caseIds).toContain(id.F);
    expect(compliance.sla.openPastDue.caseIds).toEqual([id.C, id.E, id.F]);
  });

  it('defaults to the last 30 days and counts nothing outside the period', async () => {
    const m = await deskMetrics(t.store, t.actors.lead, {});
    expect(m.to).toBe('2026-11-06T12:00:00.000Z');
    expect(m.from).toBe('2026-10-07T12:00:00.000Z');
    const later = await deskMetrics(t.store, t.actors.lead, { from: '2026-11-05T00:00:00Z', to: '2026-11-06T00:00:00Z' });
    expect(later.totals.opened.count).toBe(0);
    expect(later.resolution.averageHours).toBeNull();
    // Still open and overdue at the end of that later period.
    expect(later.sla.openPastDue.caseIds).toEqual([id.C, id.E]);
  });

  it('is served to anyone who reads cases, as JSON or CSV, and names the bad field', async () => {
    const q = `from=${period.from}&to=${period.to}`;
    const json = await t.app.inject({ method: 'GET', url: `/api/v1/reports/desk?${q}`, headers: auth(t.tokens.agent) });
    expect(json.statusCode).toBe(200);
    expect(json.json().totals.opened.count).toBe(5);
    const csv = await t.app.inject({ method: 'GET', url: `/api/v1/reports/desk?${q}&format=csv`, headers: auth(t.tokens.lead) });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toBe('date or row,name,opened,escalations,value');
    expect(lines[1]).toBe('2026-11-02,,3,1,');
    expect(lines).toContain('summary,average resolution hours,,,10');
    expect(csv.body).toBe(deskMetricsCsv(await deskMetrics(t.store, t.actors.lead, period)));
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/reports/desk?to=soon', headers: auth(t.tokens.lead) });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.field).toBe('to');
    const backwards = await t.app.inject({ method: 'GET', url: `/api/v1/reports/desk?from=${period.to}&to=${period.from}`, headers: auth(t.tokens.lead) });
    expect(backwards.json().error.field).toBe('from');
  });
});
