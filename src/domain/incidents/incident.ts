import { DomainError, invalidInput } from '../errors.js';

// Incident reports (R000-07): a new or trending issue — a missing piece inside the box, a recurring
// defect — watched across the cases it touches so it is escalated higher (R001-15 "multiple
// complaints same issue"; R003-04: L2 calls out trends). An incident links many cases.

export const INCIDENT_STATUSES = ['open', 'monitoring', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** What the cases of a suggested incident share. */
export const INCIDENT_DIMENSIONS = ['sku', 'category', 'carrier'] as const;
export type IncidentDimension = (typeof INCIDENT_DIMENSIONS)[number];

/**
 * open → monitoring (a fix is in, watching for new cases) → resolved; monitoring may go back to
 * open when the issue comes back. Resolved is final: a recurrence is a new incident, so a
 * resolved report keeps the cases it had when it was closed.
 */
const MOVES: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  open: ['monitoring', 'resolved'],
  monitoring: ['open', 'resolved'],
  resolved: [],
};

export function parseIncidentStatus(value: unknown, field = 'status'): IncidentStatus {
  if (typeof value !== 'string' || !(INCIDENT_STATUSES as readonly string[]).includes(value)) {
    throw invalidInput(field, `expected one of ${INCIDENT_STATUSES.join(', ')}`);
  }
  return value as IncidentStatus;
}

export function parseIncidentDimension(value: unknown, field = 'dimension'): IncidentDimension {
  if (typeof value !== 'string' || !(INCIDENT_DIMENSIONS as readonly string[]).includes(value)) {
    throw invalidInput(field, `expected one of ${INCIDENT_DIMENSIONS.join(', ')}`);
  }
  return value as IncidentDimension;
}

/** Whether the incident may move from `from` to `to`; throws the reason (409 invalid_transition). */
export function checkIncidentMove(from: IncidentStatus, to: unknown): IncidentStatus {
  const target = parseIncidentStatus(to, 'to');
  if (target === from) throw new DomainError('conflict', `the incident is already ${from}`, 'to');
  if (!MOVES[from].includes(target)) throw new DomainError('invalid_transition', `an incident cannot move from ${from} to ${target}`, 'to');
  return target;
}

export function isIncidentClosed(status: IncidentStatus): boolean {
  return status === 'resolved';
}

/** A suggested incident's title: what the cases share. */
export function suggestedIncidentTitle(dimension: IncidentDimension, key: string, cases: number, windowDays: number): string {
  const what = dimension === 'sku' ? `SKU ${key}` : dimension === 'carrier' ? `carrier ${key}` : `category ${key.replace(/_/g, ' ')}`;
  return `Multiple complaints: ${cases} cases about ${what} within ${windowDays} days`;
}
