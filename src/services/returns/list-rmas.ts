import type { Store } from '../../store/database.js';
import { listRmas as listRows, type RmaListFilter } from '../../store/repositories/rma.repository.js';
import { DomainError, invalidInput } from '../../domain/errors.js';
import { RMA_STATES } from '../../domain/returns/rma.js';
import { RETURN_REASONS } from '../../domain/returns/return-vocabulary.js';
import { parseInstant } from '../../domain/returns/utc-day.js';
import { requirePermission, type Actor } from '../actor.js';
import { clock } from '../clock.js';
import { presentRmaSummary, type RmaSummaryView } from './rma-view.js';

export interface ListRmasInput {
  /** Comma-separated states. */
  state?: string;
  order?: string;
  case?: string;
  reason?: string;
  /** "true": waiting for a supervisor's approval (R004-08). */
  awaitingApproval?: boolean | string;
  /** Due at or before this instant; "now" for what is due already. */
  dueBefore?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number | string;
}

/** RMAs newest first, with filters and an id cursor. */
export async function listRmas(store: Store, actor: Actor, input: ListRmasInput): Promise<{ items: RmaSummaryView[]; nextCursor: string | null }> {
  requirePermission(actor, 'returns.read');
  const limit = input.limit === undefined ? 50 : Number(input.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw invalidInput('limit', 'expected 1 to 500');
  if (input.cursor !== undefined && !/^\d{1,15}$/.test(input.cursor)) throw invalidInput('cursor', 'not a cursor this server issued');
  const filter: RmaListFilter = { limit: limit + 1 };
  if (input.state) {
    const states = input.state.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = states.find((s) => !(RMA_STATES as readonly string[]).includes(s));
    if (unknown) throw invalidInput('state', `unknown state "${unknown}" (expected ${RMA_STATES.join(', ')})`);
    filter.states = states;
  }
  if (input.reason) {
    if (input.reason !== 'mixed' && !(RETURN_REASONS as readonly string[]).includes(input.reason)) {
      throw invalidInput('reason', `expected one of ${RETURN_REASONS.join(', ')}, mixed`);
    }
    filter.reason = input.reason;
  }
  if (input.order) filter.orderNumber = input.order.trim();
  if (input.case !== undefined) {
    if (!/^\d{1,15}$/.test(input.case)) throw invalidInput('case', 'expected a case id');
    filter.caseId = Number(input.case);
  }
  if (input.awaitingApproval === true || input.awaitingApproval === 'true') filter.awaitingApproval = true;
  if (input.dueBefore) filter.dueBefore = instant(input.dueBefore, 'dueBefore');
  if (input.from) filter.requestedFrom = instant(input.from, 'from');
  if (input.to) filter.requestedTo = instant(input.to, 'to');
  if (input.cursor) filter.beforeId = Number(input.cursor);
  const rows = await listRows(store.db, filter);
  const items = rows.slice(0, limit);
  return { items: items.map(presentRmaSummary), nextCursor: rows.length > limit ? String(items[items.length - 1]!.id) : null };
}

function instant(value: string, field: string): string {
  if (value === 'now') return clock.now().toISOString();
  const parsed = parseInstant(value);
  if (!parsed) throw new DomainError('invalid_input', 'expected an ISO 8601 date or date-time with a zone', field);
  return parsed.toISOString();
}
