import { can } from './permissions.js';
import type { Role } from './roles.js';

/** Categories whose cases live in the restricted chargebacks & fraud log (R000-08). */
export const RESTRICTED_CATEGORIES: ReadonlySet<string> = new Set(['chargeback', 'fraud']);

export interface Viewer {
  id: number;
  role: Role;
  teamId: number | null;
}

export interface CaseScope {
  category: string;
  teamId: number | null;
  /** The supporting team (R000-01), e.g. the supplier on an out-of-stock case. */
  partnerTeamId?: number | null;
  assigneeId: number | null;
}

/**
 * Whether a person may see a case at all. Invisible cases answer 404, never 403, so their
 * existence does not leak (contract: operations.md).
 */
export function canSeeCase(viewer: Viewer, scope: CaseScope): boolean {
  if (RESTRICTED_CATEGORIES.has(scope.category) && !can(viewer.role, 'restricted.read')) return false;
  if (viewer.role === 'supplier') {
    // The supplier sees only its own queue: cases its team owns or supports, or handed to it personally.
    const mine = viewer.teamId !== null && (scope.teamId === viewer.teamId || scope.partnerTeamId === viewer.teamId);
    return mine || scope.assigneeId === viewer.id;
  }
  return can(viewer.role, 'cases.read');
}

/** The same rule as a filter the store can apply to a listing. */
export interface CaseListScope {
  excludeCategories: string[];
  /** When set, only cases this team owns or supports, or assigned to this user. */
  onlyTeamOrAssignee: { teamId: number | null; userId: number } | null;
}

export function caseListScope(viewer: Viewer): CaseListScope {
  return {
    excludeCategories: can(viewer.role, 'restricted.read') ? [] : [...RESTRICTED_CATEGORIES],
    onlyTeamOrAssignee: viewer.role === 'supplier' ? { teamId: viewer.teamId, userId: viewer.id } : null,
  };
}
