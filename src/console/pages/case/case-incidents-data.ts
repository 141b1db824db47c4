import type { TimelineEntry } from '../../api/types.js';

/** The red flag R001-15 names (src/services/incidents/incident-links.ts). */
export const MULTIPLE_COMPLAINTS_FLAG = 'multiple_complaints_same_issue';

const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

/** The incidents the case is in now: linked and not unlinked since, read from its timeline (R000-07). */
export function linkedIncidents(timeline: readonly TimelineEntry[]): { id: string; title: string }[] {
  const current = new Map<string, string>();
  for (const e of timeline) {
    if (e.type === 'incident_linked') current.set(str(e.data.incidentId), str(e.data.title));
    else if (e.type === 'incident_unlinked') current.delete(str(e.data.incidentId));
  }
  return [...current].map(([id, title]) => ({ id, title }));
}

/** R001-15: the case carries the red flag "multiple complaints about the same issue". */
export function multipleComplaintsFlag(timeline: readonly TimelineEntry[]): TimelineEntry | null {
  return [...timeline].reverse().find((e) => e.type === 'red_flag' && e.data.flag === MULTIPLE_COMPLAINTS_FLAG) ?? null;
}
