import type { Executor } from '../../store/database.js';
import { findPolicyVersion } from '../../store/repositories/policy.repository.js';
import { findTeamById } from '../../store/repositories/team.repository.js';
import { parsePolicy } from '../../domain/policy/parse-policy.js';
import type { SlaSpec } from '../../domain/policy/policy-model.js';
import type { BusinessCalendar, BusinessCalendarSpec } from '../../domain/calendar/business-calendar.js';
import { createBusinessCalendar } from '../../domain/calendar/create-business-calendar.js';
import { DomainError } from '../../domain/errors.js';
import type { PolicyRuntime } from '../policy/policy-runtime.js';
import { readBreachSettings, readOrderSlaSettings, type BreachSettings, type OrderSlaSettings } from './sla-settings.js';

/** The parts of the policy in force that clocks, breaches and order SLAs need. */
export interface SlaPolicy {
  version: number;
  sla: SlaSpec;
  calendar: BusinessCalendar;
  breach: BreachSettings;
  orderSla: OrderSlaSettings;
}

// PolicyRuntime exposes due instants but not the targets behind them (business or calendar time
// matters once a clock pauses), so the stored version is read once per runtime object.
const cache = new WeakMap<PolicyRuntime, SlaPolicy>();

export async function slaPolicyOf(db: Executor, runtime: PolicyRuntime): Promise<SlaPolicy> {
  const hit = cache.get(runtime);
  if (hit) return hit;
  const stored = await findPolicyVersion(db, runtime.version);
  if (!stored) throw new DomainError('not_found', `policy version ${runtime.version} is not stored`, 'policyVersion');
  const policy = parsePolicy(stored.yaml, `policy v${stored.version}`);
  const view: SlaPolicy = {
    version: runtime.version,
    sla: policy.sla,
    calendar: createBusinessCalendar(policy.calendar),
    breach: readBreachSettings(policy.raw),
    orderSla: readOrderSlaSettings(policy.raw),
  };
  cache.set(runtime, view);
  return view;
}

/**
 * The calendar a case's clocks count in: its team's calendar when the team has one (issue 4 item 1:
 * calendars per team), otherwise the policy's. A team calendar that no longer validates falls back
 * to the policy's rather than stopping every clock of the team.
 */
export async function calendarForCase(db: Executor, policy: SlaPolicy, caseRow: { teamId: number | null }): Promise<BusinessCalendar> {
  if (caseRow.teamId === null) return policy.calendar;
  return calendarOfTeam(policy, (await findTeamById(db, caseRow.teamId)) ?? null);
}

/** calendarForCase for a caller that read the case's team (or none) itself. */
export function calendarOfTeam(policy: SlaPolicy, team: { key: string; calendar: unknown } | null): BusinessCalendar {
  if (!team?.calendar) return policy.calendar;
  try {
    return createBusinessCalendar(team.calendar as BusinessCalendarSpec, { field: `teams.${team.key}.calendar` });
  } catch (err) {
    if (err instanceof DomainError) return policy.calendar;
    throw err;
  }
}

/** For callers holding only the runtime (openCase, mutateCase): the calendar to pass to syncCaseClocks. */
export async function caseCalendar(db: Executor, runtime: PolicyRuntime, caseRow: { teamId: number | null }): Promise<BusinessCalendar> {
  return calendarForCase(db, await slaPolicyOf(db, runtime), caseRow);
}
