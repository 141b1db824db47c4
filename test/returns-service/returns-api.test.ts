import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { auth, createTestApp, type TestApp } from '../support/app.js';
import type { Role } from '../../src/domain/access/roles.js';
import { nextOrderNumber, openReturnCase, pinClock, restoreClock, rmaBody } from './support/returns-world.js';

// The returns API (issue 6 item 5) over HTTP: quote, request, list, show and one POST per move.

const dialects = await availableDialects();

describe.each(dialects)('returns API on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    pinClock('2026-11-20T15:00:00Z');
  });
  afterAll(async () => {
    restoreClock();
    await t?.close();
  });

  const post = (url: string, role: Role, payload: unknown = {}) =>
    t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: auth(t.tokens[role]), payload: payload as Record<string, unknown> });
  const get = (url: string, role: Role = 'agent') => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: auth(t.tokens[role]) });

  it('POST /returns/quote prices the contract example and stores nothing (returns-quote.md)', async () => {
    const body = {
      now: '2026-11-20T15:00:00Z',
      order: {
        number: 'ORD-20261020-0001', currency: 'USD', placedAt: '2026-10-20T10:00:00Z', deliveredAt: '2026-10-24T16:00:00Z', shipping: '9.99',
        items: [{ sku: 'EAR-01', productCategory: 'electronics', unitPrice: '199.00', quantity: 1, tax: '16.42' }],
      },
      items: [{ sku: 'EAR-01', quantity: 1, condition: 'opened', reason: 'changed_mind' }],
    };
    const res = await post('/returns/quote', 'agent', body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      eligible: true, resolution: 'refund', method: 'original_payment', currency: 'USD',
      lines: [{ sku: 'EAR-01', quantity: 1, amount: 19900, tax: 1642, restockingFee: 2985 }],
      itemsTotal: 19900, taxTotal: 1642, shippingRefund: 0, returnShippingDeduction: 599, restockingFee: 2985, refundTotal: 17958, approvalRequired: false,
    });
    const batch = await post('/returns/quote', 'agent', [body, body]);
    expect(batch.json()).toHaveLength(2);
    const bad = await post('/returns/quote', 'agent', { ...body, items: [{ ...body.items[0], sku: 'NOPE' }] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'invalid_input', field: 'items[0].sku', message: 'not in the order' });
    expect((await get('/rmas')).json().items).toEqual([]);
  });

  it('an RMA goes through its moves by POST; a forbidden move is 409 invalid_transition', async () => {
    const number = nextOrderNumber();
    const caseId = await openReturnCase(t, { number });
    const created = await post('/rmas', 'agent', rmaBody({ number, caseId }));
    expect(created.statusCode).toBe(201);
    const rma = created.json() as { number: string; state: string };
    expect(rma.state).toBe('requested');

    const early = await post(`/rmas/${rma.number}/refund`, 'agent');
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'invalid_transition', field: 'event' });
    expect(early.json().error.message).toContain('cannot refund a return in state requested');

    for (const [path, state, body] of [
      ['approve', 'approved', {}], ['label-sent', 'label_sent', { trackingNumber: '1Z999AA10123456784', carrier: 'UPS' }], ['in-transit', 'in_transit', {}],
      ['receive', 'received', {}], ['inspect', 'inspected', { outcome: 'resellable' }], ['refund', 'refunded', {}],
    ] as const) {
      const res = await post(`/rmas/${rma.number}/${path}`, 'agent', body);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
      expect(res.json().state).toBe(state);
    }
    const shown = await get(`/rmas/${rma.number.toLowerCase().replace(/-/g, ' ')}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({ number: rma.number, state: 'refunded', trackingNumber: '1Z999AA10123456784', movements: [{ kind: 'refund', amount: 17958 }] });

    const timeline = (await get(`/cases/${caseId}`)).json().timeline as { type: string }[];
    expect(timeline.filter((e) => e.type === 'rma_changed')).toHaveLength(7);
  });

  it('GET /rmas filters by state, order and approval and pages with a cursor', async () => {
    const numbers: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const number = nextOrderNumber();
      await openReturnCase(t, { number });
      numbers.push(number);
      expect((await post('/rmas', 'agent', rmaBody({ number }))).statusCode).toBe(201);
    }
    const big = nextOrderNumber();
    await openReturnCase(t, { number: big });
    await post('/rmas', 'agent', rmaBody({ number: big, lines: [{ sku: 'TV-55', unitPrice: '650.00' }], returns: [{ sku: 'TV-55' }] }));

    const page1 = (await get('/rmas?state=requested&limit=2')).json();
    expect(page1.items).toHaveLength(2);
    expect(page1.nextCursor).not.toBeNull();
    const page2 = (await get(`/rmas?state=requested&limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2.items.length).toBeGreaterThan(0);
    expect(new Set([...page1.items, ...page2.items].map((i: { number: string }) => i.number)).size).toBe(page1.items.length + page2.items.length);

    const byOrder = (await get(`/rmas?order=${encodeURIComponent(numbers[1] as string)}`)).json();
    expect(byOrder.items.map((i: { order: { number: string } }) => i.order.number)).toEqual([numbers[1]]);
    const waiting = (await get('/rmas?awaitingApproval=true')).json();
    expect(waiting.items.map((i: { order: { number: string } }) => i.order.number)).toEqual([big]);
    const due = (await get('/rmas?dueBefore=2026-11-20T16:00:00Z&state=requested')).json();
    expect(due.items.length).toBeGreaterThanOrEqual(4);
    expect((await get('/rmas?state=lost')).statusCode).toBe(422);
  });

  it('refuses bad input with the field named, unknown RMAs with 404, and roles without the permission with 403', async () => {
    const noPhone = await post('/rmas', 'agent', { order: { number: 'ORD-20261020-0001' }, items: [] });
    expect(noPhone.statusCode).toBe(422);
    expect(noPhone.json().error.field).toBe('phoneLast4');
    expect((await get('/rmas/RMA-20261120-ZZZZ')).statusCode).toBe(404);
    expect((await get('/rmas/not-an-rma')).statusCode).toBe(404);
    expect((await post('/rmas/RMA-20261120-ZZZZ/approve', 'agent')).statusCode).toBe(404);
    expect((await post('/rmas', 'compliance', {})).statusCode).toBe(403);
    expect((await get('/rmas', 'supplier')).statusCode).toBe(403);
    expect((await get('/rmas', 'compliance')).statusCode).toBe(200);
  });
});
