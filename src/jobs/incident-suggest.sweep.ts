import { SYSTEM_ACTOR } from '../services/actor.js';
import { applyIncidentSuggestions } from '../services/incidents/suggest-incidents.js';
import type { SweepDefinition } from './recurring-sweeps.js';
import type { WorkerServices } from './worker-services.js';

/** Every quarter hour: complaints sharing a SKU, category or carrier become incidents (R000-07, R001-15). */
export const INCIDENT_SUGGEST_INTERVAL_MS = 15 * 60_000;

export function incidentSuggestSweep(intervalMs = INCIDENT_SUGGEST_INTERVAL_MS): SweepDefinition<WorkerServices> {
  return {
    name: 'incident-suggest',
    intervalMs,
    async run({ store, now }) {
      const { applied } = await applyIncidentSuggestions(store, SYSTEM_ACTOR, { now });
      return { queued: 0, incidents: applied.length, opened: applied.filter((a) => a.created).length, linked: applied.reduce((n, a) => n + a.linked.length, 0) };
    },
  };
}
