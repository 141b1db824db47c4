// Order SLAs of the routing matrix (seed 003). Level 1 answers orders "under 4 business days old"
// (processing), US orders "under 10 business days" and international "under 20 business days"
// (shipping) — R003-02; an order past those is outside its SLA and is flagged here. "Label Created,
// 5+ Days" is an L3 matter (R003-05). The seed qualifies the processing and shipping thresholds with
// "business days" but says only "5+ Days" for the label, so the label threshold is counted in
// calendar days (elapsed 24-hour periods), as carriers' tracking pages count them.
// The policy turns findings into cases; this module only compares facts with deadlines.

import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { addBusinessDaysAtSameTime } from '../calendar/business-days-later.js';
import { calendarTime } from '../calendar/calendar-time.js';
import { invalidInput } from '../errors.js';
import type { Destination, FulfillmentState } from '../policy/vocabulary.js';

/** What is known about an order's fulfilment; UTC ISO instants. A missing fact is unknown. */
export interface OrderSlaFacts {
  placedAt: string;
  /** Unknown destination is held to the domestic (stricter) shipping SLA. */
  destination?: Destination;
  fulfillment?: FulfillmentState;
  /** A shipping label was bought: the warehouse's processing is done. */
  labelCreatedAt?: string;
  /** The order was marked shipped; when absent, label creation stands in for it. */
  shippedAt?: string;
  /** The latest carrier scan (movement); absent when the carrier has never scanned the parcel. */
  lastCarrierScanAt?: string;
  deliveredAt?: string;
}

export interface OrderSlaTargets {
  /** R003-02: outside the processing SLA from 4 business days old. */
  processingBusinessDays: number;
  /** R003-02: US (domestic) shipping SLA, 10 business days from shipment. */
  domesticShippingBusinessDays: number;
  /** R003-02: international shipping SLA, 20 business days from shipment. */
  internationalShippingBusinessDays: number;
  /** R003-05: "Label Created, 5+ Days" — calendar days with no carrier movement since the label. */
  labelStaleCalendarDays: number;
  /**
   * Not in the seeds (a policy choice): a domestic parcel past its shipping SLA whose last carrier
   * scan is this many calendar days old is suggested as lost in transit rather than delayed.
   */
  lostInTransitQuietCalendarDays: number;
}

export const DEFAULT_ORDER_SLA_TARGETS: Readonly<OrderSlaTargets> = Object.freeze({
  processingBusinessDays: 4,
  domesticShippingBusinessDays: 10,
  internationalShippingBusinessDays: 20,
  labelStaleCalendarDays: 5,
  lostInTransitQuietCalendarDays: 5,
});

export type OrderSlaKind = 'processing' | 'shipping' | 'label_created_stale';
export type OrderSlaCategory =
  | 'processing_delay' | 'shipping_delay' | 'label_created_stale' | 'international_issue' | 'lost_in_transit';

export interface OrderSlaDeadline {
  kind: OrderSlaKind;
  rule: 'R003-02' | 'R003-05';
  /** When the SLA started counting (placement, shipment, label creation). */
  since: string;
  dueAt: string;
  suggestedCategory: OrderSlaCategory;
}

export interface OrderSlaFinding extends OrderSlaDeadline {
  overdueBy: {
    /** Elapsed real minutes since dueAt. */
    minutes: number;
    /** Working dates of the calendar after dueAt's, up to now's. */
    businessDays: number;
  };
}

const DAY_MINUTES = 1440;

function instant(value: string | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms)) throw invalidInput(field, 'must be a UTC ISO instant');
  return ms;
}

function checkTargets(targets: OrderSlaTargets): void {
  for (const [key, value] of Object.entries(targets)) {
    if (!Number.isInteger(value) || value < 0) throw invalidInput(`targets.${key}`, `must be a whole number >= 0, got ${String(value)}`);
  }
}

