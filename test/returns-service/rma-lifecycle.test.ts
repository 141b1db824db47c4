import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { RMA_EVENTS, RMA_TRANSITIONS, type RmaEvent, type RmaState } from '../../src/domain/returns/rma.js';
import { getCase } from '../../src/services/cases/get-case.js';
import { listAuditEvents } from '../../src/store/repositories/audit.repository.js';
import { requestRma } from '../../src/services/returns/request-rma.js';
import { approveRma } from '../../src/services/returns/approve-rma.js';
import { denyRma } from '../../src/services/returns/deny-rma.js';
import { cancelRma } from '../../src/services/returns/cancel-rma.js';
import { markLabelSent } from '../../src/services/returns/mark-label-sent.js';
import { markInTransit } from '../../src/services/returns/mark-in-transit.js';
import { receiveRma } from '../../src/services/returns/receive-rma.js';
import { inspectRma } from '../../src/services/returns/inspect-rma.js';
import { refundRma } from '../../src/services/returns/refund-rma.js';
import { creditRma } from '../../src/services/returns/credit-rma.js';
import { getRma } from '../../src/services/returns/get-rma.js';
import type { RmaView } from '../../src/services/returns/rma-view.js';
import type { Actor } from '../../src/services/actor.js';
import type { Store } from '../../src/store/database.js';
import { codeOf, nextOrderNumber, openReturnCase, pinClock, restoreClock, rmaBody } from './support/returns-world.js';

const dialects = await availableDialects();

type Step = (store: Store, actor: Actor, input: { number: unknown; body?: unknown }) => Promise<RmaView>;

/** Each state-machine event through its use case, with a body that is valid for it. */
const STEP: Record<RmaEvent, { run: Step; body: Record<string, unknown> }> = {
  approve: { run: approveRma, body: {} },
  deny: { run: denyRma, body: { reason: 'outside policy' } },
  send_label: { run: markLabelSent, body: { trackingNumber: '1Z999' } },
  ship: { run: markInTransit, body: {} },
  receive: { run: receiveRma, body: {} },
  inspect: { run: inspectRma, body: { outcome: 'resellable' } },
  refund: { run: refundRma, body: {} },
  credit: { run: creditRma, body: {} },
  cancel: { run: cancelRma, body: { reason: 'customer withdrew' } },
};

