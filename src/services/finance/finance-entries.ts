import type { Store } from '../../store/database.js';
import { findCaseById } from '../../store/repositories/case.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import { findFinanceEntry, insertFinanceEntry, listFinanceEntries, updateFinanceEntry } from '../../store/repositories/finance-entry.repository.js';
import { can } from '../../domain/access/permissions.js';
import { DomainError, invalidInput } from '../../domain/errors.js';
import {
  FINANCE_KINDS, FINANCE_STATES, checkFinanceMove, initialFinanceState, methodsOf, type FinanceKind, type FinanceState,
} from '../../domain/finance/finance-entry.js';
import { isKnownCurrency } from '../../domain/money/currency.js';
import { decimalToMinor, describeDecimalProblem } from '../../domain/money/decimal.js';
import { policyAmount } from '../../domain/returns/quote-return.js';
import { actorIdOf, requirePermission, type Actor } from '../actor.js';
import { clock } from '../clock.js';
import { assertCanSee } from '../cases/case-access.js';
import { loadReturnsSettings } from '../returns/returns-settings.js';
import { presentFinanceEntry, type FinanceEntryView } from './finance-view.js';

function optionalText(value: unknown, field: string, max: number): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) throw invalidInput(field, `expected text of at most ${max} characters`);
  return value.trim();
}

function parseId(value: unknown, field: string): number {
  const id = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) throw invalidInput(field, 'expected an id');
  return id;
}

export interface RecordFinanceEntryInput {
  kind?: unknown;
  /** Decimal string in `currency`, e.g. "129.00". */
  amount?: unknown;
  currency?: unknown;
  method?: unknown;
  reason?: unknown;
  caseId?: unknown;
  orderNumber?: unknown;
  note?: unknown;
}

/**
 * Records a refund or reshipment on the form (R000-09). A refund over the approval threshold
 * (R004-08, the return policy's `approvalOver`) waits for a supervisor; the rest is approved as recorded.
 */
export async function recordFinanceEntry(store: Store, actor: Actor, input: RecordFinanceEntryInput): Promise<FinanceEntryView> {
  requirePermission(actor, 'returns.manage');
  if (typeof input.kind !== 'string' || !(FINANCE_KINDS as readonly string[]).includes(input.kind)) throw invalidInput('kind', `expected one of ${FINANCE_KINDS.join(', ')}`);
  const kind = input.kind as FinanceKind;
  if (typeof input.currency !== 'string' || !isKnownCurrency(input.currency)) throw invalidInput('currency', 'expected an ISO 4217 currency code, e.g. EUR');
  const currency = input.currency;
  if (typeof input.amount !== 'string') throw invalidInput('amount', 'expected a decimal string, e.g. "129.00"');
  const parsed = decimalToMinor(input.amount.trim(), currency);
  if (!parsed.ok) throw invalidInput('amount', describeDecimalProblem(parsed.problem, currency));
  if (parsed.minor <= 0 && kind === 'refund') throw invalidInput('amount', 'a refund is more than 0');
  const methods = methodsOf(kind);
  if (typeof input.method !== 'string' || !methods.includes(input.method)) throw invalidInput('method', `expected one of ${methods.join(', ')}`);
  const reason = optionalText(input.reason, 'reason', 500);
  if (reason === null) throw invalidInput('reason', 'say why (R000-09)');
  const orderNumber = optionalText(input.orderNumber, 'orderNumber', 100);
  const note = optionalText(input.note, 'note', 2000);
  const caseId = input.caseId === undefined || input.caseId === null || input.caseId === '' ? null : parseId(input.caseId, 'caseId');
  const settings = await loadReturnsSettings(store);
  const approvalOver = policyAmount(settings.returnPolicy.approvalOver, currency);
  return store.db.transaction().execute(async (trx) => {
    if (caseId !== null) {
      const c = await findCaseById(trx, caseId);
      if (!c) throw new DomainError('not_found', 'no such case', 'caseId');
      try {
        assertCanSee(actor, c);
      } catch {
        throw new DomainError('not_found', 'no such case', 'caseId');
      }
    }
    const at = clock.now().toISOString();
    const state = initialFinanceState(kind, parsed.minor, approvalOver);
    const entry = await insertFinanceEntry(trx, {
      kind, state, caseId, orderNumber, amountMinor: parsed.minor, currency, method: input.method as string, reason, note, reference: null,
      requestedBy: actorIdOf(actor), approvedBy: null, performedBy: null, createdAt: at, approvedAt: state === 'approved' ? at : null, performedAt: null, updatedAt: at,
    });
    await insertAuditEvent(trx, {
      at, actorId: actorIdOf(actor), action: 'finance_entry.recorded', entityType: 'finance_entry', entityId: String(entry.id),
      data: { kind, state, amountMinor: parsed.minor, currency, method: entry.method, reason, caseId, orderNumber, approvalOver },
    });
    return presentFinanceEntry(entry);
  });
}

