import type { Executor, Store } from '../../store/database.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import { findLastResolvedAt, findLiveIncidentByKey, insertIncident, listComplaintsSince, updateIncident, type IncidentRecord } from '../../store/repositories/incident.repository.js';
import { RESTRICTED_CATEGORIES } from '../../domain/access/case-visibility.js';
import { findComplaintClusters, type ComplaintCluster } from '../../domain/incidents/find-clusters.js';
import { parseIncidentDimension, suggestedIncidentTitle } from '../../domain/incidents/incident.js';
import { invalidInput } from '../../domain/errors.js';
import type { IncidentSettings } from '../../domain/incidents/incident-settings.js';
import { actorIdOf, requirePermission, type Actor } from '../actor.js';
import { clock } from '../clock.js';
import { linkCasesToIncident } from './incident-links.js';
import { loadIncidentSettings } from './incident-settings.js';
import { loadPolicyRuntime } from '../policy/load-policy-runtime.js';

export interface IncidentSuggestion {
  dimension: string;
  key: string;
  caseIds: string[];
  firstAt: string;
  lastAt: string;
  /** The live incident these cases join; null when a new one would be opened. */
  incidentId: string | null;
  /** Cases not linked to it yet. */
  newCaseIds: string[];
}

export interface IncidentSuggestionPreview {
  settings: IncidentSettings;
  suggestions: IncidentSuggestion[];
}

interface Judged {
  cluster: ComplaintCluster;
  live: IncidentRecord | undefined;
  caseIds: number[];
}

/**
 * The complaints that share a SKU, category or carrier, at least N in M days (R001-15, policy
 * `incidents:`), each against the live incident for that key. Cases before the last resolved
 * incident of the key belong to it, so resolving an incident does not reopen it at once.
 * Restricted cases (chargebacks, fraud) never join an incident everyone reads.
 */
async function judgeClusters(db: Executor, settings: IncidentSettings, now: Date): Promise<Judged[]> {
  const since = new Date(now.getTime() - settings.windowDays * 86_400_000).toISOString();
  const categories = settings.categories.filter((c) => !RESTRICTED_CATEGORIES.has(c));
  const rows = await listComplaintsSince(db, { since, categories });
  const clusters = findComplaintClusters(rows.map((r) => ({ ...r, skus: r.sku ? [r.sku] : [] })), settings, now);
  const openedAt = new Map(rows.map((r) => [r.caseId, r.openedAt]));
  const judged: Judged[] = [];
  for (const cluster of clusters) {
    const live = await findLiveIncidentByKey(db, cluster.dimension, cluster.key);
    let caseIds = cluster.caseIds;
    if (!live) {
      const resolvedAt = await findLastResolvedAt(db, cluster.dimension, cluster.key);
      if (resolvedAt !== null) caseIds = caseIds.filter((id) => (openedAt.get(id) ?? '') > resolvedAt);
      if (caseIds.length < settings.minCases) continue;
    }
    judged.push({ cluster, live, caseIds });
  }
  return judged;
}

async function linkedCaseIds(db: Executor, incidentId: number): Promise<Set<number>> {
  const rows = await db.selectFrom('incident_cases').select('case_id').where('incident_id', '=', incidentId).execute();
  return new Set(rows.map((r) => Number(r.case_id)));
}

/** What the suggestion would do now, without doing it. */
export async function previewIncidentSuggestions(store: Store, actor: Actor, input: { now?: Date } = {}): Promise<IncidentSuggestionPreview> {
  requirePermission(actor, 'incidents.read');
  const settings = await loadIncidentSettings(store);
  const judged = await judgeClusters(store.db, settings, input.now ?? clock.now());
  const suggestions: IncidentSuggestion[] = [];
  for (const j of judged) {
    const linked = j.live ? await linkedCaseIds(store.db, j.live.id) : new Set<number>();
    suggestions.push({
      dimension: j.cluster.dimension, key: j.cluster.key, caseIds: j.caseIds.map(String), firstAt: j.cluster.firstAt, lastAt: j.cluster.lastAt,
      incidentId: j.live ? String(j.live.id) : null, newCaseIds: j.caseIds.filter((id) => !linked.has(id)).map(String),
    });
  }
  return { settings, suggestions };
}

/**
 * The console's "open incident from this suggestion" (issue 8): a lead acts on the one suggestion
 * in front of them, not on every cluster the sweep would open. Both or neither must be given.
 */
function suggestionFilter(input: { dimension?: unknown; key?: unknown }): { dimension: string; key: string } | null {
  const given = (v: unknown) => v !== undefined && v !== null && v !== '';
  if (!given(input.dimension) && !given(input.key)) return null;
  const dimension = parseIncidentDimension(input.dimension, 'dimension');
  if (typeof input.key !== 'string' || input.key.trim() === '' || input.key.length > 200) throw invalidInput('key', 'expected the key the suggestion shares (a SKU, category or carrier)');
  return { dimension, key: input.key };
}

export interface AppliedSuggestion {
  incidentId: string;
  dimension: string;
  key: string;
  created: boolean;
  linked: string[];
  flagged: string[];
  /** Flagged cases sent up a level (R001-15). */
  escalated: string[];
}

/**
 * Opens the suggested incidents, or joins new cases to the live one for the key, and red-flags the
 * cases (R001-15) — in one transaction. Run by a lead on demand and by the recurring sweep; a second
 * run finds everything linked and changes nothing.
 */
export async function applyIncidentSuggestions(
  store: Store,
  actor: Actor,
  input: { now?: Date; dimension?: unknown; key?: unknown } = {},
): Promise<{ applied: AppliedSuggestion[] }> {
  requirePermission(actor, 'incidents.manage');
  const only = suggestionFilter(input);
  const settings = await loadIncidentSettings(store);
  const runtime = await loadPolicyRuntime(store);
  const now = input.now ?? clock.now();
  return store.db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    const applied: AppliedSuggestion[] = [];
    for (const j of await judgeClusters(trx, settings, now)) {
      if (only && (j.cluster.dimension !== only.dimension || j.cluster.key !== only.key)) continue;
      let incident = j.live;
      const created = !incident;
      if (!incident) {
        incident = await insertIncident(trx, {
          title: suggestedIncidentTitle(j.cluster.dimension, j.cluster.key, j.caseIds.length, settings.windowDays), summary: null,
          status: 'open', source: 'suggested', dimension: j.cluster.dimension, dimensionKey: j.cluster.key, openedById: actorIdOf(actor),
          openedAt: at, statusChangedAt: at, resolvedAt: null, updatedAt: at,
        });
        await insertAuditEvent(trx, {
          at, actorId: actorIdOf(actor), action: 'incident.opened', entityType: 'incident', entityId: String(incident.id),
          data: { title: incident.title, source: 'suggested', dimension: j.cluster.dimension, key: j.cluster.key, minCases: settings.minCases, windowDays: settings.windowDays },
        });
      }
      const { linked, flagged, escalated } = await linkCasesToIncident(trx, actor, incident, j.caseIds, { reason: 'suggested', at, settings, dialect: store.dialect, runtime });
      if (!created && linked.length > 0) await updateIncident(trx, incident.id, { updatedAt: at });
      if (created || linked.length > 0 || flagged.length > 0) {
        applied.push({ incidentId: String(incident.id), dimension: j.cluster.dimension, key: j.cluster.key, created, linked: linked.map(String), flagged: flagged.map(String), escalated: escalated.map(String) });
      }
    }
    return { applied };
  });
}
