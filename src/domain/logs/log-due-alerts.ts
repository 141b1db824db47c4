import type { LogTypeDef } from './log-type.js';

export type LogDueAlert = 'warning' | 'breach';

export interface LogDueAlertItem {
  alert: LogDueAlert;
  /** When the alert falls due: the warning ahead of the deadline, the breach at it. */
  at: string;
  dueAt: string;
}

/** The warning and breach of an entry's deadline, for types that alert (R000-08: evidence due). */
export function logDueAlerts(type: LogTypeDef, dueAt: string): LogDueAlertItem[] {
  if (!type.dueAlert) return [];
  const warnAt = new Date(Date.parse(dueAt) - type.dueAlert.warnBeforeMinutes * 60_000).toISOString();
  return [{ alert: 'warning', at: warnAt, dueAt }, { alert: 'breach', at: dueAt, dueAt }];
}
