import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { readDefaultPolicyText } from '../../src/integrations/policy-file.js';
import { applyPolicy } from '../../src/services/policy/manage-policy.js';
import { requestRma } from '../../src/services/returns/request-rma.js';
import { approveRma } from '../../src/services/returns/approve-rma.js';
import { markLabelSent } from '../../src/services/returns/mark-label-sent.js';
import { receiveRma } from '../../src/services/returns/receive-rma.js';
import { inspectRma } from '../../src/services/returns/inspect-rma.js';
import { creditRma } from '../../src/services/returns/credit-rma.js';
import { nextOrderNumber, openReturnCase, pinClock, restoreClock, rmaBody } from './support/returns-world.js';

// The `returns:` section of the policy in force drives RMAs: the order-number format per storefront
// (R004-02), the RMA time targets (R004-05, R004-07) and the store credit bonus (R004-12).

const RETURNS_SECTION = `
returns:
  storeCredit:
    bonusPercent: 10
  orderNumberFormats:
    default: ORD-YYYYMMDD-####
    web: '\\#####'
  rmaTimeTargets:
    confirmation: { calendarMinutes: 30 }
`;

const dialects = await availableDialects();

describe.each(dialects)('RMAs under a store policy on %s', (dialect) => {
  let t: TestApp;
  let version: number;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    pinClock('2026-11-20T15:00:00Z');
    ({ version } = await applyPolicy(t.store, t.actors.admin, { yaml: `${readDefaultPolicyText()}\n${RETURNS_SECTION}`, label: 'store returns' }));
  });
  afterAll(async () => {
    restoreClock();
    await t?.close();
  });

  it('the web store takes Shopify order names (#1001); other storefronts keep ORD-YYYYMMDD-#### (R004-02)', async () => {
    await openReturnCase(t, { number: '#1001', storefront: 'web' });
    const rma = await requestRma(t.store, t.actors.agent, rmaBody({ number: '#1001' }));
    expect(rma.order.number).toBe('#1001');

    await openReturnCase(t, { number: 'ORD-20261020-0042', storefront: 'web' });
    await expect(requestRma(t.store, t.actors.agent, rmaBody({ number: 'ORD-20261020-0042' }))).rejects.toMatchObject({
      field: 'order.number', message: 'order.number: expected the format \\##### (R004-02)',
    });
    await openReturnCase(t, { number: '#1002', storefront: 'marketplace' });
    await expect(requestRma(t.store, t.actors.agent, rmaBody({ number: '#1002' }))).rejects.toMatchObject({ field: 'order.number' });
  });

  it('the confirmation target comes from the policy (30 minutes on the wall clock here)', async () => {
    const number = nextOrderNumber();
    await openReturnCase(t, { number });
    const rma = await requestRma(t.store, t.actors.agent, rmaBody({ number }));
    expect(rma.dueAt).toBe('2026-11-20T15:30:00.000Z');
    expect(rma.policyVersion).toBe(version);
  });

  it('store credit carries the policy bonus, quoted and paid as one movement (R004-12)', async () => {
    const number = nextOrderNumber();
    await openReturnCase(t, { number });
    const rma = await requestRma(t.store, t.actors.agent, rmaBody({ number, preferStoreCredit: true }));
    expect([rma.refundTotal, rma.storeCreditBonus]).toEqual([17958, 1796]);
    await approveRma(t.store, t.actors.agent, { number: rma.number });
    await markLabelSent(t.store, t.actors.agent, { number: rma.number });
    await receiveRma(t.store, t.actors.agent, { number: rma.number });
    await inspectRma(t.store, t.actors.agent, { number: rma.number, body: { outcome: 'resellable' } });
    const credited = await creditRma(t.store, t.actors.agent, { number: rma.number });
    expect(credited.movements).toEqual([expect.objectContaining({ kind: 'store_credit', amount: 17958, bonus: 1796 })]);
  });
});
