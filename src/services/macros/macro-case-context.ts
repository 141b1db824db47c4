import type { Executor } from '../../store/database.js';
import type { CaseRecord } from '../../store/repositories/case.repository.js';
import { findCustomerById } from '../../store/repositories/customer.repository.js';
import { findOrderById } from '../../store/repositories/order.repository.js';
import { findUserById } from '../../store/repositories/user.repository.js';
import { findTeamById } from '../../store/repositories/team.repository.js';
import { findLatestPolicy } from '../../store/repositories/policy.repository.js';
import { parsePolicy } from '../../domain/policy/parse-policy.js';
import { minorToDecimal } from '../../domain/money/decimal.js';
import { buildMacroContext } from '../../domain/macros/macro-context.js';
import type { MacroContext } from '../../domain/macros/macro-variables.js';
import type { RenderOptions } from '../../domain/macros/render-macro.js';
import type { Actor } from '../actor.js';

/** The values a macro is filled with for one case, and the zone its dates are printed in. */
export async function loadMacroContext(db: Executor, actor: Actor, c: CaseRecord): Promise<{ context: MacroContext; options: RenderOptions }> {
  const [customer, order, agent, timeZone] = await Promise.all([
    c.customerId !== null ? findCustomerById(db, c.customerId) : undefined,
    c.orderId !== null ? findOrderById(db, c.orderId) : undefined,
    actor.id > 0 ? findUserById(db, actor.id) : undefined,
    deskTimeZone(db, c.teamId),
  ]);
  const context = buildMacroContext({
    case: c,
    customer: customer ?? null,
    order: order
      ? { ...order, total: order.totalMinor !== null && order.currency ? { decimal: minorToDecimal(order.totalMinor, order.currency), currency: order.currency } : null }
      : null,
    agent: agent ? { name: agent.name } : null,
  });
  return { context, options: { timeZone } };
}

const policyZones = new Map<string, string>();

/**
 * Dates in a reply are the customer-facing promise, so they are printed on the calendar of the
 * team that owns the case, or else the policy's desk calendar (the one SLAs are counted in).
 */
async function deskTimeZone(db: Executor, teamId: number | null): Promise<string> {
  if (teamId !== null) {
    const team = await findTeamById(db, teamId);
    const zone = (team?.calendar as { timeZone?: unknown } | null)?.timeZone;
    if (typeof zone === 'string' && zone) return zone;
  }
  const policy = await findLatestPolicy(db);
  if (!policy) return 'UTC';
  // Keyed by version and time: several stores (tests, instances) may number versions alike.
  const key = `${policy.version}@${policy.createdAt}`;
  let zone = policyZones.get(key);
  if (!zone) {
    zone = parsePolicy(policy.yaml, `policy v${policy.version}`).calendar.timeZone;
    policyZones.set(key, zone);
  }
  return zone;
}
