import type { IncidentDimension } from './incident.js';
import type { IncidentSettings } from './incident-settings.js';

/** A complaint as the suggestion sees it: when it came in and what it is about. */
export interface ComplaintFacts {
  caseId: number;
  openedAt: string;
  category: string;
  skus: readonly string[];
  carrier: string | null;
}

export interface ComplaintCluster {
  dimension: IncidentDimension;
  key: string;
  /** Oldest first. */
  caseIds: number[];
  firstAt: string;
  lastAt: string;
}

function keysOf(c: ComplaintFacts, dimension: IncidentDimension): string[] {
  if (dimension === 'category') return [c.category];
  if (dimension === 'carrier') return c.carrier ? [c.carrier.trim().toLowerCase()] : [];
  return [...new Set(c.skus.map((s) => s.trim().toUpperCase()))];
}

/**
 * Groups of at least `minCases` complaints opened within `windowDays` of `now` that share a SKU,
 * a category or a carrier (R001-15 "multiple complaints same issue"; R000-07). SKUs compare
 * case-insensitively, carriers too ("UPS" = "ups"). Only complaint categories count.
 */
export function findComplaintClusters(complaints: readonly ComplaintFacts[], settings: IncidentSettings, now: Date): ComplaintCluster[] {
  const since = new Date(now.getTime() - settings.windowDays * 86_400_000).toISOString();
  const until = now.toISOString();
  const counted = complaints
    .filter((c) => c.openedAt >= since && c.openedAt <= until && settings.categories.includes(c.category))
    .sort((a, b) => (a.openedAt === b.openedAt ? a.caseId - b.caseId : a.openedAt < b.openedAt ? -1 : 1));
  const clusters: ComplaintCluster[] = [];
  for (const dimension of settings.dimensions) {
    const groups = new Map<string, ComplaintFacts[]>();
    for (const c of counted) for (const key of keysOf(c, dimension)) groups.set(key, [...(groups.get(key) ?? []), c]);
    for (const [key, members] of groups) {
      const ids = [...new Set(members.map((m) => m.caseId))];
      if (ids.length < settings.minCases) continue;
      clusters.push({ dimension, key, caseIds: ids, firstAt: members[0]!.openedAt, lastAt: members[members.length - 1]!.openedAt });
    }
  }
  return clusters.sort((a, b) => b.caseIds.length - a.caseIds.length || a.dimension.localeCompare(b.dimension) || a.key.localeCompare(b.key));
}
