import type { Store } from '../../store/database.js';
import { listCases as listCaseRows, CASE_SORTS, type CaseCursor, type CaseListFilter, type CaseSort } from '../../store/repositories/case.repository.js';
import { linkedCustomerIds, findCustomerByExternalId } from '../../store/repositories/customer.repository.js';
import { findOrderByNumber } from '../../store/repositories/order.repository.js';
import { caseListScope } from '../../domain/access/case-visibility.js';
import { CASE_STATUSES } from '../../domain/cases/case-status.js';
import { LEVELS, PRIORITIES } from '../../domain/policy/vocabulary.js';
import { DomainError } from '../../domain/errors.js';
import { requirePermission, type Actor } from '../actor.js';
import { presentCaseSummary, type CaseSummaryView } from './case-view.js';

export interface ListCasesInput {
  status?: string | string[];
  priority?: string | string[];
  level?: string | string[];
  category?: string | string[];
  /** A user id, "me", or "none". */
  assignee?: string;
  /** A team id or "none". */
  team?: string;
  escalated?: boolean;
  /** Open = not resolved or closed. */
  open?: boolean;
  /** External customer id; includes linked accounts (R003-03). */
  customer?: string;
  order?: string;
  q?: string;
  createdFrom?: string;
  createdTo?: string;
  sort?: string;
  cursor?: string;
  limit?: number;
}

const asList = (v: string | string[] | undefined) => (v === undefined ? undefined : (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean));

function checkAll(values: string[] | undefined, allowed: readonly string[], field: string): string[] | undefined {
  for (const v of values ?? []) if (!allowed.includes(v)) throw new DomainError('invalid_input', `unknown value "${v}"; expected ${allowed.join(', ')}`, field);
  return values;
}

export function encodeCursor(c: CaseCursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(text: string): CaseCursor {
  try {
    const v = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && Number.isSafeInteger(v[1])) return v as CaseCursor;
  } catch {
    // fall through
  }
  throw new DomainError('invalid_input', 'not a cursor this server issued', 'cursor');
}

function isoOrThrow(value: string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new DomainError('invalid_input', 'expected an ISO 8601 date-time', field);
  return new Date(t).toISOString();
}

function idFilter(value: string | undefined, field: string, me: number): number | null | undefined {
  if (value === undefined) return undefined;
  if (value === 'none') return null;
  if (value === 'me') return me;
  if (!/^\d{1,15}$/.test(value)) throw new DomainError('invalid_input', 'expected an id, "me" or "none"', field);
  return Number(value);
}

export async function listCases(store: Store, actor: Actor, input: ListCasesInput): Promise<{ items: CaseSummaryView[]; nextCursor: string | null }> {
  requirePermission(actor, 'cases.read');
  const sort = (input.sort ?? 'created') as CaseSort;
  if (!(CASE_SORTS as readonly string[]).includes(sort)) throw new DomainError('invalid_input', `expected one of ${CASE_SORTS.join(', ')}`, 'sort');
  const limit = input.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new DomainError('invalid_input', 'expected 1 to 500', 'limit');

  const scope = caseListScope({ id: actor.id, role: actor.role, teamId: actor.teamId });
  let statuses = checkAll(asList(input.status), CASE_STATUSES, 'status');
  if (input.open !== undefined) {
    const open = CASE_STATUSES.filter((s) => (input.open ? s !== 'resolved' && s !== 'closed' : s === 'resolved' || s === 'closed'));
    statuses = statuses ? statuses.filter((s) => (open as string[]).includes(s)) : open;
    if (statuses.length === 0) return { items: [], nextCursor: null };
  }
  const filter: CaseListFilter = {
    excludeCategories: scope.excludeCategories,
    onlyTeamOrAssignee: scope.onlyTeamOrAssignee,
  };
  if (statuses) filter.statuses = statuses;
  const priorities = checkAll(asList(input.priority), PRIORITIES, 'priority');
  if (priorities) filter.priorities = priorities;
  const levels = checkAll(asList(input.level), LEVELS, 'level');
  if (levels) filter.levels = levels;
  const categories = asList(input.category);
  if (categories) filter.categories = categories;
  const assigneeId = idFilter(input.assignee, 'assignee', actor.id);
  if (assigneeId !== undefined) filter.assigneeId = assigneeId;
  const teamId = idFilter(input.team, 'team', actor.teamId ?? -1);
  if (teamId !== undefined) filter.teamId = teamId;
  if (input.escalated !== undefined) filter.escalated = input.escalated;
  if (input.q) filter.q = input.q.slice(0, 200);
  const from = isoOrThrow(input.createdFrom, 'createdFrom');
  if (from) filter.createdFrom = from;
  const to = isoOrThrow(input.createdTo, 'createdTo');
  if (to) filter.createdTo = to;
  if (input.customer) {
    const customer = await findCustomerByExternalId(store.db, input.customer);
    if (!customer) return { items: [], nextCursor: null };
    filter.customerIds = await linkedCustomerIds(store.db, customer.id);
  }
  if (input.order) {
    const order = await findOrderByNumber(store.db, input.order);
    if (!order) return { items: [], nextCursor: null };
    filter.orderId = order.id;
  }
  const page = await listCaseRows(store.db, filter, { sort, limit, ...(input.cursor ? { after: decodeCursor(input.cursor) } : {}) });
  return { items: page.items.map(presentCaseSummary), nextCursor: page.next ? encodeCursor(page.next) : null };
}
