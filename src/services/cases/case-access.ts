import type { Executor } from '../../store/database.js';
import { findCaseById, type CaseRecord } from '../../store/repositories/case.repository.js';
import { canSeeCase } from '../../domain/access/case-visibility.js';
import { DomainError } from '../../domain/errors.js';
import type { Actor } from '../actor.js';

export function parseCaseId(value: unknown): number {
  const id = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) throw new DomainError('invalid_input', 'expected a case id', 'id');
  return id;
}

export function assertCanSee(actor: Actor, c: CaseRecord): void {
  // Invisible cases are "not found", never "forbidden", so their existence does not leak.
  if (!canSeeCase({ id: actor.id, role: actor.role, teamId: actor.teamId }, { category: c.category, teamId: c.teamId, partnerTeamId: c.partnerTeamId, assigneeId: c.assigneeId })) {
    throw new DomainError('not_found', 'no such case', 'id');
  }
}

export async function loadVisibleCase(db: Executor, actor: Actor, id: number): Promise<CaseRecord> {
  const c = await findCaseById(db, id);
  if (!c) throw new DomainError('not_found', 'no such case', 'id');
  assertCanSee(actor, c);
  return c;
}
