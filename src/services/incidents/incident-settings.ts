import type { Store } from '../../store/database.js';
import { DEFAULT_INCIDENT_SETTINGS, parseIncidentSettings, type IncidentSettings } from '../../domain/incidents/incident-settings.js';
import { policySettingsLoader } from '../policy/policy-settings-loader.js';

// The policy in force decides N and M ("at least N cases in M days", R001-15); a new policy
// version is a new runtime object, so the cache never serves stale settings. A policy version
// missing from the store reads as the defaults.
export const loadIncidentSettings: (store: Store) => Promise<IncidentSettings> = policySettingsLoader(
  (policy, source) => parseIncidentSettings(policy.raw.incidents, source),
  { ifNotStored: DEFAULT_INCIDENT_SETTINGS },
);