describe.each(dialects)('RMA lifecycle on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    // Friday 20 November 2026, 10:00 in New York (the default policy calendar).
    pinClock('2026-11-20T15:00:00Z');
  });
  afterAll(async () => {
    restoreClock();
    await t?.close();
  });

  const step = (event: RmaEvent, number: string, actor: Actor = t.actors.agent, body?: Record<string, unknown>) =>
    STEP[event].run(t.store, actor, { number, body: body ?? STEP[event].body });

  async function newRma(options: { caseLinked?: boolean; body?: Partial<Parameters<typeof rmaBody>[0]> } = {}): Promise<{ rma: RmaView; caseId: string }> {
    const number = nextOrderNumber();
    const caseId = await openReturnCase(t, { number });
    const rma = await requestRma(t.store, t.actors.agent, rmaBody({ number, ...(options.caseLinked === false ? {} : { caseId }), ...options.body }));
    return { rma, caseId };
  }

  it('walks requested → approved → label sent → in transit → received → inspected → refunded, each move on the case timeline and in the audit (R004-05, R004-07)', async () => {
    const { rma, caseId } = await newRma();
    expect(rma).toMatchObject({
      state: 'requested', reason: 'changed_mind', resolution: 'refund', method: 'original_payment', currency: 'USD',
      refundTotal: 17958, approvalRequired: false, caseId, requestedBy: String(t.actors.agent.id),
    });
    expect(rma.number).toMatch(/^RMA-20261120-[0-9A-HJKMNP-TV-Z]{4}$/);
    const path: [RmaEvent, RmaState][] = [
      ['approve', 'approved'], ['send_label', 'label_sent'], ['ship', 'in_transit'], ['receive', 'received'], ['inspect', 'inspected'], ['refund', 'refunded'],
    ];
    let view = rma;
    for (const [event, state] of path) {
      view = await step(event, rma.number);
      expect(view.state).toBe(state);
    }
    expect(view.complete).toBe(true);
    expect(view.settledTotal).toBe(17958);
    expect(view.trackingNumber).toBe('1Z999');
    expect(Object.values(view.timestamps).filter((v) => v !== null)).toHaveLength(7);
    expect(view.movements).toEqual([expect.objectContaining({ kind: 'refund', method: 'original_payment', amount: 17958, bonus: 0, currency: 'USD' })]);
    expect(view.dueAt).toBeNull();

    const timeline = (await getCase(t.store, t.actors.agent, { id: caseId })).timeline.filter((e) => e.type === 'rma_changed');
    expect(timeline.map((e) => [e.data.event, e.data.to])).toEqual([
      ['request', 'requested'], ...path.map(([event, state]) => [event, state]),
    ]);
    const audit = await listAuditEvents(t.store.db, { entityType: 'rma', entityId: rma.number, limit: 50 });
    expect(audit.map((a) => a.action).reverse()).toEqual([
      'rma.requested', 'rma.approve', 'rma.send_label', 'rma.ship', 'rma.receive', 'rma.inspect', 'money.refund', 'rma.refund',
    ]);
  });

  it('an RMA without a case is audited only', async () => {
    const { rma } = await newRma({ caseLinked: false });
    expect(rma.caseId).toBeNull();
    await step('approve', rma.number);
    const audit = await listAuditEvents(t.store.db, { entityType: 'rma', entityId: rma.number, limit: 10 });
    expect(audit).toHaveLength(2);
  });

  it('every move the state machine does not list is refused with invalid_transition, in every state', async () => {
    const refused: string[] = [];
    const check = async (number: string, state: RmaState) => {
      for (const event of RMA_EVENTS) {
        if (RMA_TRANSITIONS[state][event] !== undefined) continue;
        const code = await codeOf(step(event, number, t.actors.lead));
        if (code !== 'invalid_transition') refused.push(`${state} ${event} → ${code}`);
      }
      expect((await getRma(t.store, t.actors.agent, { number })).state).toBe(state);
    };
    const main = (await newRma()).rma.number;
    await check(main, 'requested');
    for (const [event, state] of [['approve', 'approved'], ['send_label', 'label_sent'], ['ship', 'in_transit'], ['receive', 'received'], ['inspect', 'inspected'], ['credit', 'credited']] as const) {
      await step(event, main);
      await check(main, state);
    }
    const denied = (await newRma()).rma.number;
    await step('deny', denied);
    await check(denied, 'denied');
    const cancelled = (await newRma()).rma.number;
    await step('approve', cancelled);
    await step('send_label', cancelled);
    await step('cancel', cancelled);
    await check(cancelled, 'cancelled');
    const refunded = (await newRma()).rma.number;
    for (const event of ['approve', 'send_label', 'receive', 'inspect', 'refund'] as const) await step(event, refunded);
    await check(refunded, 'refunded');
    expect(refused).toEqual([]);
  });

  it('a parcel handed in without a carrier scan is received straight from label sent', async () => {
    const { rma } = await newRma();
    await step('approve', rma.number);
    await step('send_label', rma.number);
    expect((await step('receive', rma.number)).state).toBe('received');
  });

  it('due times follow the policy calendar: confirmation 1 h, label 4 h, processing 3–5 business days after receipt (R004-05, R004-07)', async () => {
    const { rma } = await newRma();
    expect(rma.due).toEqual([{ kind: 'confirmation', rule: 'R004-07', from: '2026-11-20T15:00:00.000Z', dueAt: '2026-11-20T16:00:00.000Z' }]);
    expect(rma.dueAt).toBe('2026-11-20T16:00:00.000Z');
    pinClock('2026-11-20T19:30:00Z');
    const approved = await step('approve', rma.number);
    // 14:30 in New York + 4 business hours: 2.5 h on Friday, 1.5 h from Monday 09:00.
    expect(approved.due).toEqual([{ kind: 'label', rule: 'R004-07', from: '2026-11-20T19:30:00.000Z', dueAt: '2026-11-23T15:30:00.000Z' }]);
    await step('send_label', rma.number);
    pinClock('2026-12-01T15:00:00Z');
    const inTransit = await step('ship', rma.number);
    expect(inTransit.due).toEqual([]);
    expect(inTransit.dueAt).toBeNull();
    const received = await step('receive', rma.number);
    // Tuesday 1 December: the target is the end of Friday 4th, the deadline the end of Tuesday 8th (17:00 EST).
    expect(received.due).toEqual([{ kind: 'processing', rule: 'R004-05', from: '2026-12-01T15:00:00.000Z', dueAt: '2026-12-08T22:00:00.000Z', warnAt: '2026-12-04T22:00:00.000Z' }]);
    expect([received.dueKind, received.dueAt, received.warnAt]).toEqual(['processing', '2026-12-08T22:00:00.000Z', '2026-12-04T22:00:00.000Z']);
    const inspected = await step('inspect', rma.number);
    expect(inspected.dueAt).toBe('2026-12-08T22:00:00.000Z');
    pinClock('2026-11-20T15:00:00Z');
  });

  it('inspection sends resellable units back to stock and damaged ones to the returns area (R001-08)', async () => {
    const { rma, caseId } = await newRma({
      body: {
        lines: [
          { sku: 'MUG-1', unitPrice: '12.00', quantity: 2 },
          { sku: 'LAMP-1', productCategory: 'home', unitPrice: '40.00' },
        ],
        returns: [{ sku: 'MUG-1', quantity: 2 }, { sku: 'LAMP-1', reason: 'defective', condition: 'defective' }],
      },
    });
    for (const event of ['approve', 'send_label', 'receive'] as const) await step(event, rma.number);
    expect(await codeOf(step('inspect', rma.number, t.actors.agent, { lines: [{ sku: 'MUG-1', outcome: 'resellable' }] }))).toBe('invalid_input');
    const inspected = await step('inspect', rma.number, t.actors.agent, {
      lines: [{ sku: 'MUG-1', outcome: 'resellable' }, { sku: 'LAMP-1', outcome: 'damaged', note: 'cracked base' }],
    });
    expect(inspected.items.map((i) => [i.sku, i.inspection?.disposition])).toEqual([['MUG-1', 'restock'], ['LAMP-1', 'returns_area']]);
    const event = (await getCase(t.store, t.actors.agent, { id: caseId })).timeline.find((e) => e.data.event === 'inspect');
    expect(event?.data).toMatchObject({ restock: [{ sku: 'MUG-1', quantity: 2 }], returnsArea: [{ sku: 'LAMP-1', quantity: 1 }] });
  });

  it('store credit pays the quote as one store_credit movement (R004-12)', async () => {
    const { rma } = await newRma({ body: { preferStoreCredit: true } });
    expect([rma.resolution, rma.method]).toEqual(['store_credit', 'store_credit']);
    for (const event of ['approve', 'send_label', 'receive', 'inspect'] as const) await step(event, rma.number);
    const credited = await step('credit', rma.number);
    expect(credited.state).toBe('credited');
    expect(credited.movements).toEqual([expect.objectContaining({ kind: 'store_credit', method: 'store_credit', amount: 17958, bonus: 0 })]);
  });

  it('a wrong item is replaced at approval: a reshipment movement, and the RMA is complete once inspected (R004-04, R001-03)', async () => {
    const { rma } = await newRma({ body: { returns: [{ sku: 'EAR-01', reason: 'wrong_item', condition: 'unopened' }] } });
    expect([rma.resolution, rma.refundTotal]).toEqual(['replacement', 0]);
    const approved = await step('approve', rma.number);
    expect(approved.movements).toEqual([expect.objectContaining({ kind: 'reshipment', method: 'reshipment', amount: 19900 })]);
    for (const event of ['send_label', 'receive'] as const) await step(event, rma.number);
    const inspected = await step('inspect', rma.number);
    expect([inspected.state, inspected.complete, inspected.dueAt]).toEqual(['inspected', true, null]);
    expect(await codeOf(step('refund', rma.number))).toBe('invalid_input');
  });

  it('a unit comes back once: a second RMA for it is a conflict until the first is denied', async () => {
    const number = nextOrderNumber();
    await openReturnCase(t, { number });
    const first = await requestRma(t.store, t.actors.agent, rmaBody({ number }));
    expect(await codeOf(requestRma(t.store, t.actors.agent, rmaBody({ number })))).toBe('conflict');
    await step('deny', first.number);
    expect((await requestRma(t.store, t.actors.agent, rmaBody({ number }))).state).toBe('requested');
  });

  it('concurrent payouts on one RMA pay once; concurrent requests for one unit create one RMA', async () => {
    const { rma } = await newRma();
    for (const event of ['approve', 'send_label', 'receive', 'inspect'] as const) await step(event, rma.number);
    const payouts = await Promise.all([codeOf(step('refund', rma.number)), codeOf(step('credit', rma.number)), codeOf(step('refund', rma.number))]);
    expect(payouts.sort()).toEqual(['invalid_transition', 'invalid_transition', 'ok']);
    expect((await getRma(t.store, t.actors.agent, { number: rma.number })).movements).toHaveLength(1);

    const number = nextOrderNumber();
    await openReturnCase(t, { number });
    const requests = await Promise.all([1, 2, 3].map(() => codeOf(requestRma(t.store, t.actors.agent, rmaBody({ number })))));
    expect(requests.sort()).toEqual(['conflict', 'conflict', 'ok']);
  });

  it('identity is the last 4 digits of the phone on file; a failed check is audited (R004-02)', async () => {
    const number = nextOrderNumber();
    await openReturnCase(t, { number });
    const wrong = requestRma(t.store, t.actors.agent, rmaBody({ number, phoneLast4: '1198' }));
    await expect(wrong).rejects.toMatchObject({ code: 'invalid_input', field: 'phoneLast4' });
    const failures = await listAuditEvents(t.store.db, { entityType: 'order', limit: 50 });
    expect(failures.some((a) => a.action === 'rma.identity_failed' && a.data.order === number)).toBe(true);
    expect((await requestRma(t.store, t.actors.agent, rmaBody({ number, phoneLast4: '11 99' }))).state).toBe('requested');

    const noPhone = nextOrderNumber();
    await openReturnCase(t, { number: noPhone, phone: null });
    await expect(requestRma(t.store, t.actors.agent, rmaBody({ number: noPhone }))).rejects.toMatchObject({ code: 'precondition_failed', field: 'phoneLast4' });
  });

  it('the order number must follow the store format and be on file (R004-02)', async () => {
    await expect(requestRma(t.store, t.actors.agent, rmaBody({ number: 'ORD-2026102-0001' }))).rejects.toMatchObject({
      code: 'invalid_input', field: 'order.number', message: 'order.number: expected the format ORD-YYYYMMDD-#### (R004-02)',
    });
    await expect(requestRma(t.store, t.actors.agent, rmaBody({ number: 'ORD-20261020-9999' }))).rejects.toMatchObject({ code: 'not_found', field: 'order.number' });
  });

  it('the server clock and the order on file decide the window: `now` and a different delivery date are refused', async () => {
    const number = nextOrderNumber();
    await openReturnCase(t, { number });
    await expect(requestRma(t.store, t.actors.agent, { ...rmaBody({ number }), now: '2026-10-25T00:00:00Z' })).rejects.toMatchObject({ field: 'now' });
    const body = rmaBody({ number });
    (body.order as Record<string, unknown>).deliveredAt = '2026-11-19T16:00:00Z';
    await expect(requestRma(t.store, t.actors.agent, body)).rejects.toMatchObject({ code: 'invalid_input', field: 'order.deliveredAt' });
  });

  it('a case about another order cannot be linked', async () => {
    const number = nextOrderNumber();
    await openReturnCase(t, { number });
    const otherCase = await openReturnCase(t, { number: nextOrderNumber() });
    await expect(requestRma(t.store, t.actors.agent, rmaBody({ number, caseId: otherCase }))).rejects.toMatchObject({ code: 'invalid_input', field: 'caseId' });
  });

  it('the supplier may not touch returns; compliance reads but does not move them', async () => {
    const { rma } = await newRma();
    expect(await codeOf(getRma(t.store, t.actors.supplier, { number: rma.number }))).toBe('forbidden');
    expect((await getRma(t.store, t.actors.compliance, { number: rma.number })).number).toBe(rma.number);
    expect(await codeOf(step('approve', rma.number, t.actors.compliance))).toBe('forbidden');
  });
});
