import type { Executor, Store } from '../../store/database.js';
import { findTeamByKey } from '../../store/repositories/team.repository.js';

// Routing names teams by key on every case; keys never change and teams are never deleted, so a
// key's id is remembered per store. A key not found is asked again after a while, or at once
// after a team is created on this instance.
const MISSING_TTL_MS = 10_000;
interface KeyCache {
  known: Map<string, number>;
  missingUntil: Map<string, number>;
}
const caches = new WeakMap<Store, KeyCache>();

function cacheOf(store: Store): KeyCache {
  let c = caches.get(store);
  if (!c) caches.set(store, (c = { known: new Map(), missingUntil: new Map() }));
  return c;
}

export async function teamIdByKey(store: Store, db: Executor, key: string): Promise<number | null> {
  const cache = cacheOf(store);
  const id = cache.known.get(key);
  if (id !== undefined) return id;
  const until = cache.missingUntil.get(key);
  if (until !== undefined && until > Date.now()) return null;
  const team = await findTeamByKey(db, key);
  if (!team) {
    cache.missingUntil.set(key, Date.now() + MISSING_TTL_MS);
    return null;
  }
  cache.known.set(key, team.id);
  cache.missingUntil.delete(key);
  return team.id;
}

export function forgetMissingTeams(store: Store): void {
  cacheOf(store).missingUntil.clear();
}
