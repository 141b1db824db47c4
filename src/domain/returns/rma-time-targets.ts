import type { BusinessCalendar } from '../calendar/business-calendar.js';
import type { RmaState } from './rma.js';
import type { Resolution } from './return-vocabulary.js';

// Time targets of an RMA (R004-05, R004-07, R004-08). Each state the desk must act in has its due
// instants, anchored where the SOP anchors them: the confirmation at the request, the label at the
// approval, processing at the receipt. Label-sent and in-transit wait on the customer and the
// carrier, so nothing is due from the desk there; final states have nothing due.

/** A duration on the wall clock or in the calendar's business time (as the policy's `sla:` targets). */
export type RmaTimeTarget = { calendarMinutes: number } | { businessMinutes: number } | { businessDays: number };

export interface RmaTimeTargets {
  /** R004-07: confirmation with the RMA number within 1 hour of the request. */
  confirmation: RmaTimeTarget;
  /** R004-07: the return label within 4 hours (counted from the approval that allows it). */
  label: RmaTimeTarget;
  /** R004-05: "3–5 business days processing after receipt": the 3 is the target (warning)… */
  processingTarget: RmaTimeTarget;
  /** …and the 5 the deadline. */
  processingDeadline: RmaTimeTarget;
  /** R004-08: a return waiting for a supervisor's approval is followed up within 24 hours. */
  followUp: RmaTimeTarget;
}

/**
 * The SOP's numbers. The 1-hour and 4-hour targets count business time, as the policy's own email
 * targets do (a Saturday request is confirmed Monday morning); the 24-hour follow-up runs on the wall
 * clock, as the policy's P3 next response does.
 */
export const DEFAULT_RMA_TIME_TARGETS: RmaTimeTargets = Object.freeze({
  confirmation: Object.freeze({ businessMinutes: 60 }),
  label: Object.freeze({ businessMinutes: 240 }),
  processingTarget: Object.freeze({ businessDays: 3 }),
  processingDeadline: Object.freeze({ businessDays: 5 }),
  followUp: Object.freeze({ calendarMinutes: 1440 }),
});

export type RmaDueKind = 'confirmation' | 'follow_up' | 'label' | 'processing';

export interface RmaDue {
  kind: RmaDueKind;
  rule: string;
  /** The instant the clock started (ISO UTC). */
  from: string;
  /** When it is due (ISO UTC). */
  dueAt: string;
  /** When it should be done to meet the target rather than the deadline (processing only). */
  warnAt?: string;
}

export interface RmaClockFacts {
  state: RmaState;
  resolution: Resolution;
  approvalRequired: boolean;
  requestedAt: string;
  approvedAt: string | null;
  receivedAt: string | null;
}

export function addTarget(from: Date, target: RmaTimeTarget, calendar: BusinessCalendar): Date {
  if ('calendarMinutes' in target) return new Date(from.getTime() + target.calendarMinutes * 60_000);
  if ('businessMinutes' in target) return calendar.addBusinessMinutes(from, target.businessMinutes);
  return calendar.addBusinessDays(from, target.businessDays);
}

/** What is due in the RMA's current state, earliest first. */
export function rmaDueTimes(rma: RmaClockFacts, targets: RmaTimeTargets, calendar: BusinessCalendar): RmaDue[] {
  const due = (kind: RmaDueKind, rule: string, from: string, target: RmaTimeTarget, warn?: RmaTimeTarget): RmaDue => {
    const start = new Date(from);
    const entry: RmaDue = { kind, rule, from, dueAt: addTarget(start, target, calendar).toISOString() };
    if (warn) entry.warnAt = addTarget(start, warn, calendar).toISOString();
    return entry;
  };
  const list: RmaDue[] = [];
  switch (rma.state) {
    case 'requested':
      list.push(due('confirmation', 'R004-07', rma.requestedAt, targets.confirmation));
      if (rma.approvalRequired) list.push(due('follow_up', 'R004-08', rma.requestedAt, targets.followUp));
      break;
    case 'approved':
      list.push(due('label', 'R004-07', rma.approvedAt ?? rma.requestedAt, targets.label));
      break;
    case 'inspected':
      // A replacement went out at approval: once inspected, nothing is left to pay (rmaIsComplete).
      if (rma.resolution === 'replacement') break;
      if (rma.receivedAt) list.push(due('processing', 'R004-05', rma.receivedAt, targets.processingDeadline, targets.processingTarget));
      break;
    case 'received':
      if (rma.receivedAt) list.push(due('processing', 'R004-05', rma.receivedAt, targets.processingDeadline, targets.processingTarget));
      break;
    default:
      break;
  }
  return list.sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0));
}
