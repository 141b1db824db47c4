import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { auth, createTestApp, type TestApp } from '../support/app.js';
import { nextOrderNumber } from '../logs/log-world.js';
import { openCase } from '../../src/services/cases/open-case.js';
import { openLogEntry } from '../../src/services/logs/open-log-entry.js';
import { applyIncidentSuggestions, previewIncidentSuggestions } from '../../src/services/incidents/suggest-incidents.js';
import { listCaseEvents } from '../../src/store/repositories/case-event.repository.js';
import { listAuditEvents } from '../../src/store/repositories/audit.repository.js';
import { findOrderByNumber } from '../../src/store/repositories/order.repository.js';
import { setOrderCarrier } from '../../src/store/repositories/incident.repository.js';
import { SYSTEM_ACTOR } from '../../src/services/actor.js';
import { clock } from '../../src/services/clock.js';

// Incident reports (R000-07, R001-15, R003-04) over the services and the API. Each test works in its
// own week (the clock pinned), so complaints from other tests fall outside the 7-day window.
const dialects = await availableDialects();
const realNow = clock.now;

describe.each(dialects)('incident reports on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect); });
  afterEach(() => { clock.now = realNow; });
  afterAll(async () => { await t?.close(); });

  const at = (iso: string) => { clock.now = () => new Date(iso); };
  const call = (role: keyof TestApp['tokens'], method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: auth(t.tokens[role]), ...(payload ? { payload } : {}) });
  async function complaint(category: string, opts: { sku?: string; carrier?: string } = {}): Promise<string> {
    const number = nextOrderNumber();
    const view = await openCase(t.store, t.actors.agent, { body: { category, subject: `${category} ${number}`, customer: { id: `C-${number}` }, order: { number } } });
    if (opts.sku) await openLogEntry(t.store, t.actors.agent, { caseId: view.id, type: 'item_issue', fields: { issueKind: 'damaged', sku: opts.sku } });
    if (opts.carrier) await setOrderCarrier(t.store.db, (await findOrderByNumber(t.store.db, number))!.id, opts.carrier);
    return view.id;
  }
  const redFlags = async (caseId: string) =>
    (await listCaseEvents(t.store.db, Number(caseId), { includeInternal: true })).filter((e) => e.type === 'red_flag');

  it('three complaints about one SKU within 7 days become one incident and each case gets the red flag "multiple complaints" (R001-15)', async () => {
    const sku = `CLASP-${dialect}`;
    at('2031-01-05T09:00:00Z');
    const a = await complaint('damaged_item', { sku });
    at('2031-01-08T09:00:00Z');
    const b = await complaint('missing_item', { sku });
    expect((await previewIncidentSuggestions(t.store, t.actors.agent, { now: new Date('2031-01-08T10:00:00Z') })).suggestions).toEqual([]);
    at('2031-01-11T09:00:00Z');
    const c = await complaint('wrong_item', { sku });
    const now = new Date('2031-01-11T10:00:00Z');
    const preview = await previewIncidentSuggestions(t.store, t.actors.agent, { now });
    expect(preview.suggestions).toEqual([expect.objectContaining({ dimension: 'sku', key: sku.toUpperCase(), caseIds: [a, b, c], incidentId: null })]);

    const { applied } = await applyIncidentSuggestions(t.store, SYSTEM_ACTOR, { now });
    expect(applied).toMatchObject([{ dimension: 'sku', created: true, linked: [a, b, c], flagged: [a, b, c] }]);
    const flag = (await redFlags(b))[0];
    expect(flag).toMatchObject({ actorKind: 'system', data: { flag: 'multiple_complaints_same_issue', rule: 'R001-15', incidentId: applied[0]!.incidentId, cases: 3 } });
    expect((await applyIncidentSuggestions(t.store, SYSTEM_ACTOR, { now })).applied).toEqual([]);

    at('2031-01-12T09:00:00Z');
    const d = await complaint('damaged_item', { sku });
    const again = await applyIncidentSuggestions(t.store, SYSTEM_ACTOR, { now: new Date('2031-01-12T10:00:00Z') });
    expect(again.applied).toMatchObject([{ incidentId: applied[0]!.incidentId, created: false, linked: [d], flagged: [d] }]);
    for (const id of [a, b, c, d]) expect(await redFlags(id)).toHaveLength(1);
    const shown = (await call('agent', 'GET', `/incidents/${applied[0]!.incidentId}`)).json();
    expect(shown).toMatchObject({ status: 'open', source: 'suggested', dimension: 'sku', caseCount: 4 });
    expect(shown.cases.map((x: { id: string; flagged: boolean }) => [x.id, x.flagged])).toEqual([[a, true], [b, true], [c, true], [d, true]]);
  });

  it('a resolved incident keeps its cases; the same carrier complained about again opens a new one', async () => {
    const carrier = `Carrier-${dialect}`;
    at('2031-03-01T09:00:00Z');
    const first = [await complaint('delivered_not_received', { carrier }), await complaint('lost_in_transit', { carrier }), await complaint('failed_delivery', { carrier })];
    const { applied } = await applyIncidentSuggestions(t.store, t.actors.lead, { now: new Date('2031-03-01T10:00:00Z') });
    const carrierIncident = applied.find((x) => x.dimension === 'carrier')!;
    expect(carrierIncident).toMatchObject({ key: carrier.toLowerCase(), linked: first });
    at('2031-03-02T09:00:00Z');
    expect((await call('lead', 'POST', `/incidents/${carrierIncident.incidentId}/transitions`, { to: 'resolved', note: 'carrier fixed the depot' })).statusCode).toBe(200);
    expect((await applyIncidentSuggestions(t.store, t.actors.lead, { now: new Date('2031-03-02T10:00:00Z') })).applied.filter((x) => x.dimension === 'carrier')).toEqual([]);
    at('2031-03-03T09:00:00Z');
    const later = [await complaint('delivered_not_received', { carrier }), await complaint('lost_in_transit', { carrier }), await complaint('failed_delivery', { carrier })];
    const next = (await applyIncidentSuggestions(t.store, t.actors.lead, { now: new Date('2031-03-03T10:00:00Z') })).applied.find((x) => x.dimension === 'carrier');
    expect(next).toMatchObject({ created: true, linked: later });
    expect(next!.incidentId).not.toBe(carrierIncident.incidentId);
  });

  it('a lead opens the one suggestion in front of them: dimension and key act on that cluster only; a bad dimension is named (R001-15)', async () => {
    const carrier = `OneClick-${dialect}`;
    at('2031-07-01T09:00:00Z');
    const cases = [await complaint('packaging_issue', { carrier }), await complaint('packaging_issue', { carrier }), await complaint('packaging_issue', { carrier })];
    at('2031-07-01T10:00:00Z');
    const bad = await call('lead', 'POST', '/incidents/suggestions', { dimension: 'colour', key: 'red' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ error: { code: 'invalid_input', field: 'dimension' } });
    const one = (await call('lead', 'POST', '/incidents/suggestions', { dimension: 'carrier', key: carrier.toLowerCase() })).json();
    expect(one.applied).toMatchObject([{ dimension: 'carrier', key: carrier.toLowerCase(), created: true, linked: cases }]);
    const left = (await call('lead', 'GET', '/incidents/suggestions')).json().suggestions as { dimension: string; key: string; incidentId: string | null }[];
    expect(left.find((x) => x.dimension === 'category' && x.key === 'packaging_issue')).toMatchObject({ incidentId: null });
    expect(left.find((x) => x.dimension === 'carrier')).toMatchObject({ incidentId: one.applied[0].incidentId });
  });

  it('agents log an incident and link cases (R000-07); leads move it (R003-04); resolved cannot move back to open', async () => {
    at('2031-05-01T09:00:00Z');
    const [a, b, c] = [await complaint('product_information'), await complaint('product_information'), await complaint('product_information')];
    const noTitle = await call('agent', 'POST', '/incidents', { caseIds: [a] });
    expect(noTitle.statusCode).toBe(422);
    expect(noTitle.json()).toMatchObject({ error: { code: 'invalid_input', field: 'title' } });
    const unknown = await call('agent', 'POST', '/incidents', { title: 'Missing jewelry inside the box', caseIds: [a, '999999'] });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { field: 'caseIds[1]' } });
    const opened = await call('agent', 'POST', '/incidents', { title: 'Missing jewelry inside the box', summary: 'pouch arrives empty', caseIds: [a] });
    expect(opened.statusCode).toBe(201);
    const id = opened.json().id as string;
    expect(opened.json()).toMatchObject({ status: 'open', source: 'manual', caseCount: 1 });
    expect(await redFlags(a)).toEqual([]);
    const linked = (await call('agent', 'POST', `/incidents/${id}/cases`, { caseIds: [b, c] })).json();
    expect(linked.caseCount).toBe(3);
    expect(await redFlags(a)).toHaveLength(1);
    expect((await call('agent', 'DELETE', `/incidents/${id}/cases/${c}`)).json().caseCount).toBe(2);
    expect((await call('agent', 'DELETE', `/incidents/${id}/cases/${c}`)).json()).toMatchObject({ error: { code: 'not_found', field: 'caseId' } });

    expect((await call('agent', 'POST', `/incidents/${id}/transitions`, { to: 'monitoring' })).statusCode).toBe(403);
    expect((await call('lead', 'POST', `/incidents/${id}/transitions`, { to: 'sleeping' })).json()).toMatchObject({ error: { code: 'invalid_input', field: 'to' } });
    expect((await call('lead', 'POST', `/incidents/${id}/transitions`, { to: 'monitoring' })).json()).toMatchObject({ status: 'monitoring' });
    expect((await call('back_office', 'POST', `/incidents/${id}/transitions`, { to: 'resolved' })).json()).toMatchObject({ status: 'resolved' });
    const back = await call('admin', 'POST', `/incidents/${id}/transitions`, { to: 'open' });
    expect(back.statusCode).toBe(409);
    expect(back.json()).toMatchObject({ error: { code: 'invalid_transition', field: 'to' } });
    expect((await call('agent', 'POST', `/incidents/${id}/cases`, { caseIds: [c] })).json()).toMatchObject({ error: { code: 'conflict' } });

    const list = (await call('compliance', 'GET', '/incidents?status=resolved')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await call('compliance', 'GET', '/incidents?status=closed')).json()).toMatchObject({ error: { field: 'status' } });
    const audit = await listAuditEvents(t.store.db, { entityType: 'incident', limit: 200 });
    expect(audit.filter((e) => e.entityId === id).map((e) => e.action).sort()).toEqual(
      ['incident.escalated', 'incident.escalated', 'incident.escalated', 'incident.linked', 'incident.linked', 'incident.moved', 'incident.moved', 'incident.opened', 'incident.red_flag', 'incident.unlinked'],
    );
  });

  it('restricted cases stay out of sight: agents cannot link a chargeback, and never see one linked (R000-08)', async () => {
    at('2031-07-01T09:00:00Z');
    const number = nextOrderNumber();
    const cb = (await openCase(t.store, t.actors.back_office, { body: { category: 'chargeback', subject: 'cb', customer: { id: `C-${number}` }, order: { number } } })).id;
    const plain = await complaint('damaged_item');
    const id = (await call('agent', 'POST', '/incidents', { title: 'Clasp breaking', caseIds: [plain] })).json().id as string;
    expect((await call('agent', 'POST', `/incidents/${id}/cases`, { caseIds: [cb] })).json()).toMatchObject({ error: { code: 'not_found', field: 'caseIds[0]' } });
    expect((await call('back_office', 'POST', `/incidents/${id}/cases`, { caseIds: [cb] })).json().caseCount).toBe(2);
    const seen = (await call('agent', 'GET', `/incidents/${id}`)).json();
    expect(seen.caseCount).toBe(1);
    expect(seen.cases.map((x: { id: string }) => x.id)).toEqual([plain]);
    expect((await call('supplier', 'GET', `/incidents/${id}`)).statusCode).toBe(403);
  });
});
