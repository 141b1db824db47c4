import type { Store } from '../../store/database.js';
import { appendCaseEvents } from '../../store/repositories/case-event.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import { deleteIncidentCase, findIncidentById, insertIncident, updateIncident } from '../../store/repositories/incident.repository.js';
import { DomainError, invalidInput } from '../../domain/errors.js';
import { checkIncidentMove, type IncidentStatus } from '../../domain/incidents/incident.js';
import { actorIdOf, requirePermission, type Actor } from '../actor.js';
import { clock } from '../clock.js';
import { assertLinkableCases, linkCasesToIncident, parseCaseIds } from './incident-links.js';
import { loadIncidentSettings } from './incident-settings.js';
import { loadPolicyRuntime } from '../policy/load-policy-runtime.js';
import { incidentNotFound, parseIncidentId, presentIncident, type IncidentView } from './incident-view.js';

function text(value: unknown, field: string, max: number, required: boolean): string | null {
  if (value === undefined || value === null || (!required && value === '')) {
    if (required) throw invalidInput(field, 'required');
    return null;
  }
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) throw invalidInput(field, `expected text of 1 to ${max} characters`);
  return value.trim();
}

/** An agent logs a new or trending issue (R000-07) with the cases it has seen so far. */
export async function openIncident(store: Store, actor: Actor, input: { title?: unknown; summary?: unknown; caseIds?: unknown }): Promise<IncidentView> {
  requirePermission(actor, 'incidents.write');
  const title = text(input.title, 'title', 200, true)!;
  const summary = text(input.summary, 'summary', 4000, false);
  const caseIds = input.caseIds === undefined ? [] : parseCaseIds(input.caseIds);
  const settings = await loadIncidentSettings(store);
  const runtime = await loadPolicyRuntime(store);
  return store.db.transaction().execute(async (trx) => {
    await assertLinkableCases(trx, actor, caseIds);
    const at = clock.now().toISOString();
    const incident = await insertIncident(trx, {
      title, summary, status: 'open', source: 'manual', dimension: null, dimensionKey: null, openedById: actorIdOf(actor),
      openedAt: at, statusChangedAt: at, resolvedAt: null, updatedAt: at,
    });
    await insertAuditEvent(trx, { at, actorId: actorIdOf(actor), action: 'incident.opened', entityType: 'incident', entityId: String(incident.id), data: { title, summary, source: 'manual' } });
    if (caseIds.length > 0) await linkCasesToIncident(trx, actor, incident, caseIds, { reason: 'manual', at, settings, dialect: store.dialect, runtime });
    return presentIncident(trx, actor, incident);
  });
}

/** Links more cases to a live incident (each case visible to the person linking it). */
export async function linkIncidentCases(store: Store, actor: Actor, input: { id: unknown; caseIds: unknown }): Promise<IncidentView> {
  requirePermission(actor, 'incidents.write');
  const id = parseIncidentId(input.id);
  const caseIds = parseCaseIds(input.caseIds);
  const settings = await loadIncidentSettings(store);
  const runtime = await loadPolicyRuntime(store);
  return store.db.transaction().execute(async (trx) => {
    const incident = await findIncidentById(trx, id, store.dialect);
    if (!incident) throw incidentNotFound();
    await assertLinkableCases(trx, actor, caseIds);
    const at = clock.now().toISOString();
    const { linked } = await linkCasesToIncident(trx, actor, incident, caseIds, { reason: 'manual', at, settings, dialect: store.dialect, runtime });
    const after = linked.length > 0 ? await updateIncident(trx, id, { updatedAt: at }) : incident;
    return presentIncident(trx, actor, after);
  });
}

/** Takes a case out of an incident (linked by mistake). The red flag it got stays in its history. */
export async function unlinkIncidentCase(store: Store, actor: Actor, input: { id: unknown; caseId: unknown }): Promise<IncidentView> {
  requirePermission(actor, 'incidents.write');
  const id = parseIncidentId(input.id);
  const [caseId] = parseCaseIds([input.caseId], 'caseId');
  return store.db.transaction().execute(async (trx) => {
    const incident = await findIncidentById(trx, id, store.dialect);
    if (!incident) throw incidentNotFound();
    if (incident.status === 'resolved') throw new DomainError('conflict', 'the incident is resolved; its cases no longer change', 'id');
    await assertLinkableCases(trx, actor, [caseId!], 'caseId');
    const at = clock.now().toISOString();
    if (!(await deleteIncidentCase(trx, id, caseId!))) throw new DomainError('not_found', `case ${caseId} is not linked to this incident`, 'caseId');
    const actorId = actorIdOf(actor);
    await appendCaseEvents(trx, [{ caseId: caseId!, type: 'incident_unlinked', actorId, actorKind: 'user', at, internal: true, data: { incidentId: String(id), title: incident.title } }]);
    await insertAuditEvent(trx, { at, actorId, action: 'incident.unlinked', entityType: 'incident', entityId: String(id), data: { caseId: caseId! } });
    return presentIncident(trx, actor, await updateIncident(trx, id, { updatedAt: at }));
  });
}

/** open → monitoring → resolved (R003-04: L2 and up call out and follow trends); other moves refused with a code. */
export async function moveIncident(store: Store, actor: Actor, input: { id: unknown; to: unknown; note?: unknown }): Promise<IncidentView> {
  requirePermission(actor, 'incidents.manage');
  const id = parseIncidentId(input.id);
  const note = text(input.note, 'note', 2000, false);
  return store.db.transaction().execute(async (trx) => {
    const incident = await findIncidentById(trx, id, store.dialect);
    if (!incident) throw incidentNotFound();
    const to = checkIncidentMove(incident.status as IncidentStatus, input.to);
    const at = clock.now().toISOString();
    const moved = await updateIncident(trx, id, { status: to, statusChangedAt: at, resolvedAt: to === 'resolved' ? at : null, updatedAt: at });
    await insertAuditEvent(trx, {
      at, actorId: actorIdOf(actor), action: 'incident.moved', entityType: 'incident', entityId: String(id), data: { from: incident.status, to, ...(note ? { note } : {}) },
    });
    return presentIncident(trx, actor, moved);
  });
}