/** The order SLAs that apply to the order in its current state, overdue or not (for "within SLA until …" answers). */
export function orderSlaDeadlines(
  order: OrderSlaFacts,
  calendar: BusinessCalendar,
  targets: OrderSlaTargets = DEFAULT_ORDER_SLA_TARGETS,
): OrderSlaDeadline[] {
  checkTargets(targets);
  const placedAt = instant(order.placedAt, 'order.placedAt');
  if (placedAt === undefined) throw invalidInput('order.placedAt', 'is required');
  const labelAt = instant(order.labelCreatedAt, 'order.labelCreatedAt');
  const shippedAt = instant(order.shippedAt, 'order.shippedAt') ?? labelAt;
  const lastScanAt = lastCarrierScan(order);
  const deliveredAt = instant(order.deliveredAt, 'order.deliveredAt');
  if (deliveredAt !== undefined || order.fulfillment === 'delivered' || order.fulfillment === 'returned_to_sender') return [];

  const iso = (ms: number): string => new Date(ms).toISOString();
  if (shippedAt === undefined) {
    // Marked shipped without a date: the shipment can't be timed, and processing is over.
    if (order.fulfillment === 'shipped') return [];
    const dueAt = addBusinessDaysAtSameTime(calendar, new Date(placedAt), targets.processingBusinessDays);
    return [{ kind: 'processing', rule: 'R003-02', since: iso(placedAt), dueAt: iso(dueAt.getTime()), suggestedCategory: 'processing_delay' }];
  }

  const always = calendarTime(calendar.spec.timeZone);
  const neverScanned = lastScanAt === undefined || (labelAt !== undefined && lastScanAt < labelAt);
  if (labelAt !== undefined && neverScanned) {
    // The parcel never left: it is not late in transit, its label is stale (R003-05).
    const dueAt = always.addBusinessMinutes(new Date(labelAt), targets.labelStaleCalendarDays * DAY_MINUTES);
    return [{ kind: 'label_created_stale', rule: 'R003-05', since: iso(labelAt), dueAt: iso(dueAt.getTime()), suggestedCategory: 'label_created_stale' }];
  }

  const international = order.destination === 'international';
  const days = international ? targets.internationalShippingBusinessDays : targets.domesticShippingBusinessDays;
  const dueAt = addBusinessDaysAtSameTime(calendar, new Date(shippedAt), days).getTime();
  const suggestedCategory: OrderSlaCategory = international ? 'international_issue' : 'shipping_delay';
  return [{ kind: 'shipping', rule: 'R003-02', since: iso(shippedAt), dueAt: iso(dueAt), suggestedCategory }];
}

function lastCarrierScan(order: OrderSlaFacts): number | undefined {
  return instant(order.lastCarrierScanAt, 'order.lastCarrierScanAt');
}

/** A late domestic parcel the carrier has not moved for a while is suggested as lost (R003-02 "US - Lost in Transit"). */
function refineCategory(deadline: OrderSlaDeadline, order: OrderSlaFacts, now: Date, targets: OrderSlaTargets): OrderSlaCategory {
  if (deadline.kind !== 'shipping' || deadline.suggestedCategory !== 'shipping_delay') return deadline.suggestedCategory;
  const quietSince = lastCarrierScan(order) ?? Date.parse(deadline.since);
  const quietMinutes = (now.getTime() - quietSince) / 60_000;
  return quietMinutes >= targets.lostInTransitQuietCalendarDays * DAY_MINUTES ? 'lost_in_transit' : 'shipping_delay';
}

/**
 * Findings for every order SLA the order is past at `now` (strictly after the due instant). An order
 * under its SLA yields nothing: first-line answers it (R003-02).
 */
export function assessOrderSla(
  order: OrderSlaFacts,
  now: Date,
  calendar: BusinessCalendar,
  targets: OrderSlaTargets = DEFAULT_ORDER_SLA_TARGETS,
): OrderSlaFinding[] {
  if (!(now instanceof Date) || !Number.isFinite(now.getTime())) throw invalidInput('now', 'must be a valid instant');
  return orderSlaDeadlines(order, calendar, targets)
    .filter((deadline) => now.getTime() > Date.parse(deadline.dueAt))
    .map((deadline) => {
      const dueAt = new Date(deadline.dueAt);
      return {
        ...deadline,
        suggestedCategory: refineCategory(deadline, order, now, targets),
        overdueBy: {
          minutes: Math.floor((now.getTime() - dueAt.getTime()) / 60_000),
          businessDays: calendar.businessDaysBetween(dueAt, now),
        },
      };
    });
}
