import type { Store } from '../../store/database.js';
import { findPolicyVersion } from '../../store/repositories/policy.repository.js';
import { parsePolicy } from '../../domain/policy/parse-policy.js';
import { DEFAULT_INCIDENT_SETTINGS, parseIncidentSettings, type IncidentSettings } from '../../domain/incidents/incident-settings.js';
import { loadPolicyRuntime } from '../policy/load-policy-runtime.js';
import type { PolicyRuntime } from '../policy/policy-runtime.js';

// The policy in force decides N and M ("at least N cases in M days", R001-15); a new policy
// version is a new runtime object, so the cache never serves stale settings.
const cache = new WeakMap<PolicyRuntime, IncidentSettings>();

export async function loadIncidentSettings(store: Store): Promise<IncidentSettings> {
  const runtime = await loadPolicyRuntime(store);
  const hit = cache.get(runtime);
  if (hit) return hit;
  const stored = await findPolicyVersion(store.db, runtime.version);
  const settings = stored
    ? parseIncidentSettings(parsePolicy(stored.yaml, `policy v${stored.version}`).raw.incidents, `policy v${stored.version}`)
    : DEFAULT_INCIDENT_SETTINGS;
  cache.set(runtime, settings);
  return settings;
}
