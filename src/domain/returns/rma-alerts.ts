import type { RmaDue, RmaDueKind } from './rma-time-targets.js';

// RMA time targets run as SLA clocks (issue 6 item 5, R004-05, R004-07, R004-08). Each target of
// the current state has up to two alerts: a warning at its warn instant (the processing target's
// "3" of "3–5 business days") and a breach just after its deadline. Each is taken once per
// (rma, state, due kind, alert); states are never re-entered, so a move to the next state starts
// with nothing taken.

export const RMA_ALERTS = ['warning', 'breach'] as const;
export type RmaAlert = (typeof RMA_ALERTS)[number];

export interface RmaAlertItem {
  dueKind: RmaDueKind;
  alert: RmaAlert;
  rule: string;
  /** The target's instant: warnAt for a warning, dueAt for a breach (ISO UTC). */
  at: string;
  dueAt: string;
}

export function rmaAlertId(dueKind: string, alert: string): string {
  return `${dueKind}:${alert}`;
}

/** Every alert of the state's targets not yet taken (`taken` holds rmaAlertId values), earliest first. */
export function pendingRmaAlerts(due: readonly RmaDue[], taken: ReadonlySet<string>): RmaAlertItem[] {
  const items: RmaAlertItem[] = [];
  for (const d of due) {
    // A warning after the breach was taken would be noise: the deadline has already been missed.
    const breached = taken.has(rmaAlertId(d.kind, 'breach'));
    if (d.warnAt && !breached && !taken.has(rmaAlertId(d.kind, 'warning'))) items.push({ dueKind: d.kind, alert: 'warning', rule: d.rule, at: d.warnAt, dueAt: d.dueAt });
    if (!breached) items.push({ dueKind: d.kind, alert: 'breach', rule: d.rule, at: d.dueAt, dueAt: d.dueAt });
  }
  return items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/**
 * Whether the alert is due at `now`. A warning is due from its instant on; a breach strictly after
 * the deadline (done exactly at the due instant is on time), as SLA clocks are.
 */
export function rmaAlertIsDue(item: Pick<RmaAlertItem, 'alert' | 'at'>, now: Date): boolean {
  const at = Date.parse(item.at);
  return item.alert === 'warning' ? now.getTime() >= at : now.getTime() > at;
}

/** The first instant at which the alert is due: what a job waits for. */
export function rmaAlertRunAt(item: Pick<RmaAlertItem, 'alert' | 'at'>): Date {
  return new Date(Date.parse(item.at) + (item.alert === 'breach' ? 1 : 0));
}

/** The value of rmas.alert_at: the earliest pending alert's instant, or null when none is left. */
export function nextRmaAlertAt(pending: readonly RmaAlertItem[]): string | null {
  return pending[0]?.at ?? null;
}
