import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { auth, createTestApp, type TestApp } from '../support/app.js';
import type { Actor } from '../../src/services/actor.js';
import { requestRma } from '../../src/services/returns/request-rma.js';
import { approveRma } from '../../src/services/returns/approve-rma.js';
import { denyRma } from '../../src/services/returns/deny-rma.js';
import { markLabelSent } from '../../src/services/returns/mark-label-sent.js';
import { receiveRma } from '../../src/services/returns/receive-rma.js';
import { inspectRma } from '../../src/services/returns/inspect-rma.js';
import { refundRma } from '../../src/services/returns/refund-rma.js';
import { creditRma } from '../../src/services/returns/credit-rma.js';
import { returnsReport } from '../../src/services/returns/returns-report.js';
import { REPORT_CSV_HEADER } from '../../src/services/returns/returns-report-csv.js';
import { codeOf, nextOrderNumber, openReturnCase, pinClock, restoreClock, rmaBody, type LineSpec, type ReturnSpec } from './support/returns-world.js';

const dialects = await availableDialects();

const EAR: LineSpec = { sku: 'EAR-01', productCategory: 'electronics', unitPrice: '199.00', tax: '16.42' };
const TV: LineSpec = { sku: 'TV-55', productCategory: 'electronics', unitPrice: '650.00' };
const MUG: LineSpec = { sku: 'MUG-1', productCategory: 'kitchen', unitPrice: '12.00', quantity: 2 };

