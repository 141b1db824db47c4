import type { TeamRecord } from '../../store/repositories/team.repository.js';

export const TEAM_KINDS = ['support', 'back_office', 'supplier', 'compliance', 'escalations', 'store', 'finance'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

export interface TeamView {
  id: string;
  key: string;
  name: string;
  kind: string;
  calendar: unknown;
}

export function presentTeam(t: TeamRecord): TeamView {
  return { id: String(t.id), key: t.key, name: t.name, kind: t.kind, calendar: t.calendar };
}
