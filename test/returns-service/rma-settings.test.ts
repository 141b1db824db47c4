import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../src/domain/calendar/create-business-calendar.js';
import { checkOrderNumber } from '../../src/domain/returns/order-number.js';
import { parseReturnPolicy } from '../../src/domain/returns/return-policy.parse.js';
import { DEFAULT_RMA_SETTINGS, orderNumberFormatFor, parseRmaSettings } from '../../src/domain/returns/rma-settings.parse.js';
import { DEFAULT_RMA_TIME_TARGETS, rmaDueTimes, type RmaClockFacts } from '../../src/domain/returns/rma-time-targets.js';
import { allowedRmaEvents, rmaIsComplete } from '../../src/domain/returns/rma.js';
import { approvalReasonsOf, assertFourEyes, payoutApprovalReasons } from '../../src/domain/returns/rma-approval.js';
import { quoteReturn } from '../../src/domain/returns/quote-return.js';
import { DEFAULT_RETURN_POLICY } from '../../src/domain/returns/return-policy.js';
import { parseReturnRequest } from '../../src/domain/returns/return-request.js';
import { requestWith } from '../returns/support/return-request-builder.js';

const calendar = createBusinessCalendar({
  timeZone: 'America/New_York',
  week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start: '09:00', end: '17:00' }]])),
  holidayPreset: 'US',
});

const facts = (over: Partial<RmaClockFacts>): RmaClockFacts => ({
  state: 'requested', resolution: 'refund', approvalRequired: false,
  requestedAt: '2026-11-20T15:00:00.000Z', approvedAt: null, receivedAt: null, ...over,
});

describe('RMA time targets (R004-05, R004-07, R004-08)', () => {
  it('a Saturday request is confirmed within the first business hour of Monday', () => {
    expect(rmaDueTimes(facts({ requestedAt: '2026-11-21T15:00:00.000Z' }), DEFAULT_RMA_TIME_TARGETS, calendar)).toEqual([
      { kind: 'confirmation', rule: 'R004-07', from: '2026-11-21T15:00:00.000Z', dueAt: '2026-11-23T15:00:00.000Z' },
    ]);
  });

  it('a return waiting for a supervisor is followed up within 24 hours on the wall clock (R004-08)', () => {
    const due = rmaDueTimes(facts({ approvalRequired: true }), DEFAULT_RMA_TIME_TARGETS, calendar);
    expect(due.map((d) => [d.kind, d.dueAt])).toEqual([['confirmation', '2026-11-20T16:00:00.000Z'], ['follow_up', '2026-11-21T15:00:00.000Z']]);
  });

  it('processing counts business days after receipt, skipping Thanksgiving (R004-05)', () => {
    const [due] = rmaDueTimes(facts({ state: 'received', receivedAt: '2026-11-24T15:00:00.000Z' }), DEFAULT_RMA_TIME_TARGETS, calendar);
    // Tuesday 24 Nov: Wed 25, Fri 27 (Thu 26 is Thanksgiving), Mon 30 → target end of Monday 30th;
    // then Tue 1, Wed 2 Dec → deadline end of Wednesday 2 December.
    expect(due).toMatchObject({ kind: 'processing', warnAt: '2026-11-30T22:00:00.000Z', dueAt: '2026-12-02T22:00:00.000Z' });
  });

  it('nothing is due while the customer and the carrier have the parcel, nor once the RMA is complete', () => {
    for (const state of ['label_sent', 'in_transit', 'refunded', 'credited', 'denied', 'cancelled'] as const) {
      expect(rmaDueTimes(facts({ state }), DEFAULT_RMA_TIME_TARGETS, calendar)).toEqual([]);
    }
    expect(rmaDueTimes(facts({ state: 'inspected', resolution: 'replacement', receivedAt: '2026-11-24T15:00:00.000Z' }), DEFAULT_RMA_TIME_TARGETS, calendar)).toEqual([]);
    expect(rmaIsComplete('inspected', 'replacement')).toBe(true);
    expect(rmaIsComplete('inspected', 'refund')).toBe(false);
    expect(allowedRmaEvents('label_sent')).toEqual(['ship', 'receive', 'cancel']);
  });
});

