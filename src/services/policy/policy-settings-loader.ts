import type { Store } from '../../store/database.js';
import { findPolicyVersion } from '../../store/repositories/policy.repository.js';
import { DomainError } from '../../domain/errors.js';
import { parsePolicy } from '../../domain/policy/parse-policy.js';
import type { Policy } from '../../domain/policy/policy-model.js';
import { loadPolicyRuntime } from './load-policy-runtime.js';
import type { PolicyRuntime } from './policy-runtime.js';

/**
 * A loader of settings read from a section of the policy in force (R000-13). PolicyRuntime compiles
 * the case rules but keeps the other sections to itself, so the stored version is parsed once per
 * runtime object; a new version is a new runtime, so the cache never serves stale settings.
 * `ifNotStored` answers when the version in force is missing from the store; without it that is
 * not_found on `policyVersion`.
 */
export function policySettingsLoader<T extends object>(
  read: (policy: Policy, source: string, version: number) => T,
  options: { ifNotStored?: T } = {},
): (store: Store) => Promise<T> {
  const cache = new WeakMap<PolicyRuntime, T>();
  return async (store) => {
    const runtime = await loadPolicyRuntime(store);
    const hit = cache.get(runtime);
    if (hit) return hit;
    const stored = await findPolicyVersion(store.db, runtime.version);
    let settings: T;
    if (stored) {
      const source = `policy v${stored.version}`;
      settings = read(parsePolicy(stored.yaml, source), source, runtime.version);
    } else if (options.ifNotStored) {
      settings = options.ifNotStored;
    } else {
      throw new DomainError('not_found', `policy version ${runtime.version} is not stored`, 'policyVersion');
    }
    cache.set(runtime, settings);
    return settings;
  };
}
