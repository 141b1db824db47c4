import type { Store } from '../../store/database.js';
import { findIncidentById, listIncidents } from '../../store/repositories/incident.repository.js';
import { invalidInput } from '../../domain/errors.js';
import { INCIDENT_STATUSES } from '../../domain/incidents/incident.js';
import { requirePermission, type Actor } from '../actor.js';
import { hiddenCategories, incidentNotFound, parseIncidentId, presentIncident, presentIncidentHead, type IncidentView } from './incident-view.js';

/** Incidents newest first; by default the live ones (open and monitoring). */
export async function listIncidentsView(store: Store, actor: Actor, query: { status?: unknown; limit?: unknown; cursor?: unknown }) {
  requirePermission(actor, 'incidents.read');
  let statuses: string[] = ['open', 'monitoring'];
  if (query.status !== undefined && query.status !== '') {
    if (typeof query.status !== 'string') throw invalidInput('status', 'expected comma-separated statuses');
    statuses = query.status === 'all' ? [...INCIDENT_STATUSES] : query.status.split(',').map((s) => s.trim());
    const bad = statuses.find((s) => !(INCIDENT_STATUSES as readonly string[]).includes(s));
    if (bad !== undefined) throw invalidInput('status', `${bad} is not a status; expected ${INCIDENT_STATUSES.join(', ')} or all`);
  }
  const limit = query.limit === undefined || query.limit === '' ? 50 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw invalidInput('limit', 'expected a whole number from 1 to 200');
  const beforeId = query.cursor === undefined || query.cursor === '' ? undefined : Number(query.cursor);
  if (beforeId !== undefined && (!Number.isSafeInteger(beforeId) || beforeId <= 0)) throw invalidInput('cursor', 'expected a cursor from a previous page');
  const rows = await listIncidents(store.db, { statuses, excludeCategories: hiddenCategories(actor), limit: limit + 1, ...(beforeId ? { beforeId } : {}) });
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => presentIncidentHead(r, r.caseCount)),
    nextCursor: rows.length > limit ? String(page[page.length - 1]!.id) : null,
  };
}

export async function getIncident(store: Store, actor: Actor, input: { id: unknown }): Promise<IncidentView> {
  requirePermission(actor, 'incidents.read');
  const incident = await findIncidentById(store.db, parseIncidentId(input.id));
  if (!incident) throw incidentNotFound();
  return presentIncident(store.db, actor, incident);
}
