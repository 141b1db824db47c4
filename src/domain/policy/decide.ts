import type { BusinessCalendar, BusinessCalendarSpec } from '../calendar/business-calendar.js';
import type { CaseFacts, Decision, DecisionReason } from './case-facts.js';
import { actionsOf, SIGNAL_INDEX } from './compile-policy.js';
import type { CompiledCategory, CompiledPolicy, CompiledRule, RuleContext } from './compile-policy.js';
import { dueTimes } from './due-times.js';
import { parseIsoDateTime } from './iso-time.js';
import { LEVELS, PRIORITIES, SIGNALS } from './vocabulary.js';
import type { Signal } from './vocabulary.js';

export interface DecideDeps {
  /** Signals found in one customer message (src/domain/signals/detect-signals.ts in production). */
  detectSignals(text: string): readonly { signal: Signal }[];
  /** Builds the business calendar of the policy; called once per policy and factory, then cached. */
  calendar(spec: BusinessCalendarSpec): BusinessCalendar;
  /** The clock when the facts carry no `now`. */
  now?(): Date;
}

/**
 * The policy engine (decision.md, "How the default policy joins the five seeds"). Pure: everything it
 * reads is in the facts, the compiled policy and the injected detector, calendar and clock. Facts must
 * have passed parseCaseFacts.
 *
 * - level: the highest of the category's, the offense band's and every fired rule's;
 * - escalate: a rule other than the category's own placement raised the level above L1;
 * - priority: the most urgent of the category's and every fired rule's;
 * - actions: those of every fired rule, plus the escalation's (R002-08) when escalating.
 */
export function decide(facts: CaseFacts, policy: CompiledPolicy, deps: DecideDeps): Decision {
  const category = policy.categories.get(facts.category);
  if (!category) throw new Error(`category ${facts.category} is not in policy ${policy.version}; validate facts first`);
  const nowMs = (facts.now === undefined ? undefined : parseIsoDateTime(facts.now)) ?? (deps.now ? deps.now().getTime() : Date.now());
  const ctx: RuleContext = { facts, nowMs, counts: countSignals(facts, deps) };
  const acc: Accumulator = {
    category, level: category.level, urgency: category.urgency, escalate: false, actions: 0,
    redFlags: category.spec.redFlags.length > 0 ? [...category.spec.redFlags] : [], reasons: [],
  };

  let offense: number | undefined;
  if (category.spec.offenseBased) {
    offense = offenseNumber(facts, category.spec.group, policy, nowMs);
    for (const band of policy.offenseBands) if (offense >= band.from && offense <= band.to) apply(acc, band.rule);
  }
  for (let i = 0; i < SIGNALS.length; i++) {
    if (ctx.counts[i] === 0) continue;
    for (const rule of policy.signalRules[i]!) if (rule.test(ctx)) apply(acc, rule);
  }
  for (const rule of category.rules) if (rule.test(ctx)) apply(acc, rule);
  if (acc.escalate && policy.escalationMask !== 0) {
    acc.actions |= policy.escalationMask;
    addReason(acc.reasons, policy.escalationReason);
  }

  const priority = PRIORITIES[PRIORITIES.length - acc.urgency]!;
  const level = LEVELS[acc.level - 1]!;
  const route = policy.policy.routing[level];
  const team = (facts.storefront && route.byStorefront[facts.storefront]) || route.team;
  const decision: Decision = {
    priority,
    level,
    escalate: acc.escalate,
    signals: signalCounts(ctx.counts),
    redFlags: acc.redFlags,
    actions: actionsOf(acc.actions),
    due: dueTimes(policy, priority, facts.channel, nowMs, () => calendarFor(policy, deps)),
    reasons: acc.reasons,
    route: category.spec.partner ? { team, partner: category.spec.partner } : { team },
  };
  if (offense !== undefined) decision.offense = offense;
  decision.policyVersion = policy.version;
  return decision;
}

interface Accumulator {
  category: CompiledCategory;
  level: number;
  urgency: number;
  escalate: boolean;
  actions: number;
  redFlags: string[];
  reasons: DecisionReason[];
}

function apply(acc: Accumulator, rule: CompiledRule): void {
  if (rule.level > acc.level) acc.level = rule.level;
  if (rule.urgency > acc.urgency) acc.urgency = rule.urgency;
  if (rule.escalates) acc.escalate = true;
  acc.actions |= rule.actionMask;
  if (rule.redFlag !== undefined && !acc.redFlags.includes(rule.redFlag)) acc.redFlags.push(rule.redFlag);
  // A rule that changes nothing against the category's defaults (a first offense staying at L1)
  // needs no explanation.
  const { category } = acc;
  if (rule.level > category.level || rule.urgency > category.urgency || rule.actionMask !== 0 || rule.redFlag !== undefined || rule.escalates) {
    addReason(acc.reasons, rule.reason);
  }
}

/**
 * Signal counts: an agent-recorded signal event counts 1; a customer message counts at most once per
 * signal it shows; agent messages never count (an agent quoting "chargeback" is not a threat).
 */
export function countSignals(facts: CaseFacts, deps: Pick<DecideDeps, 'detectSignals'>): number[] {
  const counts = new Array<number>(SIGNALS.length).fill(0);
  const timeline = facts.timeline;
  if (!timeline) return counts;
  for (const event of timeline) {
    if (event.type === 'signal') {
      counts[SIGNAL_INDEX.get(event.signal)!]! += 1;
    } else if (event.type === 'message' && event.from === 'customer' && event.text) {
      const seen = new Set<Signal>();
      for (const hit of deps.detectSignals(event.text)) seen.add(hit.signal);
      for (const signal of seen) counts[SIGNAL_INDEX.get(signal)!]! += 1;
    }
  }
  return counts;
}

function signalCounts(counts: number[]): Decision['signals'] {
  const out: Decision['signals'] = {};
  for (let i = 0; i < counts.length; i++) if (counts[i]! > 0) out[SIGNALS[i]!] = counts[i]!;
  return out;
}

/**
 * Which offense this case is: earlier issues of the same group (this customer's and linked accounts',
 * R003-03) plus this one. Issues dated after `now` are not earlier; undated ones count.
 */
function offenseNumber(facts: CaseFacts, group: string, policy: CompiledPolicy, nowMs: number): number {
  let n = 1;
  const since = policy.lookbackMs === undefined ? Number.NEGATIVE_INFINITY : nowMs - policy.lookbackMs;
  for (const issue of facts.customer?.priorIssues ?? []) {
    if (policy.groupOf.get(issue.category) !== group) continue;
    const at = issue.at === undefined ? undefined : parseIsoDateTime(issue.at);
    if (at !== undefined && (at > nowMs || at < since)) continue;
    n++;
  }
  return n;
}

function addReason(reasons: DecisionReason[], reason: DecisionReason): void {
  if (!reasons.some((r) => r.rule === reason.rule && r.text === reason.text)) reasons.push(reason);
}

function calendarFor(policy: CompiledPolicy, deps: DecideDeps): BusinessCalendar {
  const factory = deps.calendar as unknown as object;
  let calendar = policy.calendars.get(factory);
  if (!calendar) {
    calendar = deps.calendar(policy.policy.calendar);
    policy.calendars.set(factory, calendar);
  }
  return calendar;
}
