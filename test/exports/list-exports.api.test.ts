import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { auth, createTestApp, type TestApp } from '../support/app.js';
import { seedCases } from '../browser/seed-cases.js';
import { caseWithOrder } from '../logs/log-world.js';
import { CASE_EXPORT_COLUMNS } from '../../src/services/exports/list-exports.js';
import { readCsv } from './read-csv.js';

const dialects = await availableDialects();

// Issue 7 item 4: every list view exports to CSV with its filters and sort, every matching row
// (not one page), through the same service as its JSON — so role scoping is the same.

describe.each(dialects)('list views as CSV on %s', (dialect) => {
  let t: TestApp;
  const get = (url: string, role: keyof TestApp['tokens'] = 'agent', headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { ...auth(t.tokens[role]), ...headers } });

  async function jsonIds(url: string, role: keyof TestApp['tokens'] = 'agent'): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await get(`${url}${url.includes('?') ? '&' : '?'}limit=200${cursor ? `&cursor=${cursor}` : ''}`, role)).json() as { items: { id: string }[]; nextCursor: string | null };
      ids.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    return ids;
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await seedCases(t.store, 620, { startAt: new Date('2026-11-20T12:00:00.000Z') });
  });
  afterAll(async () => { await t?.close(); });

  it('GET /cases?format=csv streams every matching row in the JSON order, beyond one page, with the header', async () => {
    const res = await get('/cases?format=csv&status=open&sort=priority&limit=5');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="cases.csv"');
    const { header, rows } = readCsv(res.body);
    expect(header).toEqual([...CASE_EXPORT_COLUMNS]);
    expect(rows.length).toBeGreaterThan(500);
    expect(rows.every((r) => r.status === 'open')).toBe(true);
    expect(rows.map((r) => r.id)).toEqual(await jsonIds('/cases?status=open&sort=priority'));

    const viaAccept = await get('/cases?status=pending_customer', 'agent', { accept: 'text/csv' });
    expect(viaAccept.headers['content-type']).toContain('text/csv');
    expect(readCsv(viaAccept.body).rows.map((r) => r.id)).toEqual(await jsonIds('/cases?status=pending_customer'));
    expect((await get('/cases?status=pending_customer', 'agent', { accept: 'application/json' })).headers['content-type']).toContain('application/json');
  });

  it('a bad filter is still a field-named 4xx before any CSV is sent', async () => {
    const res = await get('/cases?format=csv&status=lost');
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'invalid_input', field: 'status' });
    expect((await get('/logs?format=csv&waitingOn=nobody')).json().error).toMatchObject({ field: 'waitingOn' });
  });

  it('restricted cases stay out of an export for roles that may not read them (R000-08)', async () => {
    const chargeback = (await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: auth(t.tokens.admin), payload: { category: 'chargeback', customer: { id: 'C-CSV-1' } } })).json() as { id: string };
    expect(readCsv((await get('/cases?format=csv&category=chargeback', 'agent')).body).rows).toEqual([]);
    expect(readCsv((await get('/cases?format=csv&category=chargeback', 'compliance')).body).rows.map((r) => r.id)).toEqual([chargeback.id]);
  });

  it('a supplier\'s log queue CSV lacks the columns and values hidden from it; back office gets them', async () => {
    const { caseId } = await caseWithOrder(t, 'out_of_stock', { fulfillment: 'unfulfilled' });
    const open = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/log`, headers: auth(t.tokens.supplier), payload: { type: 'out_of_stock', fields: { sku: 'EAR-HOOP-S', note: '=cmd|calc' } } });
    expect(open.statusCode, open.body).toBe(201);
    const delay = await caseWithOrder(t, 'processing_delay');
    const logged = await t.app.inject({
      method: 'POST', url: `/api/v1/cases/${delay.caseId}/log`, headers: auth(t.tokens.back_office),
      payload: { type: 'processing_delay', fields: { offerDetail: 'SECRET-OFFER-10' } },
    });
    expect(logged.statusCode, logged.body).toBe(201);
    // Escalated to the supplier (R000-03) and owned by its team: now in the supplier's queue.
    const moved = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${delay.caseId}/log/transitions`, headers: auth(t.tokens.back_office), payload: { to: 'supplier_follow_up' } });
    expect(moved.statusCode, moved.body).toBe(200);
    const routed = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${delay.caseId}/assign`, headers: auth(t.tokens.lead), payload: { teamId: String(t.actors.supplier.teamId) } });
    expect(routed.statusCode, routed.body).toBe(200);

    const supplier = readCsv((await get('/logs?format=csv', 'supplier')).body);
    const backOffice = readCsv((await get('/logs?format=csv', 'back_office')).body);
    expect(supplier.rows.map((r) => r.caseId)).toEqual(expect.arrayContaining([caseId, delay.caseId]));
    expect(supplier.header).not.toContain('case.category');
    expect(supplier.header).not.toContain('fields.offerDetail');
    expect(supplier.header).not.toContain('fields.csMayOffer');
    expect(JSON.stringify(supplier)).not.toContain('SECRET-OFFER-10');
    expect(backOffice.header).toEqual(expect.arrayContaining(['case.category', 'fields.offerDetail', 'fields.sku']));
    expect(backOffice.rows.find((r) => r.caseId === delay.caseId)).toMatchObject({ 'fields.offerDetail': 'SECRET-OFFER-10', 'case.category': 'processing_delay' });
    // The JSON answer hides the same things: one rule for both formats.
    expect(JSON.stringify((await get('/logs', 'supplier')).json())).not.toContain('SECRET-OFFER-10');
    // A typed note that a spreadsheet would run stays text.
    expect(supplier.rows.find((r) => r.caseId === caseId)!['fields.note']).toBe("'=cmd|calc");
  });

  it('customers, orders, users, RMAs and the audit trail export too, each under its own permission', async () => {
    for (const [url, role, column] of [
      ['/customers?format=csv', 'agent', 'externalId'],
      ['/orders?format=csv', 'agent', 'number'],
      ['/users?format=csv', 'admin', 'email'],
      ['/audit?format=csv', 'compliance', 'action'],
    ] as const) {
      const res = await get(url, role);
      expect({ url, status: res.statusCode, type: res.headers['content-type'] }).toEqual({ url, status: 200, type: 'text/csv; charset=utf-8' });
      expect(readCsv(res.body).header, url).toContain(column);
    }
    expect((await get('/rmas?format=csv', 'agent')).statusCode).toBe(200);
    expect((await get('/audit?format=csv', 'agent')).statusCode).toBe(403);
    const users = readCsv((await get('/users?format=csv', 'admin')).body);
    expect(users.rows.map((r) => r.email)).toEqual(expect.arrayContaining(['agent@test.ladder', 'supplier@test.ladder']));
    expect(users.header.some((h) => /password|hash/i.test(h))).toBe(false);
  });
});
