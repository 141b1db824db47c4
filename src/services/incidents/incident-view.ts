import type { Executor } from '../../store/database.js';
import { listIncidentCases, type IncidentRecord } from '../../store/repositories/incident.repository.js';
import { can } from '../../domain/access/permissions.js';
import { RESTRICTED_CATEGORIES } from '../../domain/access/case-visibility.js';
import { DomainError, invalidInput } from '../../domain/errors.js';
import type { Actor } from '../actor.js';

export interface IncidentCaseView {
  id: string;
  subject: string | null;
  category: string;
  status: string;
  priority: string;
  level: string;
  openedAt: string;
  reason: string;
  linkedAt: string;
  /** Carries the red flag "multiple complaints about the same issue" (R001-15). */
  flagged: boolean;
}

export interface IncidentView {
  id: string;
  title: string;
  summary: string | null;
  status: string;
  source: string;
  dimension: string | null;
  key: string | null;
  openedById: string | null;
  openedAt: string;
  statusChangedAt: string;
  resolvedAt: string | null;
  updatedAt: string;
  caseCount: number;
  cases?: IncidentCaseView[];
}

/** Categories this person may not see: their cases are left out of every incident they read (R000-08). */
export function hiddenCategories(actor: Actor): string[] {
  return can(actor.role, 'restricted.read') ? [] : [...RESTRICTED_CATEGORIES];
}

export function parseIncidentId(value: unknown): number {
  const id = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) throw invalidInput('id', 'expected an incident id');
  return id;
}

export function incidentNotFound(): DomainError {
  return new DomainError('not_found', 'no such incident', 'id');
}

export function presentIncidentHead(i: IncidentRecord, caseCount: number): IncidentView {
  return {
    id: String(i.id), title: i.title, summary: i.summary, status: i.status, source: i.source, dimension: i.dimension, key: i.dimensionKey,
    openedById: i.openedById === null ? null : String(i.openedById), openedAt: i.openedAt, statusChangedAt: i.statusChangedAt,
    resolvedAt: i.resolvedAt, updatedAt: i.updatedAt, caseCount,
  };
}

export async function presentIncident(db: Executor, actor: Actor, i: IncidentRecord): Promise<IncidentView> {
  const cases = await listIncidentCases(db, i.id, { excludeCategories: hiddenCategories(actor) });
  return {
    ...presentIncidentHead(i, cases.length),
    cases: cases.map((c) => ({
      id: String(c.caseId), subject: c.subject, category: c.category, status: c.status, priority: c.priority, level: c.level,
      openedAt: c.createdAt, reason: c.reason, linkedAt: c.linkedAt, flagged: c.flaggedAt !== null,
    })),
  };
}
