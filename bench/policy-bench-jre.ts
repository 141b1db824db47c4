import { Engine } from 'json-rules-engine';
import type { RuleProperties } from 'json-rules-engine';
import type { CaseFacts } from '../src/domain/policy/case-facts.js';
import { levelRank, priorityUrgency } from '../src/domain/policy/compile-policy.js';
import { parseDecimalAmount } from '../src/domain/policy/decimal-amount.js';
import { localEpochDay, parseIsoDate, parseIsoDateTime } from '../src/domain/policy/iso-time.js';
import type { Comparison, Policy, RuleCondition, RuleEffect } from '../src/domain/policy/policy-model.js';
import { LEVELS, PRIORITIES, SIGNALS } from '../src/domain/policy/vocabulary.js';

// The same category, offense, signal-threshold and fact rules as the default policy, encoded for
// json-rules-engine (the usual off-the-shelf choice) so the benchmark compares like with like. The
// rules are translated from the parsed policy, not written twice by hand.

export interface JreOutcome {
  level: string;
  priority: string;
  escalate: boolean;
}

/** One json-rules-engine condition (the package does not export this shape). */
interface Leaf {
  fact: string;
  operator: string;
  value: unknown;
  path?: string;
}

const OPERATOR: Record<keyof Comparison<number>, string> = {
  gte: 'greaterThanInclusive', gt: 'greaterThan', lte: 'lessThanInclusive', lt: 'lessThan', eq: 'equal',
};

export function buildJsonRulesEngine(policy: Policy): (facts: CaseFacts) => Promise<JreOutcome> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  const categories = Object.values(policy.categories);
  const groupOf = new Map(categories.map((c) => [c.id, c.group]));
  const tz = policy.calendar.timeZone;

  engine.addFact('group', (_p, almanac) => almanac.factValue<string>('category').then((c) => groupOf.get(c)));
  engine.addFact('offenseBased', (_p, almanac) => almanac.factValue<string>('category').then((c) => policy.categories[c]?.offenseBased));
  engine.addFact('signals', (_p, almanac) =>
    almanac.factValue<CaseFacts['timeline']>('timeline').then((timeline) => {
      const counts: Record<string, number> = {};
      for (const e of timeline ?? []) if (e.type === 'signal') counts[e.signal] = (counts[e.signal] ?? 0) + 1;
      return counts;
    }),
  );
  engine.addFact('offense', async (_p, almanac) => {
    const [category, customer, now] = await Promise.all([
      almanac.factValue<string>('category'), almanac.factValue<CaseFacts['customer']>('customer'), almanac.factValue<string>('now'),
    ]);
    const nowMs = parseIsoDateTime(now)!;
    let n = 1;
    for (const p of customer?.priorIssues ?? []) {
      if (groupOf.get(p.category) === groupOf.get(category) && (p.at === undefined || parseIsoDateTime(p.at)! <= nowMs)) n++;
    }
    return n;
  });
  const amountFact = (get: (f: { order?: CaseFacts['order']; refund?: CaseFacts['refund'] }) => string | undefined) =>
    async (_p: unknown, almanac: { factValue<T>(id: string): Promise<T> }) => {
      const [order, refund] = await Promise.all([almanac.factValue<CaseFacts['order']>('order'), almanac.factValue<CaseFacts['refund']>('refund')]);
      const text = get({ order, refund });
      return text === undefined ? undefined : parseDecimalAmount(text);
    };
  engine.addFact('orderTotal', amountFact((f) => f.order?.total));
  engine.addFact('refundAmount', amountFact((f) => f.refund?.amount));
  engine.addFact('neededByDays', async (_p, almanac) => {
    const [order, now] = await Promise.all([almanac.factValue<CaseFacts['order']>('order'), almanac.factValue<string>('now')]);
    const day = order?.neededBy === undefined ? undefined : parseIsoDate(order.neededBy);
    return day === undefined ? undefined : day - localEpochDay(parseIsoDateTime(now)!, tz);
  });

  const rules: RuleProperties[] = [];
  const add = (all: Leaf[], effect: Pick<RuleEffect, 'level' | 'priority' | 'escalate'>, source: string) =>
    rules.push({
      conditions: { all },
      event: {
        type: source,
        params: {
          level: effect.level ? levelRank(effect.level) : 0,
          urgency: effect.priority ? priorityUrgency(effect.priority) : 0,
          escalates: effect.escalate ?? (effect.level ? levelRank(effect.level) > 1 : false),
        },
      },
    });

  for (const band of policy.offenses.bands) {
    const all: Leaf[] = [
      { fact: 'offenseBased', operator: 'equal', value: true },
      { fact: 'offense', operator: 'greaterThanInclusive', value: band.from },
    ];
    if (band.to !== undefined) all.push({ fact: 'offense', operator: 'lessThanInclusive', value: band.to });
    add(all, band, 'offense');
  }
  for (const signal of SIGNALS) {
    for (const t of policy.signals[signal] ?? []) {
      const all: Leaf[] = [{ fact: 'signals', path: `$.${signal}`, operator: 'greaterThanInclusive', value: t.atLeast }];
      if (t.atMost !== undefined) all.push({ fact: 'signals', path: `$.${signal}`, operator: 'lessThanInclusive', value: t.atMost });
      add(all, t, 'signal');
    }
  }
  for (const rule of policy.rules) add(translate(rule.when), rule, 'rule');
  for (const rule of rules) engine.addRule(rule);

  // Category defaults are a table, not rules: looking them up is the fair encoding (70 one-condition
  // rules would make json-rules-engine several times slower still).
  return async (facts) => {
    const { events } = await engine.run({ ...facts });
    const category = policy.categories[facts.category]!;
    let level = levelRank(category.level);
    let urgency = priorityUrgency(category.priority);
    let escalate = false;
    for (const e of events) {
      const p = e.params as { level: number; urgency: number; escalates: boolean };
      level = Math.max(level, p.level);
      urgency = Math.max(urgency, p.urgency);
      escalate ||= p.escalates;
    }
    return { level: LEVELS[level - 1]!, priority: PRIORITIES[PRIORITIES.length - urgency]!, escalate };
  };
}

