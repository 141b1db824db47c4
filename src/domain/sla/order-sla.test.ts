import { describe, expect, it } from 'vitest';
import type { WorkingWindow } from '../calendar/business-calendar.js';
import { createBusinessCalendar } from '../calendar/create-business-calendar.js';
import { DEFAULT_ORDER_SLA_TARGETS, assessOrderSla, orderSlaDeadlines, type OrderSlaFacts } from './order-sla.js';

const d = (iso: string): Date => new Date(iso);
const NINE_TO_FIVE: WorkingWindow[] = [{ start: '09:00', end: '17:00' }];
// A US warehouse: weekdays 09:00–17:00 New York time, US public holidays off.
const warehouse = createBusinessCalendar({
  timeZone: 'America/New_York',
  week: { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE },
  holidayPreset: 'US',
});
const assess = (order: OrderSlaFacts, now: string) => assessOrderSla(order, d(now), warehouse);

describe('processing SLA (R003-02: outside it from 4 business days old)', () => {
  const placedMonday = { placedAt: '2026-01-05T15:00:00Z', fulfillment: 'unfulfilled' } as const; // Mon 10:00 EST

  it('an order under 4 business days old is within SLA: no finding, first-line answers it', () => {
    expect(assess(placedMonday, '2026-01-09T14:59:00Z')).toEqual([]);
  });

  it('an order past 4 business days old and not shipped is flagged as a processing delay', () => {
    expect(assess(placedMonday, '2026-01-12T15:00:00Z')).toEqual([{
      kind: 'processing', rule: 'R003-02', since: '2026-01-05T15:00:00.000Z', dueAt: '2026-01-09T15:00:00.000Z',
      suggestedCategory: 'processing_delay', overdueBy: { minutes: 3 * 1440, businessDays: 1 },
    }]);
  });

  it('an order placed on Saturday starts counting at Monday’s opening', () => {
    const [deadline] = orderSlaDeadlines({ placedAt: '2026-01-10T17:00:00Z' }, warehouse);
    expect(deadline?.dueAt).toBe('2026-01-16T14:00:00.000Z'); // Fri 09:00 EST
  });

  it('public holidays are not business days (MLK Day, Mon 19 Jan 2026)', () => {
    const [deadline] = orderSlaDeadlines({ placedAt: '2026-01-15T15:00:00Z' }, warehouse); // Thu 10:00
    expect(deadline?.dueAt).toBe('2026-01-22T15:00:00.000Z'); // Fri, Tue, Wed, Thu → Thu 22 10:00
  });

  it('a label or a shipment ends processing', () => {
    expect(assess({ ...placedMonday, labelCreatedAt: '2026-01-07T15:00:00Z', lastCarrierScanAt: '2026-01-07T20:00:00Z' }, '2026-01-12T15:00:00Z')).toEqual([]);
    expect(assess({ ...placedMonday, fulfillment: 'shipped' }, '2026-01-20T15:00:00Z')).toEqual([]);
  });

  it('the thresholds come from the targets', () => {
    const findings = assessOrderSla(placedMonday, d('2026-01-07T15:01:00Z'), warehouse, { ...DEFAULT_ORDER_SLA_TARGETS, processingBusinessDays: 2 });
    expect(findings.map((f) => f.dueAt)).toEqual(['2026-01-07T15:00:00.000Z']);
  });
});

