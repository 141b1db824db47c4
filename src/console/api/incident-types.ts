// Answers of /api/v1/incidents: the server's view types (type-only, erased from the bundle).

export const INCIDENT_STATUSES = ['open', 'monitoring', 'resolved'] as const;

/** open → monitoring → resolved; monitoring may go back to open; resolved is final (R003-04). */
export const INCIDENT_MOVES: Readonly<Record<string, readonly { to: string; label: string }[]>> = {
  open: [{ to: 'monitoring', label: 'Monitor (a fix is in)' }, { to: 'resolved', label: 'Resolve' }],
  monitoring: [{ to: 'open', label: 'Reopen' }, { to: 'resolved', label: 'Resolve' }],
  resolved: [],
};

export type { IncidentCaseView as IncidentCase, IncidentView as Incident } from '../../services/incidents/incident-view.js';
export type {
  AppliedSuggestion, IncidentSuggestion, IncidentSuggestionPreview as SuggestionPreview,
} from '../../services/incidents/suggest-incidents.js';

/** "SKU CLASP-1", "carrier ups", "category Damaged item" — what the cases share. */
export function sharedLabel(dimension: string | null, key: string | null, humanize: (s: string) => string): string {
  if (!dimension || !key) return '';
  if (dimension === 'sku') return `SKU ${key}`;
  if (dimension === 'carrier') return `carrier ${key}`;
  return `category ${humanize(key)}`;
}

/** Case ids typed by a person: "12, 15 17" → ["12","15","17"]. The server names a bad one by position. */
export function parseCaseIdList(text: string): string[] {
  return text.split(/[\s,;]+/).map((s) => s.trim().replace(/^#/, '')).filter(Boolean);
}