function translate(when: RuleCondition): Leaf[] {
  const all: Leaf[] = [];
  const inList = (fact: string, value: readonly string[] | undefined, path?: string) => {
    if (value) all.push({ fact, operator: 'in', value: [...value], ...(path && { path }) });
  };
  const compare = (fact: string, cmp: Comparison<number> | undefined, path?: string) => {
    for (const [op, v] of Object.entries(cmp ?? {})) all.push({ fact, operator: OPERATOR[op as keyof Comparison<number>], value: v, ...(path && { path }) });
  };
  const scaled = (cmp: Comparison<string> | undefined) =>
    cmp && Object.fromEntries(Object.entries(cmp).map(([op, v]) => [op, parseDecimalAmount(v)!]));
  inList('category', when.category);
  inList('group', when.group);
  if (when.offenseBased !== undefined) all.push({ fact: 'offenseBased', operator: 'equal', value: when.offenseBased });
  inList('channel', when.channel);
  inList('storefront', when.storefront);
  inList('severity', when.severity);
  if (when['customer.vip'] !== undefined) all.push({ fact: 'customer', path: '$.vip', operator: 'equal', value: when['customer.vip'] });
  compare('orderTotal', scaled(when['order.total']));
  compare('refundAmount', scaled(when['refund.amount']));
  compare('order', when['order.failedDeliveries'], '$.failedDeliveries');
  inList('order', when['order.fulfillment'], '$.fulfillment');
  inList('order', when['order.destination'], '$.destination');
  if (when['order.neededBy']) compare('neededByDays', { gte: 0, lte: when['order.neededBy'].withinDays });
  for (const [signal, cmp] of Object.entries(when.signals ?? {})) compare('signals', cmp, `$.${signal}`);
  return all;
}