describe('shipping SLA (R003-02: domestic 10, international 20 business days from shipment)', () => {
  // Shipped Mon 2 Feb 2026 10:00 EST; Presidents' Day (Mon 16 Feb) is a US public holiday.
  const shipped: OrderSlaFacts = {
    placedAt: '2026-01-29T15:00:00Z', shippedAt: '2026-02-02T15:00:00Z', fulfillment: 'shipped',
    destination: 'domestic', lastCarrierScanAt: '2026-02-16T12:00:00Z',
  };

  it('a domestic parcel under 10 business days in transit is within SLA', () => {
    expect(assess(shipped, '2026-02-17T14:59:00Z')).toEqual([]);
  });

  it('a domestic parcel past 10 business days, still moving, is a shipping delay', () => {
    const [finding] = assess(shipped, '2026-02-18T15:00:00Z');
    expect(finding).toMatchObject({
      kind: 'shipping', rule: 'R003-02', since: '2026-02-02T15:00:00.000Z', dueAt: '2026-02-17T15:00:00.000Z',
      suggestedCategory: 'shipping_delay', overdueBy: { minutes: 1440, businessDays: 1 },
    });
  });

  it('a late domestic parcel with no carrier scan for 5 days is suggested as lost in transit', () => {
    const [finding] = assess({ ...shipped, lastCarrierScanAt: '2026-02-10T12:00:00Z' }, '2026-02-18T15:00:00Z');
    expect(finding?.suggestedCategory).toBe('lost_in_transit');
  });

  it('an international parcel has 20 business days; past them it is an international issue', () => {
    const abroad = { ...shipped, destination: 'international' } as const;
    expect(assess(abroad, '2026-02-18T15:00:00Z')).toEqual([]);
    const [finding] = assess(abroad, '2026-03-04T15:00:00Z');
    expect(finding).toMatchObject({ dueAt: '2026-03-03T15:00:00.000Z', suggestedCategory: 'international_issue' });
  });

  it('an unknown destination is held to the domestic SLA', () => {
    const { destination: _unknown, ...unknown } = shipped;
    expect(orderSlaDeadlines(unknown, warehouse)[0]?.dueAt).toBe('2026-02-17T15:00:00.000Z');
  });

  it('delivered or returned-to-sender orders have no order SLA', () => {
    expect(assess({ ...shipped, deliveredAt: '2026-02-20T15:00:00Z' }, '2026-03-20T15:00:00Z')).toEqual([]);
    expect(assess({ ...shipped, fulfillment: 'delivered' }, '2026-03-20T15:00:00Z')).toEqual([]);
    expect(assess({ ...shipped, fulfillment: 'returned_to_sender' }, '2026-03-20T15:00:00Z')).toEqual([]);
  });
});

describe('label created, no carrier movement (R003-05: 5+ days)', () => {
  const labelOnly: OrderSlaFacts = { placedAt: '2026-01-02T15:00:00Z', labelCreatedAt: '2026-01-05T15:00:00Z', fulfillment: 'shipped' };

  it('counts calendar days, weekend included: stale from Saturday 10:00 for a Monday 10:00 label', () => {
    expect(assess(labelOnly, '2026-01-10T14:59:00Z')).toEqual([]);
    expect(assess(labelOnly, '2026-01-10T15:01:00Z')).toEqual([{
      kind: 'label_created_stale', rule: 'R003-05', since: '2026-01-05T15:00:00.000Z', dueAt: '2026-01-10T15:00:00.000Z',
      suggestedCategory: 'label_created_stale', overdueBy: { minutes: 1, businessDays: 0 },
    }]);
  });

  it('a parcel never scanned is not reported late in transit as well: the stale label is the finding', () => {
    expect(assess(labelOnly, '2026-03-01T15:00:00Z').map((f) => f.kind)).toEqual(['label_created_stale']);
  });

  it('a scan after the label means the parcel moved: the shipping SLA applies instead', () => {
    const moved = { ...labelOnly, lastCarrierScanAt: '2026-01-06T15:00:00Z' };
    expect(assess(moved, '2026-01-12T15:00:00Z')).toEqual([]);
    expect(orderSlaDeadlines(moved, warehouse)[0]?.kind).toBe('shipping');
  });
});

describe('order SLA input', () => {
  it('rejects an order without a valid placement instant and targets that are not whole days', () => {
    expect(() => orderSlaDeadlines({ placedAt: 'last week' }, warehouse)).toThrow(/order\.placedAt/);
    expect(() => orderSlaDeadlines({ placedAt: '2026-01-05T15:00:00Z' }, warehouse, { ...DEFAULT_ORDER_SLA_TARGETS, processingBusinessDays: -1 }))
      .toThrow(/targets\.processingBusinessDays/);
    expect(() => assessOrderSla({ placedAt: '2026-01-05T15:00:00Z' }, new Date(Number.NaN), warehouse)).toThrow(/now/);
  });
});