describe.each(dialects)('returns report on %s (R004-10, R000-09, R004-11)', (dialect) => {
  let t: TestApp;

  async function rma(at: string, line: LineSpec, ret: ReturnSpec, requester: Actor): Promise<string> {
    // Placed ten days and delivered five days before the request: well inside the window.
    const day = (offset: number) => new Date(Date.parse(at) - offset * 86_400_000).toISOString();
    const number = nextOrderNumber(day(10).slice(0, 10).replaceAll('-', ''));
    pinClock(day(1));
    await openReturnCase(t, { number, placedAt: day(10), deliveredAt: day(5) });
    pinClock(at);
    return (await requestRma(t.store, requester, rmaBody({ number, lines: [line], returns: [ret] }))).number;
  }

  async function at<T>(iso: string, run: () => Promise<T>): Promise<T> {
    pinClock(iso);
    return run();
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const { agent, lead } = t.actors;
    // A: earphones, change of mind, opened; received Wednesday, refunded Friday at the quote (179.58).
    const a = await rma('2026-10-05T14:00:00Z', EAR, { sku: 'EAR-01', reason: 'changed_mind', condition: 'opened' }, agent);
    await at('2026-10-05T15:00:00Z', () => approveRma(t.store, agent, { number: a }));
    await at('2026-10-06T15:00:00Z', () => markLabelSent(t.store, agent, { number: a }));
    await at('2026-10-07T15:00:00Z', () => receiveRma(t.store, agent, { number: a }));
    await at('2026-10-08T15:00:00Z', () => inspectRma(t.store, agent, { number: a, body: { outcome: 'resellable' } }));
    await at('2026-10-09T15:00:00Z', () => refundRma(t.store, agent, { number: a }));
    // B: a 650.00 TV (644.01 after return shipping): approved by a lead, refunded six business days after receipt.
    const b = await rma('2026-11-02T15:00:00Z', TV, { sku: 'TV-55', reason: 'changed_mind', condition: 'unopened' }, agent);
    await at('2026-11-02T16:00:00Z', () => approveRma(t.store, lead, { number: b }));
    await at('2026-11-02T17:00:00Z', () => markLabelSent(t.store, agent, { number: b }));
    await at('2026-11-03T15:00:00Z', () => receiveRma(t.store, agent, { number: b }));
    await at('2026-11-04T15:00:00Z', () => inspectRma(t.store, agent, { number: b, body: { outcome: 'resellable' } }));
    await at('2026-11-12T15:00:00Z', () => refundRma(t.store, agent, { number: b }));
    // C: two mugs that did not fit the cupboard (24.00 − 5.99 = 18.01 quoted), credited 12.00: one came back chipped.
    const c = await rma('2026-11-05T14:00:00Z', MUG, { sku: 'MUG-1', quantity: 2, reason: 'did_not_fit' }, agent);
    await at('2026-11-05T14:30:00Z', () => approveRma(t.store, agent, { number: c }));
    await at('2026-11-05T15:00:00Z', () => markLabelSent(t.store, agent, { number: c }));
    await at('2026-11-05T16:00:00Z', () => receiveRma(t.store, agent, { number: c }));
    await at('2026-11-05T17:00:00Z', () => inspectRma(t.store, agent, { number: c, body: { outcome: 'damaged' } }));
    await at('2026-11-06T15:00:00Z', () => creditRma(t.store, agent, { number: c, body: { amount: '12.00', note: 'one mug chipped' } }));
    // D: wrong earphones, replaced at approval (a reshipment); E: dissatisfied, denied by a lead.
    const d = await rma('2026-11-06T14:00:00Z', EAR, { sku: 'EAR-01', reason: 'wrong_item', condition: 'unopened' }, agent);
    await at('2026-11-06T15:00:00Z', () => approveRma(t.store, agent, { number: d }));
    const e = await rma('2026-11-09T14:00:00Z', EAR, { sku: 'EAR-01', reason: 'dissatisfied', condition: 'opened' }, agent);
    await at('2026-11-09T15:00:00Z', () => denyRma(t.store, lead, { number: e, body: { reason: 'used for a month' } }));
    // Outside the range: requested in December.
    await rma('2026-12-02T15:00:00Z', EAR, { sku: 'EAR-01', reason: 'changed_mind', condition: 'opened' }, agent);
    pinClock('2026-12-15T15:00:00Z');
  });
  afterAll(async () => {
    restoreClock();
    await t?.close();
  });

  const range = { from: '2026-10-01', to: '2026-11-30' };

  it('counts returns by state, reason, category and product', async () => {
    const report = await returnsReport(t.store, t.actors.lead, range);
    expect(report.range).toEqual({ from: '2026-10-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' });
    expect(report.returns.requested).toBe(5);
    expect(report.returns.byState).toEqual({ refunded: 2, credited: 1, approved: 1, denied: 1 });
    expect(report.returns.byReason).toEqual([
      { key: 'changed_mind', rmas: 2, units: 2 }, { key: 'did_not_fit', rmas: 1, units: 2 },
      { key: 'dissatisfied', rmas: 1, units: 1 }, { key: 'wrong_item', rmas: 1, units: 1 },
    ]);
    expect(report.returns.byCategory).toEqual([{ key: 'electronics', rmas: 4, units: 4 }, { key: 'kitchen', rmas: 1, units: 2 }]);
    expect(report.returns.byProduct).toEqual([
      { key: 'EAR-01', category: 'electronics', rmas: 3, units: 3, reasons: { changed_mind: 1, wrong_item: 1, dissatisfied: 1 } },
      { key: 'MUG-1', category: 'kitchen', rmas: 1, units: 2, reasons: { did_not_fit: 2 } },
      { key: 'TV-55', category: 'electronics', rmas: 1, units: 1, reasons: { changed_mind: 1 } },
    ]);
  });

  it('totals refunds per month and year, large refunds (over 500.00) as their own class (R000-09)', async () => {
    const report = await returnsReport(t.store, t.actors.back_office, range);
    const row = { currency: 'USD', bonus: 0 };
    expect(report.refunds.byMonth).toEqual([
      { ...row, period: '2026-10', kind: 'refund', count: 1, amount: 17958, largeCount: 0, largeAmount: 0 },
      { ...row, period: '2026-11', kind: 'refund', count: 1, amount: 64401, largeCount: 1, largeAmount: 64401 },
      { ...row, period: '2026-11', kind: 'reshipment', count: 1, amount: 19900, largeCount: 0, largeAmount: 0 },
      { ...row, period: '2026-11', kind: 'store_credit', count: 1, amount: 1200, largeCount: 0, largeAmount: 0 },
    ]);
    expect(report.refunds.byYear.find((r) => r.kind === 'refund')).toEqual({ ...row, period: '2026', kind: 'refund', count: 2, amount: 82359, largeCount: 1, largeAmount: 64401 });
  });

  it('measures processing in business days after receipt against the 3–5 day target (R004-05)', async () => {
    const { processing } = await returnsReport(t.store, t.actors.lead, range);
    // A: Wed → Fri = 2; B: Tue 3 → Thu 12 November, Veterans Day off = 6; C: same day → next day = 1.
    expect(processing).toMatchObject({
      completed: 3, averageBusinessDays: 3, medianBusinessDays: 2, maxBusinessDays: 6, withinTarget: 2, withinDeadline: 2, shareWithinDeadline: 0.6667,
    });
  });

  it('accuracy is the share of settled RMAs paid exactly as quoted, against the 98% target (R004-11)', async () => {
    const { accuracy } = await returnsReport(t.store, t.actors.compliance, range);
    expect(accuracy).toMatchObject({ settled: 3, matchingQuote: 2, share: 0.6667, target: 0.98, meetsTarget: false });
    expect(accuracy.mismatches).toEqual([expect.objectContaining({ currency: 'USD', quoted: 1801, settled: 1200 })]);
  });

  it('is served as JSON and as CSV; agents and the supplier may not read it', async () => {
    const json = await t.app.inject({ method: 'GET', url: '/api/v1/reports/returns?from=2026-10-01&to=2026-11-30', headers: auth(t.tokens.compliance) });
    expect(json.statusCode).toBe(200);
    expect(json.json().accuracy.share).toBe(0.6667);

    const csv = await t.app.inject({ method: 'GET', url: '/api/v1/reports/returns?from=2026-10-01&to=2026-11-30&format=csv', headers: auth(t.tokens.leadership) });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toBe(REPORT_CSV_HEADER.join(','));
    expect(lines).toContain('refunds_by_month,2026-11,refund,USD,1,,644.01,0.00,1,644.01,');
    expect(lines).toContain('returns_by_product,EAR-01,,,3,3,,,,,electronics');
    expect(lines).toContain('accuracy,meetsTarget,,,,,,,,,false');

    for (const role of ['agent', 'supplier'] as const) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/reports/returns', headers: auth(t.tokens[role]) });
      expect(res.statusCode).toBe(403);
    }
    expect(await codeOf(returnsReport(t.store, t.actors.lead, { from: '2026-11-30', to: '2026-10-01' }))).toBe('invalid_input');
  });
});
