import { DomainError } from '../../domain/errors.js';
import { clock } from '../clock.js';

const DAY_MS = 86_400_000;
/** Days are UTC calendar days; a year is the longest period the chart can draw one bar per day for. */
const MAX_PERIOD_DAYS = 366;

/**
 * The [from, to) a report covers, as UTC ISO instants: `to` defaults to now and `from` to 30 days
 * before it. Shared by the desk metrics (R001-14) and the CSAT report (R004-11) so both read the
 * same window from the same query.
 */
export function reportPeriod(input: { from?: unknown; to?: unknown }): { from: string; to: string } {
  const parse = (value: unknown, field: string): Date => {
    const d = typeof value === 'string' && value.trim() ? new Date(value) : new Date(Number.NaN);
    if (Number.isNaN(d.getTime())) throw new DomainError('invalid_input', 'expected an ISO 8601 date or date-time', field);
    return d;
  };
  const to = input.to === undefined || input.to === '' ? clock.now() : parse(input.to, 'to');
  const from = input.from === undefined || input.from === '' ? new Date(to.getTime() - 30 * DAY_MS) : parse(input.from, 'from');
  if (from >= to) throw new DomainError('invalid_input', 'must be before to', 'from');
  if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS) throw new DomainError('invalid_input', `the period may span at most ${MAX_PERIOD_DAYS} days`, 'from');
  return { from: from.toISOString(), to: to.toISOString() };
}