/** Approve or reject (a supervisor, four eyes, when it waits for approval), or mark performed with its reference. */
export async function moveFinanceEntry(store: Store, actor: Actor, input: { id: unknown; to: unknown; reference?: unknown; note?: unknown }): Promise<FinanceEntryView> {
  requirePermission(actor, 'returns.manage');
  const id = parseId(input.id, 'id');
  const reference = optionalText(input.reference, 'reference', 200);
  const note = optionalText(input.note, 'note', 2000);
  return store.db.transaction().execute(async (trx) => {
    const entry = await findFinanceEntry(trx, id, store.dialect);
    if (!entry) throw new DomainError('not_found', 'no such entry', 'id');
    const to = checkFinanceMove({ state: entry.state as FinanceState, requestedBy: entry.requestedBy }, input.to, { id: actorIdOf(actor), mayApprove: can(actor.role, 'refunds.approve') });
    const at = clock.now().toISOString();
    const actorId = actorIdOf(actor);
    const moved = await updateFinanceEntry(trx, id, {
      state: to, updatedAt: at,
      ...(to === 'approved' ? { approvedBy: actorId, approvedAt: at } : {}),
      ...(to === 'performed' ? { performedBy: actorId, performedAt: at, ...(reference ? { reference } : {}) } : {}),
      ...(note ? { note } : {}),
    });
    await insertAuditEvent(trx, {
      at, actorId, action: 'finance_entry.moved', entityType: 'finance_entry', entityId: String(id),
      data: { from: entry.state, to, ...(reference ? { reference } : {}), ...(note ? { note } : {}) },
    });
    return presentFinanceEntry(moved);
  });
}

export async function listFinanceEntriesView(store: Store, actor: Actor, query: { state?: unknown; kind?: unknown; caseId?: unknown; limit?: unknown; cursor?: unknown }) {
  requirePermission(actor, 'returns.read');
  let states: string[] | undefined;
  if (query.state !== undefined && query.state !== '') {
    states = String(query.state).split(',').map((s) => s.trim());
    const bad = states.find((s) => !(FINANCE_STATES as readonly string[]).includes(s));
    if (bad !== undefined) throw invalidInput('state', `${bad} is not a state; expected ${FINANCE_STATES.join(', ')}`);
  }
  const kind = query.kind === undefined || query.kind === '' ? undefined : String(query.kind);
  if (kind !== undefined && !(FINANCE_KINDS as readonly string[]).includes(kind)) throw invalidInput('kind', `expected one of ${FINANCE_KINDS.join(', ')}`);
  const caseId = query.caseId === undefined || query.caseId === '' ? undefined : parseId(query.caseId, 'caseId');
  const limit = query.limit === undefined || query.limit === '' ? 50 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw invalidInput('limit', 'expected a whole number from 1 to 200');
  const beforeId = query.cursor === undefined || query.cursor === '' ? undefined : parseId(query.cursor, 'cursor');
  const rows = await listFinanceEntries(store.db, { ...(states ? { states } : {}), ...(kind ? { kind } : {}), ...(caseId ? { caseId } : {}), ...(beforeId ? { beforeId } : {}), limit: limit + 1 });
  const page = rows.slice(0, limit);
  return { items: page.map(presentFinanceEntry), nextCursor: rows.length > limit ? String(page[page.length - 1]!.id) : null };
}

export async function getFinanceEntry(store: Store, actor: Actor, input: { id: unknown }): Promise<FinanceEntryView> {
  requirePermission(actor, 'returns.read');
  const entry = await findFinanceEntry(store.db, parseId(input.id, 'id'));
  if (!entry) throw new DomainError('not_found', 'no such entry', 'id');
  return presentFinanceEntry(entry);
}
