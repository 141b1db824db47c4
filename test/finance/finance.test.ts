import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { auth, createTestApp, type TestApp } from '../support/app.js';
import { requestRma } from '../../src/services/returns/request-rma.js';
import { approveRma } from '../../src/services/returns/approve-rma.js';
import { markLabelSent } from '../../src/services/returns/mark-label-sent.js';
import { receiveRma } from '../../src/services/returns/receive-rma.js';
import { inspectRma } from '../../src/services/returns/inspect-rma.js';
import { refundRma } from '../../src/services/returns/refund-rma.js';
import { listAuditEvents } from '../../src/store/repositories/audit.repository.js';
import { nextOrderNumber, openReturnCase, pinClock, restoreClock, rmaBody } from '../returns-service/support/returns-world.js';

// R000-09: the refunds/reshipments form over the API and the yearly tracker that reads it together
// with returns' own payouts (money_movements), large refunds listed apart.
const dialects = await availableDialects();

describe.each(dialects)('refunds/reshipments form and tracker on %s', (dialect) => {
  let t: TestApp;
  let rmaNumber: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    // A 650.00 TV returned unopened (644.01 after return shipping), approved by a lead and refunded in March 2027.
    const number = nextOrderNumber('20270301');
    pinClock('2027-03-01T10:00:00Z');
    await openReturnCase(t, { number, placedAt: '2027-02-20T10:00:00Z', deliveredAt: '2027-02-25T10:00:00Z' });
    rmaNumber = (await requestRma(t.store, t.actors.agent, rmaBody({ number, lines: [{ sku: 'TV-55', productCategory: 'electronics', unitPrice: '650.00' }], returns: [{ sku: 'TV-55', reason: 'changed_mind', condition: 'unopened' }] }))).number;
    pinClock('2027-03-01T11:00:00Z');
    await approveRma(t.store, t.actors.lead, { number: rmaNumber });
    await markLabelSent(t.store, t.actors.agent, { number: rmaNumber });
    pinClock('2027-03-03T11:00:00Z');
    await receiveRma(t.store, t.actors.agent, { number: rmaNumber });
    await inspectRma(t.store, t.actors.agent, { number: rmaNumber, body: { outcome: 'resellable' } });
    pinClock('2027-03-04T11:00:00Z');
    await refundRma(t.store, t.actors.agent, { number: rmaNumber });
    restoreClock();
  });
  afterAll(async () => {
    restoreClock();
    await t?.close();
  });

  const call = (role: keyof TestApp['tokens'], method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: auth(t.tokens[role]), ...(payload ? { payload } : {}) });

  it('refund over 500.00 needs a supervisor who is not the requester (R000-09, R004-08); bad input names the field', async () => {
    pinClock('2027-03-10T09:00:00Z');
    const big = await call('agent', 'POST', '/finance/entries', { kind: 'refund', amount: '720.00', currency: 'EUR', method: 'bank_transfer', reason: 'BIG5 refund: order never shipped', orderNumber: 'BIG5-1' });
    expect(big.statusCode, big.body).toBe(201);
    expect(big.json()).toMatchObject({ state: 'pending_approval', amount: '720.00', amountMinor: 72_000, approvedBy: null });
    const id = big.json().id as string;
    expect((await call('agent', 'POST', `/finance/entries/${id}/transitions`, { to: 'approved' })).statusCode).toBe(403);
    expect((await call('agent', 'POST', `/finance/entries/${id}/transitions`, { to: 'performed' })).json()).toMatchObject({ error: { code: 'invalid_transition', field: 'to' } });
    pinClock('2027-03-10T10:00:00Z');
    expect((await call('lead', 'POST', `/finance/entries/${id}/transitions`, { to: 'approved' })).json()).toMatchObject({ state: 'approved', approvedBy: String(t.actors.lead.id) });
    pinClock('2027-03-11T10:00:00Z');
    expect((await call('back_office', 'POST', `/finance/entries/${id}/transitions`, { to: 'performed', reference: 'SEPA-778' })).json()).toMatchObject({ state: 'performed', reference: 'SEPA-778', performedAt: '2027-03-11T10:00:00.000Z' });

    const own = (await call('lead', 'POST', '/finance/entries', { kind: 'refund', amount: '510.00', currency: 'EUR', method: 'paypal', reason: 'x' })).json();
    expect((await call('lead', 'POST', `/finance/entries/${own.id}/transitions`, { to: 'approved' })).statusCode).toBe(403);

    for (const [body, field] of [
      [{ kind: 'refund', amount: '12.345', currency: 'EUR', method: 'paypal', reason: 'x' }, 'amount'],
      [{ kind: 'refund', amount: '12.00', currency: 'EURO', method: 'paypal', reason: 'x' }, 'currency'],
      [{ kind: 'reshipment', amount: '12.00', currency: 'EUR', method: 'paypal', reason: 'x' }, 'method'],
      [{ kind: 'refund', amount: '12.00', currency: 'EUR', method: 'paypal' }, 'reason'],
      [{ kind: 'gift', amount: '12.00', currency: 'EUR', method: 'paypal', reason: 'x' }, 'kind'],
      [{ kind: 'refund', amount: '12.00', currency: 'EUR', method: 'paypal', reason: 'x', caseId: '999999' }, 'caseId'],
    ] as const) {
      const res = await call('agent', 'POST', '/finance/entries', body);
      expect(res.statusCode, field).toBeGreaterThanOrEqual(400);
      expect(res.json(), field).toMatchObject({ error: { field } });
    }
    const audit = await listAuditEvents(t.store.db, { entityType: 'finance_entry', limit: 50 });
    expect(audit.filter((a) => a.entityId === id).map((a) => a.action).sort()).toEqual(['finance_entry.moved', 'finance_entry.moved', 'finance_entry.recorded']);
    restoreClock();
  });

  it('the yearly tracker sums returns\' payouts and the form per month, large refunds listed separately, as JSON and CSV (R000-09)', async () => {
    pinClock('2027-05-02T09:00:00Z');
    const small = (await call('agent', 'POST', '/finance/entries', { kind: 'refund', amount: '39.90', currency: 'EUR', method: 'store_credit', reason: 'missing charm' })).json();
    expect(small.state).toBe('approved');
    await call('agent', 'POST', `/finance/entries/${small.id}/transitions`, { to: 'performed' });
    const reship = (await call('back_office', 'POST', '/finance/entries', { kind: 'reshipment', amount: '80.00', currency: 'EUR', method: 'same_carrier', reason: 'RTS, customer confirmed address' })).json();
    await call('back_office', 'POST', `/finance/entries/${reship.id}/transitions`, { to: 'performed', reference: '1Z999' });
    await call('agent', 'POST', '/finance/entries', { kind: 'refund', amount: '15.00', currency: 'EUR', method: 'paypal', reason: 'not performed yet' });
    restoreClock();

    const res = await call('compliance', 'GET', '/reports/refunds-tracker?year=2027');
    expect(res.statusCode, res.body).toBe(200);
    const tracker = res.json();
    // The returned TV was bought in USD; the form's entries are in EUR: each currency is its own row.
    expect(tracker.largeOver).toEqual({ EUR: '500.00', USD: '500.00' });
    expect(tracker.months.map((m: { month: string; currency: string; refund: { amountMinor: number }; store_credit: { amountMinor: number }; reshipment: { count: number } }) => [m.month, m.currency, m.refund.amountMinor, m.store_credit.amountMinor, m.reshipment.count]))
      .toEqual([['2027-03', 'EUR', 72_000, 0, 0], ['2027-03', 'USD', 64_401, 0, 0], ['2027-05', 'EUR', 0, 3_990, 1]]);
    expect(tracker.large.map((i: { source: string; reference: string }) => `${i.source}:${i.reference}`)).toEqual([`rma:${rmaNumber}`, expect.stringMatching(/^form:F-\d+$/)]);
    expect(tracker.totals).toEqual([
      expect.objectContaining({ currency: 'EUR', large: { count: 1, amountMinor: 72_000 } }),
      expect.objectContaining({ currency: 'USD', large: { count: 1, amountMinor: 64_401 } }),
    ]);

    const csv = await call('back_office', 'GET', '/reports/refunds-tracker?year=2027&format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^section,month,currency,refunds,refund_amount/);
    expect(lines.filter((l) => l.startsWith('large_refund,'))).toHaveLength(2);
    expect(lines).toContainEqual(expect.stringMatching(/^total,2027,EUR,1,720\.00,1,39\.90,1,80\.00,1,720\.00,/));
    expect(lines).toContainEqual(expect.stringMatching(/^total,2027,USD,1,644\.01,0,0\.00,0,0\.00,1,644\.01,/));
    expect((await call('agent', 'GET', '/reports/refunds-tracker')).statusCode).toBe(403);
    expect((await call('compliance', 'GET', '/reports/refunds-tracker?year=20x7')).json()).toMatchObject({ error: { field: 'year' } });
  });
});
