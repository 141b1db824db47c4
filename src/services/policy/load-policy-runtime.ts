import type { Store } from '../../store/database.js';
import { findLatestPolicy, latestPolicyVersion, insertPolicyVersion } from '../../store/repositories/policy.repository.js';
import { parsePolicy } from '../../domain/policy/parse-policy.js';
import { compilePolicy, type CompiledPolicy } from '../../domain/policy/compile-policy.js';
import { decide } from '../../domain/policy/decide.js';
import { dueTimes } from '../../domain/policy/due-times.js';
import { parseCaseFacts } from '../../domain/policy/parse-case-facts.js';
import { standardDecideDeps } from '../../domain/policy/engine-deps.js';
import type { Channel, Level } from '../../domain/policy/vocabulary.js';
import type { Storefront } from '../../domain/policy/vocabulary.js';
import { readDefaultPolicyText, DEFAULT_POLICY_SOURCE } from '../../integrations/policy-file.js';
import { clock } from '../clock.js';
import type { PolicyRuntime } from './policy-runtime.js';

// The policy in force is the latest stored version (R000-13). It is compiled once per version and
// the version number is re-checked at most every POLICY_RECHECK_MS, so an apply on one instance
// reaches every instance on the same database within seconds, with no restart.
const POLICY_RECHECK_MS = 2_000;

interface Cached {
  runtime: PolicyRuntime;
  checkedAt: number;
}
const cache = new WeakMap<Store, Cached>();

export async function loadPolicyRuntime(store: Store): Promise<PolicyRuntime> {
  const hit = cache.get(store);
  const nowMs = Date.now();
  if (hit && nowMs - hit.checkedAt < POLICY_RECHECK_MS) return hit.runtime;
  const latest = await latestPolicyVersion(store.db);
  if (hit && hit.runtime.version === latest) {
    hit.checkedAt = nowMs;
    return hit.runtime;
  }
  const stored = latest === 0 ? await seedDefaultPolicy(store) : await findLatestPolicy(store.db);
  if (!stored) throw new Error('no policy stored');
  const runtime = createPolicyRuntime(compilePolicy(parsePolicy(stored.yaml, `policy v${stored.version}`)), stored.version);
  cache.set(store, { runtime, checkedAt: nowMs });
  return runtime;
}

/** Forget the cached policy (after an apply on this instance, so it is in force at once). */
export function invalidatePolicyRuntime(store: Store): void {
  cache.delete(store);
}

/** A new desk starts with the shipped default policy as version 1, so every decision names a version. */
export async function seedDefaultPolicy(store: Store) {
  return store.db.transaction().execute(async (trx) => {
    const existing = await findLatestPolicy(trx);
    if (existing) return existing;
    return insertPolicyVersion(trx, { yaml: readDefaultPolicyText(), label: `shipped ${DEFAULT_POLICY_SOURCE}`, authorId: null, at: clock.now().toISOString() });
  }).catch(async (err: unknown) => {
    // Two instances seeding at once: the unique version index lets one win; read what it stored.
    const existing = await findLatestPolicy(store.db);
    if (existing) return existing;
    throw err;
  });
}

const normalizeInstant = (v: string | undefined): string | null => (v === undefined ? null : new Date(v).toISOString());

export function createPolicyRuntime(compiled: CompiledPolicy, version: number): PolicyRuntime {
  const deps = { ...standardDecideDeps, now: () => clock.now() };
  const calendar = () => {
    let cal = compiled.calendars.get(deps.calendar);
    if (!cal) {
      cal = deps.calendar(compiled.policy.calendar);
      compiled.calendars.set(deps.calendar, cal);
    }
    return cal;
  };
  return {
    version,
    parseFacts: (input) => parseCaseFacts(input, compiled.policy),
    decide: (facts) => decide(facts, compiled, deps),
    dueTimes({ priority, channel, openedAt, lastCustomerMessageAt }) {
      const ch = (channel ?? undefined) as Channel | undefined;
      const fromOpen = dueTimes(compiled, priority, ch, openedAt.getTime(), calendar);
      const fromMessage = lastCustomerMessageAt ? dueTimes(compiled, priority, ch, lastCustomerMessageAt.getTime(), calendar) : {};
      return {
        firstResponse: normalizeInstant(fromOpen.firstResponse),
        nextResponse: normalizeInstant(fromMessage.nextResponse),
        resolution: normalizeInstant(fromOpen.resolution),
      };
    },
    pauseStatuses: compiled.policy.sla.pauseStates,
    timeZone: compiled.policy.calendar.timeZone,
    routeTeam(level, storefront) {
      const route = compiled.policy.routing[level as Level];
      if (!route) return null;
      return (storefront ? route.byStorefront[storefront as Storefront] : undefined) ?? route.team;
    },
  };
}
