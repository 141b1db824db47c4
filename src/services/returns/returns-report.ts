import type { Store } from '../../store/database.js';
import { listRmasForReport } from '../../store/repositories/rma.repository.js';
import { listMovementsBetween } from '../../store/repositories/money-movement.repository.js';
import { invalidInput } from '../../domain/errors.js';
import { policyAmount } from '../../domain/returns/quote-return.js';
import { parseInstant } from '../../domain/returns/utc-day.js';
import { requirePermission, type Actor } from '../actor.js';
import { clock } from '../clock.js';
import { loadReturnsSettings } from './returns-settings.js';
import { buildReturnsReport, type ReturnsReport } from './returns-report-math.js';
import { returnsReportCsv } from './returns-report-csv.js';

const DAY_MS = 86_400_000;
const MAX_RANGE_DAYS = 366 * 5;

export interface ReturnsReportInput {
  /** A date ("2026-01-01", from its UTC start) or an instant; default the start of this UTC year. */
  from?: string;
  /** A date (inclusive: through its UTC end) or an instant (exclusive); default now. */
  to?: string;
}

/**
 * Returns by reason, category and product; refund totals per month and year (R000-09, large
 * refunds apart); processing time after receipt (R004-05); accuracy (R004-11). R004-10.
 */
export async function returnsReport(store: Store, actor: Actor, input: ReturnsReportInput): Promise<ReturnsReport> {
  requirePermission(actor, 'returns.report');
  const range = reportRange(input);
  const settings = await loadReturnsSettings(store);
  const [rmas, movements] = await Promise.all([listRmasForReport(store.db, range), listMovementsBetween(store.db, range)]);
  return buildReturnsReport({
    range, rmas, movements,
    calendar: settings.calendar,
    targets: settings.rma.timeTargets,
    approvalOver: (currency) => policyAmount(settings.returnPolicy.approvalOver, currency),
  });
}

export async function returnsReportAsCsv(store: Store, actor: Actor, input: ReturnsReportInput): Promise<string> {
  return returnsReportCsv(await returnsReport(store, actor, input));
}

export function reportRange(input: ReturnsReportInput): { from: string; to: string } {
  const now = clock.now();
  const bound = (value: string | undefined, field: 'from' | 'to'): Date | undefined => {
    if (value === undefined || value === '') return undefined;
    const parsed = parseInstant(value);
    if (!parsed) throw invalidInput(field, 'expected a date (2026-01-31) or an ISO 8601 date-time with a zone');
    // A bare date for `to` means through the end of that day.
    return field === 'to' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(parsed.getTime() + DAY_MS) : parsed;
  };
  const from = bound(input.from, 'from') ?? new Date(Date.UTC(now.getUTCFullYear(), 0, 1));
  const to = bound(input.to, 'to') ?? now;
  if (to <= from) throw invalidInput('to', 'must be after from');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) throw invalidInput('to', `the range may span at most ${MAX_RANGE_DAYS} days`);
  return { from: from.toISOString(), to: to.toISOString() };
}
