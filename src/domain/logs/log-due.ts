import { conditionHolds, type LogFields, type LogTypeDef } from './log-type.js';

/** The entry's due time: e.g. a store pickup ready within 2 hours of logging (R001-09); null when none applies. */
export function logDueAt(type: LogTypeDef, state: string, fields: LogFields, openedAt: string): string | null {
  if (type.dueFromField) {
    const value = fields[type.dueFromField.field];
    return type.dueFromField.until.includes(state) || typeof value !== 'string' ? null : value;
  }
  const due = type.dueWithinMinutes;
  if (!due || due.until.includes(state)) return null;
  if (due.when && !conditionHolds(due.when, fields)) return null;
  return new Date(Date.parse(openedAt) + due.minutes * 60_000).toISOString();
}
