import type { BusinessCalendar } from '../calendar/business-calendar.js';
import type { CaseFacts, DecisionReason } from './case-facts.js';
import { parseDecimalAmount } from './decimal-amount.js';
import { localEpochDay, parseIsoDate, parseIsoDateTime } from './iso-time.js';
import type { CategorySpec, Comparison, Policy, PolicyRule, RuleCondition, RuleEffect, SlaTargets } from './policy-model.js';
import { ACTIONS, LEVELS, PRIORITIES, SIGNALS } from './vocabulary.js';
import type { Action, Channel, Priority, Signal } from './vocabulary.js';

// The policy compiled once into lookup tables and closures, so a decision costs a few array reads
// per rule instead of re-reading the document (issue 3: >= 100,000 decisions/s on one core).

export const SIGNAL_INDEX: ReadonlyMap<Signal, number> = new Map(SIGNALS.map((s, i) => [s, i]));
/** L1..L4 → 1..4. */
export const levelRank = (level: string): number => LEVELS.indexOf(level as (typeof LEVELS)[number]) + 1;
/** Urgency: P3 → 1, P2 → 2, P1 → 3, so "most urgent" is the maximum. */
export const priorityUrgency = (priority: string): number => PRIORITIES.length - PRIORITIES.indexOf(priority as Priority);
// Actions travel as bits of a 32-bit mask.
if (ACTIONS.length > 31) throw new Error('the action vocabulary outgrew its bit mask');

/** What the engine knows about one case while deciding. */
export interface RuleContext {
  facts: CaseFacts;
  nowMs: number;
  /** Count per signal, indexed like SIGNALS. */
  counts: number[];
}

export interface CompiledRule {
  test: (ctx: RuleContext) => boolean;
  /** 0 when the rule does not set a level. */
  level: number;
  /** 0 when the rule does not set a priority. */
  urgency: number;
  escalates: boolean;
  actions: readonly Action[];
  /** The actions as bits in ACTIONS order, so a decision collects them without sets or sorting. */
  actionMask: number;
  redFlag: string | undefined;
  reason: DecisionReason;
}

export interface CompiledOffenseBand {
  from: number;
  to: number;
  rule: CompiledRule;
}

export interface CompiledCategory {
  spec: CategorySpec;
  level: number;
  urgency: number;
  /** Rules whose category/group part already matched at compile time; the rest is tested per case. */
  rules: CompiledRule[];
}

export interface CompiledPolicy {
  policy: Policy;
  version: string;
  categories: ReadonlyMap<string, CompiledCategory>;
  groupOf: ReadonlyMap<string, string>;
  /** Thresholds per signal, indexed like SIGNALS; only looked at when the count is above zero. */
  signalRules: CompiledRule[][];
  offenseBands: CompiledOffenseBand[];
  lookbackMs: number | undefined;
  escalationActions: readonly Action[];
  escalationMask: number;
  escalationReason: DecisionReason;
  sla: Record<Priority, SlaTargets>;
  channelSla: Partial<Record<Channel, SlaTargets>>;
  /** One calendar per factory, built on first use (building one may load holiday tables). */
  calendars: WeakMap<object, BusinessCalendar>;
}

export function compilePolicy(policy: Policy): CompiledPolicy {
  const tz = policy.calendar.timeZone;
  const compiledRules = policy.rules.map((rule) => ({ rule, compiled: compileEffect(rule, conditionTest(rule.when, tz)) }));
  const categories = new Map<string, CompiledCategory>();
  for (const spec of Object.values(policy.categories)) {
    const rules = compiledRules.filter(({ rule }) => staticMatch(rule, spec)).map(({ compiled }) => compiled);
    categories.set(spec.id, { spec, level: levelRank(spec.level), urgency: priorityUrgency(spec.priority), rules });
  }
  const signalRules: CompiledRule[][] = SIGNALS.map((signal, i) =>
    (policy.signals[signal] ?? []).map((t) => {
      const max = t.atMost ?? Number.POSITIVE_INFINITY;
      return compileEffect(t, (ctx) => ctx.counts[i]! >= t.atLeast && ctx.counts[i]! <= max);
    }),
  );
  return {
    policy,
    version: policy.version,
    categories,
    groupOf: new Map(Object.values(policy.categories).map((c) => [c.id, c.group])),
    signalRules,
    offenseBands: policy.offenses.bands.map((b) => ({ from: b.from, to: b.to ?? Number.POSITIVE_INFINITY, rule: compileEffect(b, () => true) })),
    lookbackMs: policy.offenses.lookbackDays === undefined ? undefined : policy.offenses.lookbackDays * 86_400_000,
    escalationActions: policy.escalation.actions,
    escalationMask: actionMask(policy.escalation.actions),
    escalationReason: { rule: policy.escalation.rule, text: policy.escalation.text },
    sla: policy.sla.priorities,
    channelSla: policy.sla.channels,
    calendars: new WeakMap(),
  };
}

