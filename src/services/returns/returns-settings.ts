import type { Store } from '../../store/database.js';
import { findPolicyVersion } from '../../store/repositories/policy.repository.js';
import { parsePolicy } from '../../domain/policy/parse-policy.js';
import type { BusinessCalendar } from '../../domain/calendar/business-calendar.js';
import { createBusinessCalendar } from '../../domain/calendar/create-business-calendar.js';
import { DomainError } from '../../domain/errors.js';
import { parseReturnPolicy } from '../../domain/returns/return-policy.parse.js';
import type { ReturnPolicy } from '../../domain/returns/return-policy.js';
import { parseRmaSettings, type RmaSettings } from '../../domain/returns/rma-settings.parse.js';
import { loadPolicyRuntime } from '../policy/load-policy-runtime.js';
import type { PolicyRuntime } from '../policy/policy-runtime.js';

/** What returns need from the policy in force: the return policy, RMA settings and the calendar. */
export interface ReturnsSettings {
  policyVersion: number;
  returnPolicy: ReturnPolicy;
  rma: RmaSettings;
  /** The policy's business calendar: RMA targets count in it (R004-05 business days). */
  calendar: BusinessCalendar;
}

// PolicyRuntime compiles the case rules but keeps the `returns:` section and the calendar to itself,
// so the stored version is read once per runtime object (a new version is a new runtime).
const cache = new WeakMap<PolicyRuntime, ReturnsSettings>();

export async function loadReturnsSettings(store: Store): Promise<ReturnsSettings> {
  const runtime = await loadPolicyRuntime(store);
  const hit = cache.get(runtime);
  if (hit) return hit;
  const stored = await findPolicyVersion(store.db, runtime.version);
  if (!stored) throw new DomainError('not_found', `policy version ${runtime.version} is not stored`, 'policyVersion');
  const source = `policy v${stored.version}`;
  const policy = parsePolicy(stored.yaml, source);
  const section = policy.raw.returns;
  const settings: ReturnsSettings = {
    policyVersion: runtime.version,
    returnPolicy: parseReturnPolicy(section, source),
    rma: parseRmaSettings(section, source),
    calendar: createBusinessCalendar(policy.calendar),
  };
  cache.set(runtime, settings);
  return settings;
}
