// Answers of /api/v1/incidents (src/services/incidents/incident-view.ts, suggest-incidents.ts).

export const INCIDENT_STATUSES = ['open', 'monitoring', 'resolved'] as const;

/** open → monitoring → resolved; monitoring may go back to open; resolved is final (R003-04). */
export const INCIDENT_MOVES: Readonly<Record<string, readonly { to: string; label: string }[]>> = {
  open: [{ to: 'monitoring', label: 'Monitor (a fix is in)' }, { to: 'resolved', label: 'Resolve' }],
  monitoring: [{ to: 'open', label: 'Reopen' }, { to: 'resolved', label: 'Resolve' }],
  resolved: [],
};

export interface IncidentCase {
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

export interface Incident {
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
  cases?: IncidentCase[];
}

export interface IncidentSuggestion {
  dimension: string;
  key: string;
  caseIds: string[];
  firstAt: string;
  lastAt: string;
  /** The live incident these cases would join; null when a new one would be opened. */
  incidentId: string | null;
  newCaseIds: string[];
}

export interface SuggestionPreview {
  settings: { minCases: number; windowDays: number; dimensions: string[]; categories: string[] };
  suggestions: IncidentSuggestion[];
}

export interface AppliedSuggestion {
  incidentId: string;
  dimension: string;
  key: string;
  created: boolean;
  linked: string[];
  flagged: string[];
  /** Flagged cases sent up a level (R001-15: red flags escalate up). */
  escalated?: string[];
}

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
