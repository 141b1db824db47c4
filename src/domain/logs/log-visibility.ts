import { can } from '../access/permissions.js';
import { RESTRICTED_CATEGORIES, canSeeCase, type CaseScope, type Viewer } from '../access/case-visibility.js';
import { roleMaySeeLog } from './log-exposure.js';
import type { LogTypeDef } from './log-type.js';

export interface LogScope {
  type: LogTypeDef;
  state: string;
  supplierTeamId: number | null;
}

/**
 * Whether a person may see a case's log entry. Staff see it when they see the case. The supplier
 * sees it only in the types and states of its queue (issue 5 item 2), and only its own team's
 * work: an entry handed to a supplier team is that team's alone — even on a case another team
 * supports (R000-03: back office hands a delay to the supplier) — and one handed to no team is
 * seen where the supplier may see the case. Restricted cases stay hidden (R000-08).
 */
export function canSeeLog(viewer: Viewer, caseScope: CaseScope, log: LogScope): boolean {
  if (!can(viewer.role, 'logs.read')) return false;
  if (!roleMaySeeLog(log.type, log.state, viewer.role)) return false;
  if (viewer.role === 'supplier') {
    if (RESTRICTED_CATEGORIES.has(caseScope.category)) return false;
    if (log.supplierTeamId !== null) return viewer.teamId !== null && log.supplierTeamId === viewer.teamId;
    return canSeeCase(viewer, caseScope);
  }
  return canSeeCase(viewer, caseScope);
}