export function actionMask(actions: readonly Action[]): number {
  let mask = 0;
  for (const a of actions) mask |= 1 << ACTIONS.indexOf(a);
  return mask;
}

/** The actions of a mask in vocabulary order. */
export function actionsOf(mask: number): Action[] {
  const out: Action[] = [];
  for (let i = 0; mask !== 0 && i < ACTIONS.length; i++) {
    if (mask & (1 << i)) {
      out.push(ACTIONS[i]!);
      mask &= ~(1 << i);
    }
  }
  return out;
}

function compileEffect(effect: RuleEffect, test: (ctx: RuleContext) => boolean): CompiledRule {
  const level = effect.level ? levelRank(effect.level) : 0;
  return {
    test,
    level,
    urgency: effect.priority ? priorityUrgency(effect.priority) : 0,
    escalates: effect.escalate ?? level > 1,
    actions: effect.actions ?? [],
    actionMask: actionMask(effect.actions ?? []),
    redFlag: effect.redFlag,
    reason: { rule: effect.rule, text: effect.text },
  };
}

/** Category, group and offense-based parts are known per category, so they are settled once here. */
function staticMatch(rule: PolicyRule, spec: CategorySpec): boolean {
  const w = rule.when;
  return (
    (!w.category || w.category.includes(spec.id)) &&
    (!w.group || w.group.includes(spec.group)) &&
    (w.offenseBased === undefined || w.offenseBased === spec.offenseBased)
  );
}

type Test = (ctx: RuleContext) => boolean;

function conditionTest(w: RuleCondition, timeZone: string): Test {
  const tests: Test[] = [];
  const inList = <T>(list: readonly T[] | undefined, get: (f: CaseFacts) => T | undefined) => {
    if (list) tests.push((ctx) => { const v = get(ctx.facts); return v !== undefined && list.includes(v); });
  };
  inList(w.channel, (f) => f.channel);
  inList(w.storefront, (f) => f.storefront);
  inList(w.severity, (f) => f.severity);
  inList(w['order.fulfillment'], (f) => f.order?.fulfillment);
  inList(w['order.destination'], (f) => f.order?.destination);
  const vip = w['customer.vip'];
  if (vip !== undefined) tests.push((ctx) => ctx.facts.customer?.vip !== undefined && ctx.facts.customer.vip === vip);
  if (w['order.total']) tests.push(amountTest(w['order.total'], (f) => f.order?.total));
  if (w['refund.amount']) tests.push(amountTest(w['refund.amount'], (f) => f.refund?.amount));
  if (w['order.failedDeliveries']) {
    const cmp = comparisonTest(w['order.failedDeliveries']);
    tests.push((ctx) => { const n = ctx.facts.order?.failedDeliveries; return n !== undefined && cmp(n); });
  }
  const needed = w['order.neededBy'];
  if (needed) {
    tests.push((ctx) => {
      const days = daysUntil(ctx.facts.order?.neededBy, ctx.nowMs, timeZone);
      return days !== undefined && days >= 0 && days <= needed.withinDays;
    });
  }
  for (const [signal, cmp] of Object.entries(w.signals ?? {})) {
    const i = SIGNAL_INDEX.get(signal as Signal)!;
    const holds = comparisonTest(cmp);
    tests.push((ctx) => holds(ctx.counts[i]!));
  }
  if (tests.length === 0) return () => true;
  if (tests.length === 1) return tests[0]!;
  return (ctx) => tests.every((t) => t(ctx));
}

function amountTest(cmp: Comparison<string>, get: (f: CaseFacts) => string | undefined): Test {
  const scaled: Comparison<number> = {};
  for (const [op, v] of Object.entries(cmp)) scaled[op as keyof Comparison<number>] = parseDecimalAmount(v)!;
  const holds = comparisonTest(scaled);
  return (ctx) => {
    const text = get(ctx.facts);
    const amount = text === undefined ? undefined : parseDecimalAmount(text);
    return amount !== undefined && holds(amount);
  };
}

function comparisonTest(cmp: Comparison<number>): (n: number) => boolean {
  const { gte, gt, lte, lt, eq } = cmp;
  return (n) =>
    (gte === undefined || n >= gte) && (gt === undefined || n > gt) && (lte === undefined || n <= lte) &&
    (lt === undefined || n < lt) && (eq === undefined || n === eq);
}

/** Whole local days from today to the needed-by date, in the policy calendar's time zone. */
function daysUntil(neededBy: string | undefined, nowMs: number, timeZone: string): number | undefined {
  if (neededBy === undefined) return undefined;
  let day = parseIsoDate(neededBy);
  if (day === undefined) {
    const ms = parseIsoDateTime(neededBy);
    if (ms === undefined) return undefined;
    day = localEpochDay(ms, timeZone);
  }
  return day - localEpochDay(nowMs, timeZone);
}
