import type { Selectable } from 'kysely';
import type { Executor } from '../database.js';
import type { IncidentsTable } from '../schema.js';

export interface IncidentRecord {
  id: number;
  title: string;
  summary: string | null;
  status: string;
  source: string;
  dimension: string | null;
  dimensionKey: string | null;
  openedById: number | null;
  openedAt: string;
  statusChangedAt: string;
  resolvedAt: string | null;
  updatedAt: string;
}

function toIncident(row: Selectable<IncidentsTable>): IncidentRecord {
  return {
    id: Number(row.id), title: row.title, summary: row.summary, status: row.status, source: row.source,
    dimension: row.dimension, dimensionKey: row.dimension_key, openedById: row.opened_by_id === null ? null : Number(row.opened_by_id),
    openedAt: row.opened_at, statusChangedAt: row.status_changed_at, resolvedAt: row.resolved_at, updatedAt: row.updated_at,
  };
}

export type NewIncident = Omit<IncidentRecord, 'id'>;

export async function insertIncident(db: Executor, input: NewIncident): Promise<IncidentRecord> {
  const row = await db
    .insertInto('incidents')
    .values({
      title: input.title, summary: input.summary, status: input.status, source: input.source, dimension: input.dimension,
      dimension_key: input.dimensionKey, opened_by_id: input.openedById, opened_at: input.openedAt,
      status_changed_at: input.statusChangedAt, resolved_at: input.resolvedAt, updated_at: input.updatedAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toIncident(row);
}

export async function findIncidentById(db: Executor, id: number, lock?: 'sqlite' | 'postgres'): Promise<IncidentRecord | undefined> {
  let q = db.selectFrom('incidents').selectAll().where('id', '=', id);
  if (lock === 'postgres') q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row && toIncident(row);
}

/** The live (not resolved) incident for a shared key, if any. */
export async function findLiveIncidentByKey(db: Executor, dimension: string, key: string): Promise<IncidentRecord | undefined> {
  const row = await db.selectFrom('incidents').selectAll()
    .where('dimension', '=', dimension).where('dimension_key', '=', key).where('status', '<>', 'resolved')
    .executeTakeFirst();
  return row && toIncident(row);
}

export async function updateIncident(db: Executor, id: number, patch: Partial<Pick<IncidentRecord, 'status' | 'statusChangedAt' | 'resolvedAt' | 'updatedAt' | 'title' | 'summary'>>): Promise<IncidentRecord> {
  const set: Record<string, unknown> = {};
  if (patch.status !== undefined) set.status = patch.status;
  if (patch.statusChangedAt !== undefined) set.status_changed_at = patch.statusChangedAt;
  if (patch.resolvedAt !== undefined) set.resolved_at = patch.resolvedAt;
  if (patch.updatedAt !== undefined) set.updated_at = patch.updatedAt;
  if (patch.title !== undefined) set.title = patch.title;
  if (patch.summary !== undefined) set.summary = patch.summary;
  const row = await db.updateTable('incidents').set(set as never).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  return toIncident(row);
}

export interface IncidentListRow extends IncidentRecord {
  caseCount: number;
}

/** Incidents newest first, with how many of their cases the viewer may see. */
export async function listIncidents(
  db: Executor,
  filter: { statuses?: readonly string[]; excludeCategories: readonly string[]; beforeId?: number; limit: number },
): Promise<IncidentListRow[]> {
  let q = db.selectFrom('incidents as i').selectAll('i')
    .select((eb) => eb.selectFrom('incident_cases as ic').innerJoin('cases as c', 'c.id', 'ic.case_id')
      .select((e) => e.fn.countAll<number>().as('n'))
      .whereRef('ic.incident_id', '=', 'i.id')
      .$if(filter.excludeCategories.length > 0, (s) => s.where('c.category', 'not in', [...filter.excludeCategories]))
      .as('case_count'))
    .orderBy('i.id', 'desc')
    .limit(filter.limit);
  if (filter.statuses && filter.statuses.length > 0) q = q.where('i.status', 'in', [...filter.statuses]);
  if (filter.beforeId !== undefined) q = q.where('i.id', '<', filter.beforeId);
  const rows = await q.execute();
  return rows.map((r) => ({ ...toIncident(r), caseCount: Number(r.case_count ?? 0) }));
}

/** Links cases; returns the case ids newly linked (an existing link is left as it was). */
export async function insertIncidentCases(
  db: Executor,
  links: { incidentId: number; caseId: number; reason: 'manual' | 'suggested'; linkedById: number | null; at: string }[],
): Promise<number[]> {
  const linked: number[] = [];
  // An incident may gather thousands of complaints; 2,000 rows of five parameters per statement
  // stays below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters.
  for (let i = 0; i < links.length; i += 2_000) {
    const rows = await db
      .insertInto('incident_cases')
      .values(links.slice(i, i + 2_000).map((l) => ({ incident_id: l.incidentId, case_id: l.caseId, reason: l.reason, linked_by_id: l.linkedById, linked_at: l.at })))
      .onConflict((oc) => oc.columns(['incident_id', 'case_id']).doNothing())
      .returning('case_id')
      .execute();
    linked.push(...rows.map((r) => Number(r.case_id)));
  }
  return linked;
}

export async function deleteIncidentCase(db: Executor, incidentId: number, caseId: number): Promise<boolean> {
  const result = await db.deleteFrom('incident_cases').where('incident_id', '=', incidentId).where('case_id', '=', caseId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export interface IncidentCaseRow {
  caseId: number;
  subject: string | null;
  category: string;
  status: string;
  priority: string;
  level: string;
  createdAt: string;
  reason: string;
  linkedAt: string;
  flaggedAt: string | null;
}

export async function listIncidentCases(db: Executor, incidentId: number, filter: { excludeCategories: readonly string[] }): Promise<IncidentCaseRow[]> {
  let q = db.selectFrom('incident_cases as ic').innerJoin('cases as c', 'c.id', 'ic.case_id')
    .select(['c.id', 'c.subject', 'c.category', 'c.status', 'c.priority', 'c.level', 'c.created_at', 'ic.reason', 'ic.linked_at', 'ic.flagged_at'])
    .where('ic.incident_id', '=', incidentId)
    .orderBy('c.created_at').orderBy('c.id');
  if (filter.excludeCategories.length > 0) q = q.where('c.category', 'not in', [...filter.excludeCategories]);
  const rows = await q.execute();
  return rows.map((r) => ({
    caseId: Number(r.id), subject: r.subject, category: r.category, status: r.status, priority: r.priority, level: r.level,
    createdAt: r.created_at, reason: r.reason, linkedAt: r.linked_at, flaggedAt: r.flagged_at,
  }));
}

/** Live incidents a case belongs to (for its red flags). */
export async function listIncidentIdsOfCase(db: Executor, caseId: number): Promise<number[]> {
  const rows = await db.selectFrom('incident_cases').select('incident_id').where('case_id', '=', caseId).execute();
  return rows.map((r) => Number(r.incident_id));
}

export interface ComplaintRow {
  caseId: number;
  openedAt: string;
  category: string;
  sku: string | null;
  carrier: string | null;
}

/** Cases opened since `since` in the given categories, with their log entry's SKU and their order's carrier. */
export async function listComplaintsSince(db: Executor, input: { since: string; categories: readonly string[] }): Promise<ComplaintRow[]> {
  if (input.categories.length === 0) return [];
  const rows = await db
    .selectFrom('cases as c')
    .leftJoin('case_logs as l', 'l.case_id', 'c.id')
    .leftJoin('orders as o', 'o.id', 'c.order_id')
    .select(['c.id', 'c.created_at', 'c.category', 'l.sku', 'o.carrier'])
    .where('c.created_at', '>=', input.since)
    .where('c.category', 'in', [...input.categories])
    .orderBy('c.created_at')
    .execute();
  return rows.map((r) => ({ caseId: Number(r.id), openedAt: r.created_at, category: r.category, sku: r.sku ?? null, carrier: r.carrier ?? null }));
}

/** The shipping carrier of an order (R001-15: complaints sharing a carrier), set from the platform's tracking company. */
export async function setOrderCarrier(db: Executor, orderId: number, carrier: string): Promise<boolean> {
  const result = await db.updateTable('orders').set({ carrier }).where('id', '=', orderId)
    .where((eb) => eb.or([eb('carrier', 'is', null), eb('carrier', '<>', carrier)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Linked cases not red-flagged yet for this incident. */
export async function listUnflaggedIncidentCases(db: Executor, incidentId: number): Promise<number[]> {
  const rows = await db.selectFrom('incident_cases').select('case_id').where('incident_id', '=', incidentId).where('flagged_at', 'is', null).orderBy('case_id').execute();
  return rows.map((r) => Number(r.case_id));
}

export async function countIncidentCases(db: Executor, incidentId: number): Promise<number> {
  const row = await db.selectFrom('incident_cases').select((eb) => eb.fn.countAll<number>().as('n')).where('incident_id', '=', incidentId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function markIncidentCasesFlagged(db: Executor, incidentId: number, caseIds: readonly number[], at: string): Promise<void> {
  if (caseIds.length === 0) return;
  await db.updateTable('incident_cases').set({ flagged_at: at }).where('incident_id', '=', incidentId).where('case_id', 'in', [...caseIds]).execute();
}

/** When the last incident for this shared key was resolved: cases before it belong to that one. */
export async function findLastResolvedAt(db: Executor, dimension: string, key: string): Promise<string | null> {
  const row = await db.selectFrom('incidents').select((eb) => eb.fn.max('resolved_at').as('at'))
    .where('dimension', '=', dimension).where('dimension_key', '=', key).where('status', '=', 'resolved')
    .executeTakeFirst();
  return (row?.at as string | null | undefined) ?? null;
}
