import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { SYSTEM_ACTOR, type Actor } from '../../src/services/actor.js';
import { requestRma } from '../../src/services/returns/request-rma.js';
import { approveRma } from '../../src/services/returns/approve-rma.js';
import { denyRma } from '../../src/services/returns/deny-rma.js';
import { markLabelSent } from '../../src/services/returns/mark-label-sent.js';
import { receiveRma } from '../../src/services/returns/receive-rma.js';
import { inspectRma } from '../../src/services/returns/inspect-rma.js';
import { refundRma } from '../../src/services/returns/refund-rma.js';
import { creditRma } from '../../src/services/returns/credit-rma.js';
import { listAuditEvents } from '../../src/store/repositories/audit.repository.js';
import type { RmaView } from '../../src/services/returns/rma-view.js';
import { codeOf, nextOrderNumber, openReturnCase, pinClock, restoreClock, rmaBody } from './support/returns-world.js';

const dialects = await availableDialects();

describe.each(dialects)('approvals and four eyes on %s (R004-08)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    pinClock('2026-11-20T15:00:00Z');
  });
  afterAll(async () => {
    restoreClock();
    await t?.close();
  });

  /** A 650.00 TV returned unopened for a change of mind: 644.01 after the 5.99 return shipping. */
  async function bigRma(requester: Actor, extra: Partial<Parameters<typeof rmaBody>[0]> = {}): Promise<RmaView> {
    const number = nextOrderNumber();
    await openReturnCase(t, { number });
    return requestRma(t.store, requester, rmaBody({
      number,
      lines: [{ sku: 'TV-55', productCategory: 'electronics', unitPrice: '650.00' }],
      returns: [{ sku: 'TV-55', condition: 'unopened', reason: 'changed_mind' }],
      ...extra,
    }));
  }

  async function toInspected(number: string): Promise<void> {
    await markLabelSent(t.store, t.actors.agent, { number });
    await receiveRma(t.store, t.actors.agent, { number });
    await inspectRma(t.store, t.actors.agent, { number, body: { outcome: 'resellable' } });
  }

  it('a refund over 500.00 needs a supervisor who did not request it', async () => {
    const rma = await bigRma(t.actors.lead);
    expect([rma.refundTotal, rma.approvalRequired]).toEqual([64401, true]);
    expect(rma.approvalReasons).toEqual([{ rule: 'R004-08', text: 'refund over 500.00: supervisor approval required' }]);
    expect(rma.due.map((d) => d.kind)).toEqual(['confirmation', 'follow_up']);

    await expect(approveRma(t.store, t.actors.agent, { number: rma.number })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('supervisor') });
    await expect(approveRma(t.store, t.actors.lead, { number: rma.number })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('four eyes') });
    const approved = await approveRma(t.store, t.actors.escalations, { number: rma.number });
    expect([approved.state, approved.approvedBy]).toEqual(['approved', String(t.actors.escalations.id)]);

    // Approved by a supervisor for the quoted amount: anyone may now pay exactly that.
    await toInspected(rma.number);
    const refunded = await refundRma(t.store, t.actors.agent, { number: rma.number });
    expect(refunded.movements).toEqual([expect.objectContaining({
      kind: 'refund', amount: 64401, requestedBy: String(t.actors.lead.id), approvedBy: String(t.actors.escalations.id), performedBy: String(t.actors.agent.id),
    })]);
  });

  it('an agent may approve an ordinary return, even one they requested', async () => {
    const number = nextOrderNumber();
    await openReturnCase(t, { number });
    const rma = await requestRma(t.store, t.actors.agent, rmaBody({ number }));
    expect(rma.approvalRequired).toBe(false);
    expect((await approveRma(t.store, t.actors.agent, { number: rma.number })).state).toBe('approved');
  });

  it('dissatisfaction goes to a lead: an agent may neither approve nor deny it (R004-04)', async () => {
    const number = nextOrderNumber();
    await openReturnCase(t, { number });
    const rma = await requestRma(t.store, t.actors.agent, rmaBody({ number, returns: [{ sku: 'EAR-01', reason: 'dissatisfied', condition: 'opened' }] }));
    expect([rma.resolution, rma.approvalRequired]).toEqual(['lead_review', true]);
    expect(await codeOf(approveRma(t.store, t.actors.agent, { number: rma.number }))).toBe('forbidden');
    expect(await codeOf(denyRma(t.store, t.actors.agent, { number: rma.number, body: { reason: 'no' } }))).toBe('forbidden');
    expect((await approveRma(t.store, t.actors.lead, { number: rma.number })).state).toBe('approved');
  });

  it('a policy exception (not eligible) needs a supervisor and a note saying why', async () => {
    const number = nextOrderNumber();
    await openReturnCase(t, { number, deliveredAt: '2026-09-01T16:00:00Z', placedAt: '2026-08-28T10:00:00Z' });
    const rma = await requestRma(t.store, t.actors.agent, rmaBody({ number }));
    expect([rma.eligible, rma.resolution, rma.approvalRequired]).toEqual([false, 'deny', true]);
    expect(await codeOf(approveRma(t.store, t.actors.agent, { number: rma.number }))).toBe('forbidden');
    expect(await codeOf(approveRma(t.store, t.actors.lead, { number: rma.number }))).toBe('invalid_input');
    const approved = await approveRma(t.store, t.actors.lead, { number: rma.number, body: { note: 'loyal customer, one day late' } });
    expect(approved.decisionNote).toBe('loyal customer, one day late');
  });

  it('paying more than quoted is an exception: a supervisor other than the requester, with a note', async () => {
    const number = nextOrderNumber();
    await openReturnCase(t, { number });
    const rma = await requestRma(t.store, t.actors.lead, rmaBody({ number }));
    await approveRma(t.store, t.actors.agent, { number: rma.number });
    await toInspected(rma.number);
    const more = { amount: '185.57', note: 'waive the return shipping: courier lost the label' };
    expect(await codeOf(refundRma(t.store, t.actors.agent, { number: rma.number, body: { amount: '185.57' } }))).toBe('invalid_input');
    expect(await codeOf(refundRma(t.store, t.actors.agent, { number: rma.number, body: more }))).toBe('forbidden');
    expect(await codeOf(refundRma(t.store, t.actors.lead, { number: rma.number, body: more }))).toBe('forbidden');
    expect(await codeOf(refundRma(t.store, t.actors.back_office, { number: rma.number, body: { amount: '999.00', note: 'x' } }))).toBe('invalid_input');
    const refunded = await refundRma(t.store, t.actors.back_office, { number: rma.number, body: more });
    expect(refunded.movements[0]).toMatchObject({ amount: 18557, approvedBy: String(t.actors.back_office.id), note: more.note });
    expect(refunded.settledTotal).toBe(18557);
  });

  it('store credit over the threshold nobody approved needs a supervisor at payout', async () => {
    // 499.00 quoted (not over 500.00), then paid as a larger credit by exception.
    const number = nextOrderNumber();
    await openReturnCase(t, { number });
    const rma = await requestRma(t.store, t.actors.agent, rmaBody({
      number, lines: [{ sku: 'BAG-1', unitPrice: '504.99' }], returns: [{ sku: 'BAG-1' }],
    }));
    expect([rma.refundTotal, rma.approvalRequired]).toEqual([49900, false]);
    await approveRma(t.store, t.actors.agent, { number: rma.number });
    await toInspected(rma.number);
    const body = { amount: '504.99', note: 'goodwill: keep the shipping' };
    expect(await codeOf(creditRma(t.store, t.actors.agent, { number: rma.number, body }))).toBe('forbidden');
    const credited = await creditRma(t.store, t.actors.leadership, { number: rma.number, body });
    expect(credited.movements[0]).toMatchObject({ kind: 'store_credit', amount: 50499, approvedBy: String(t.actors.leadership.id) });
  });

  it('the operator without --as is nobody in particular and cannot be the second pair of eyes', async () => {
    const rma = await bigRma(t.actors.agent);
    await expect(approveRma(t.store, SYSTEM_ACTOR, { number: rma.number })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('named person') });
  });

  it('every money movement is audited with its amounts, requester and approver', async () => {
    const rma = await bigRma(t.actors.agent);
    await approveRma(t.store, t.actors.lead, { number: rma.number });
    await toInspected(rma.number);
    await refundRma(t.store, t.actors.agent, { number: rma.number });
    const audit = await listAuditEvents(t.store.db, { entityType: 'rma', entityId: rma.number, limit: 20 });
    expect(audit.find((a) => a.action === 'money.refund')?.data).toMatchObject({
      amount: 64401, bonus: 0, currency: 'USD', method: 'original_payment', requestedBy: t.actors.agent.id, approvedBy: t.actors.lead.id,
    });
  });
});