describe('RMA settings in the policy returns section', () => {
  it('defaults to the SOP: ORD-YYYYMMDD-#### and the 1 h / 4 h / 3–5 days / 24 h targets', () => {
    expect(parseRmaSettings(undefined, 'p')).toBe(DEFAULT_RMA_SETTINGS);
    expect(orderNumberFormatFor(DEFAULT_RMA_SETTINGS, 'web')).toBe('ORD-YYYYMMDD-####');
  });

  it('reads targets and per-storefront formats, and the calculator accepts the same section', () => {
    const section = { rmaTimeTargets: { label: { calendarMinutes: 120 } }, orderNumberFormats: { marketplace: '\\#####' }, windowDays: 14 };
    const settings = parseRmaSettings(section, 'p');
    expect(settings.timeTargets).toEqual({ ...DEFAULT_RMA_TIME_TARGETS, label: { calendarMinutes: 120 } });
    expect(orderNumberFormatFor(settings, 'marketplace')).toBe('\\#####');
    expect(orderNumberFormatFor(settings, null)).toBe('ORD-YYYYMMDD-####');
    expect(parseReturnPolicy(section, 'p').windowDays).toBe(14);
  });

  it.each([
    [{ rmaTimeTargets: { labell: { businessMinutes: 1 } } }, 'returns.rmaTimeTargets.labell'],
    [{ rmaTimeTargets: { label: { businessMinutes: 1, calendarMinutes: 2 } } }, 'returns.rmaTimeTargets.label'],
    [{ rmaTimeTargets: { processingDeadline: { businessDays: 2.5 } } }, 'returns.rmaTimeTargets.processingDeadline.businessDays'],
    [{ orderNumberFormats: { web: '' } }, 'returns.orderNumberFormats.web'],
  ])('refuses %j naming %s', (section, field) => {
    expect(() => parseRmaSettings(section, 'p')).toThrow(expect.objectContaining({ code: 'invalid_policy', field }));
  });

  it('a backslash makes the next template character literal, so "#1001" can be a format (R004-02)', () => {
    expect(checkOrderNumber('#1001', '\\#####')).toEqual({ ok: true, normalized: '#1001', sequence: '1001' });
    expect(checkOrderNumber('1001', '\\#####')).toMatchObject({ ok: false });
  });
});

describe('approval rules (R004-08)', () => {
  const quote = (changes: Parameters<typeof requestWith>[0]) => quoteReturn(parseReturnRequest(requestWith(changes)), DEFAULT_RETURN_POLICY);

  it('an ordinary return needs nobody; over 500.00, dissatisfaction and an exception each say why', () => {
    expect(approvalReasonsOf(quote({}))).toEqual([]);
    expect(approvalReasonsOf(quote({ items: [{ sku: 'EAR-01', quantity: 1, condition: 'opened', reason: 'dissatisfied' }] })).map((r) => r.rule)).toEqual(['R004-04']);
    expect(approvalReasonsOf(quote({ now: '2027-02-01T00:00:00Z' }))[0]).toEqual({ rule: 'R004-08', text: 'policy exception: the return is not eligible under the policy' });
  });

  it('a payout above the quote, or over the threshold without a supervisor, needs one', () => {
    const base = { currency: 'USD', amount: 10_000, bonus: 0, quoted: 10_000, approvalOver: 50_000, supervisorApproved: false };
    expect(payoutApprovalReasons(base)).toEqual([]);
    expect(payoutApprovalReasons({ ...base, amount: 10_001 })[0]?.text).toBe('policy exception: 100.01 is more than the quoted 100.00');
    expect(payoutApprovalReasons({ ...base, amount: 48_000, quoted: 48_000, bonus: 4_800 })).toHaveLength(1);
    expect(payoutApprovalReasons({ ...base, amount: 60_000, quoted: 60_000, supervisorApproved: true })).toEqual([]);
  });

  it('four eyes: the requester and the anonymous operator cannot approve', () => {
    expect(() => assertFourEyes(7, 7)).toThrow(/four eyes/);
    expect(() => assertFourEyes(null, 7)).toThrow(/named person/);
    expect(() => assertFourEyes(8, 7)).not.toThrow();
    expect(() => assertFourEyes(8, null)).not.toThrow();
  });
});
