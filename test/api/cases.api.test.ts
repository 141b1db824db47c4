import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { auth, createTestApp, type TestApp } from '../support/app.js';

const dialects = await availableDialects();

describe.each(dialects)('cases API on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => { await t?.close(); });

  const post = (url: string, body: unknown, token = t.tokens.agent) =>
    t.app.inject({ method: 'POST', url, headers: auth(token), payload: body as object });

  it('opens a case with the contract facts and returns 201 with its decision (operations.md)', async () => {
    const res = await post('/api/v1/cases', {
      category: 'damaged_item',
      subject: 'Broken clasp',
      channel: 'email',
      customer: { id: 'C-1001', name: 'Ava Nguyen', email: 'ava@example.com' },
      order: { number: 'ORD-20261101-0042', total: '129.00', currency: 'USD', fulfillment: 'delivered' },
      timeline: [{ type: 'message', from: 'customer', text: 'It arrived broken.' }],
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.id).toMatch(/^\d+$/);
    expect(body.decision).toMatchObject({ priority: 'P2', level: 'L1', escalate: false });
    expect(body.decision.actions).toContain('request_photo');
    expect(body.status).toBe('new');
    expect(body.timeline.map((e: { type: string }) => e.type)).toEqual(['opened', 'message']);
    const got = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${body.id}`, headers: auth(t.tokens.agent) });
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({ id: body.id, status: 'new', decision: { priority: 'P2' } });
  });

  it('concurrent openings each get their own case, and a bad one among them is a 422 naming its field while the rest are stored', async () => {
    const bodies: object[] = Array.from({ length: 12 }, (_, i) => ({
      category: 'order_status', subject: `together ${i}`, customer: { id: `TOGETHER-${i % 3}` }, order: { number: `ORD-TOGETHER-${i}` },
    }));
    bodies[5] = { category: 'order_status', subject: 'bad', order: { number: 'ORD-TOGETHER-BAD', total: 12.5, currency: 'USD' } };
    bodies[9] = { category: 'no_such_category', subject: 'bad too' };
    const responses = await Promise.all(bodies.map((b) => post('/api/v1/cases', b)));
    expect(responses.map((r) => r.statusCode)).toEqual(bodies.map((_, i) => (i === 5 || i === 9 ? 422 : 201)));
    expect(responses[5]!.json().error.field).toBe('order.total');
    expect(responses[9]!.json().error.field).toBe('category');
    const opened = responses.filter((r) => r.statusCode === 201).map((r) => r.json() as { id: string; subject: string; order: { number: string } });
    expect(new Set(opened.map((c) => c.id)).size).toBe(10);
    for (const c of opened) expect(c.order.number).toBe(`ORD-TOGETHER-${c.subject.split(' ')[1]}`);
    // Customer TOGETHER-0 sent four of them; the one refused (index 9) left nothing behind.
    const listed = (await t.app.inject({ method: 'GET', url: '/api/v1/cases?customer=TOGETHER-0&limit=50', headers: auth(t.tokens.agent) })).json() as { items: { subject: string }[] };
    expect(listed.items.map((c) => c.subject).sort()).toEqual(['together 0', 'together 3', 'together 6']);
  });

  it('a case opened with a long history (10,000 timeline entries, under the 1 MB body limit) is stored whole, not a 500', async () => {
    const timeline = Array.from({ length: 10_000 }, (_, i) => ({ type: 'message', from: i % 2 ? 'agent' : 'customer', text: `m${i}` }));
    const res = await post('/api/v1/cases', { category: 'order_status', subject: 'long history', timeline });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    const body = res.json() as { id: string; timeline: { type: string; text?: string }[] };
    expect(body.timeline).toHaveLength(10_001);
    const got = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${body.id}`, headers: auth(t.tokens.agent) })).json() as { timeline: unknown[] };
    expect(got.timeline).toHaveLength(10_001);
  });

  it('a legal threat in a customer message re-decides the case to L4 and escalates (R003-06)', async () => {
    const opened = (await post('/api/v1/cases', { category: 'order_status', customer: { id: 'C-2001' } })).json();
    expect(opened.decision.level).toBe('L1');
    const res = await post(`/api/v1/cases/${opened.id}/messages`, { from: 'customer', text: 'I will have my attorney contact you about this.' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.decision).toMatchObject({ level: 'L4', escalate: true, signals: { legal_threat: 1 } });
    expect(body.level).toBe('L4');
    expect(body.timeline.some((e: { type: string }) => e.type === 'decision_changed')).toBe(true);
  });

  it('agent messages never count as signals (decision.md)', async () => {
    const opened = (await post('/api/v1/cases', { category: 'order_status' })).json();
    const res = await post(`/api/v1/cases/${opened.id}/messages`, { from: 'agent', text: 'There is no need for a lawyer, we will sue nobody.' });
    expect(res.statusCode).toBe(201);
    expect(res.json().decision.signals).toEqual({});
  });

  it('bad input is a 422 naming the field, and nothing is stored', async () => {
    const before = (await t.app.inject({ method: 'GET', url: '/api/v1/cases?limit=500', headers: auth(t.tokens.admin) })).json().items.length;
    const res = await post('/api/v1/cases', { category: 'damaged_item', order: { number: 'ORD-1', total: 12.5, currency: 'USD' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'invalid_input', field: 'order.total' });
    const unknown = await post('/api/v1/cases', { category: 'no_such_category' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.field).toBe('category');
    const missing = await post('/api/v1/cases', { subject: 'x' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.field).toBe('category');
    const tooMany = await post('/api/v1/cases', { category: 'order_status', customer: { id: 'C-MANY', linkedAccounts: Array.from({ length: 101 }, (_, i) => `L-${i}`) } });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().error.field).toBe('customer.linkedAccounts');
    const badJson = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { ...auth(t.tokens.agent), 'content-type': 'application/json' }, payload: '{"category":' });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().error.code).toBe('invalid_json');
    const after = (await t.app.inject({ method: 'GET', url: '/api/v1/cases?limit=500', headers: auth(t.tokens.admin) })).json().items.length;
    expect(after).toBe(before);
  });

  it('401 without a token or with a revoked one; 404 for a case that does not exist', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/cases' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: auth('ldr_nope') })).statusCode).toBe(401);
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/cases/999999', headers: auth(t.tokens.agent) });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
  });

  it('lists cases with cursor pagination and the orders list carries numbers', async () => {
    for (let i = 0; i < 5; i++) await post('/api/v1/cases', { category: 'order_status', order: { number: `ORD-20261120-${1000 + i}` } });
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const res: { statusCode: number; json(): { items: { id: string }[]; nextCursor: string | null } } = await t.app.inject({ method: 'GET', url: `/api/v1/cases?limit=2${cursor ? `&cursor=${cursor}` : ''}`, headers: auth(t.tokens.agent) });
      expect(res.statusCode).toBe(200);
      const page = res.json();
      for (const c of page.items) seen.add(c.id);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.size).toBeGreaterThanOrEqual(5);
    const orders = await t.app.inject({ method: 'GET', url: '/api/v1/orders', headers: auth(t.tokens.agent) });
    expect(orders.statusCode).toBe(200);
    expect(orders.json().items.every((o: { number: string }) => typeof o.number === 'string')).toBe(true);
    expect(orders.json()).toHaveProperty('nextCursor');
  });

  it('supplier cannot read chargebacks, nor cases outside its queue (R000-08)', async () => {
    const cb = (await post('/api/v1/cases', { category: 'chargeback' }, t.tokens.back_office)).json();
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/cases/${cb.id}`, headers: auth(t.tokens.supplier) })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/cases/${cb.id}`, headers: auth(t.tokens.agent) })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/cases/${cb.id}`, headers: auth(t.tokens.compliance) })).statusCode).toBe(200);
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/cases?limit=500', headers: auth(t.tokens.agent) })).json();
    expect(list.items.some((c: { category: string }) => c.category === 'chargeback')).toBe(false);
    // Out of stock names the supplier as the supporting team (R000-01, R000-02): it lands in the supplier's queue.
    const oos = (await post('/api/v1/cases', { category: 'out_of_stock', customer: { id: 'C-9', email: 'secret@example.com' } })).json();
    expect(oos.partnerTeamId).not.toBeNull();
    const seen = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${oos.id}`, headers: auth(t.tokens.supplier) });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().customer.email).toBeUndefined();
    const other = (await post('/api/v1/cases', { category: 'order_status' })).json();
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/cases/${other.id}`, headers: auth(t.tokens.supplier) })).statusCode).toBe(404);
  });

  it('serves the OpenAPI document and the health check', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    expect(Object.keys(doc.json().paths)).toContain('/api/v1/cases');
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ ok: true });
  });
});
