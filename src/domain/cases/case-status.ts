import { DomainError } from '../errors.js';

export const CASE_STATUSES = [
  'new', 'open', 'pending_customer', 'pending_supplier', 'pending_internal', 'resolved', 'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const PENDING_STATUSES: ReadonlySet<CaseStatus> = new Set(['pending_customer', 'pending_supplier', 'pending_internal']);
const WORKING: CaseStatus[] = ['open', 'pending_customer', 'pending_supplier', 'pending_internal'];

// new → open → pending_* → resolved → closed, with reopen from resolved or closed (issue 2 item 4).
const ALLOWED: Record<CaseStatus, readonly CaseStatus[]> = {
  new: [...WORKING, 'resolved'],
  open: ['pending_customer', 'pending_supplier', 'pending_internal', 'resolved'],
  pending_customer: ['open', 'pending_supplier', 'pending_internal', 'resolved'],
  pending_supplier: ['open', 'pending_customer', 'pending_internal', 'resolved'],
  pending_internal: ['open', 'pending_customer', 'pending_supplier', 'resolved'],
  resolved: ['closed', 'open'],
  closed: ['open'],
};

export function isCaseStatus(value: unknown): value is CaseStatus {
  return typeof value === 'string' && (CASE_STATUSES as readonly string[]).includes(value);
}

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return ALLOWED[from].includes(to);
}

export function assertTransition(from: CaseStatus, to: CaseStatus): void {
  if (!canTransition(from, to)) {
    throw new DomainError('invalid_transition', `cannot move a case from ${from} to ${to}`, 'status');
  }
}

export function isReopen(from: CaseStatus, to: CaseStatus): boolean {
  return (from === 'resolved' || from === 'closed') && to === 'open';
}

/** Where a customer's message moves a case: back into work if it waited on them or was resolved. */
export function statusAfterCustomerMessage(current: CaseStatus): CaseStatus {
  if (current === 'pending_customer' || current === 'resolved') return 'open';
  return current;
}

export function isOpenStatus(status: CaseStatus): boolean {
  return status !== 'resolved' && status !== 'closed';
}
