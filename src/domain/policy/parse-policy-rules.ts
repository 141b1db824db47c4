import { parseDecimalAmount } from './decimal-amount.js';
import type {
  CategorySpec, Comparison, OffenseBand, OffenseSpec, PolicyRule, RuleCondition, RuleEffect, SignalThreshold,
} from './policy-model.js';
import { COMPARATORS } from './policy-model.js';
import type { YamlPath } from './policy-problems.js';
import type { Plain, PolicyReader } from './policy-reader.js';
import {
  ACTIONS, CHANNELS, DESTINATIONS, FULFILLMENT_STATES, LEVELS, PRIORITIES, SEVERITIES, SIGNALS, STOREFRONTS,
} from './vocabulary.js';
import type { Signal } from './vocabulary.js';

const EFFECT_KEYS = ['rule', 'text', 'level', 'escalate', 'priority', 'actions', 'redFlag'] as const;
const CATEGORY_KEYS = ['label', 'group', 'level', 'priority', 'offenseBased', 'rule', 'redFlags', 'partner'] as const;
const CONDITION_KEYS = [
  'category', 'group', 'offenseBased', 'channel', 'storefront', 'severity', 'customer.vip', 'order.total',
  'order.failedDeliveries', 'order.fulfillment', 'order.destination', 'order.neededBy', 'refund.amount', 'signals',
] as const;
const RULE_ID = /^R\d{3}-\d{2}/;
const NAME = /^[a-z][a-z0-9_]*$/;

export function readCategories(r: PolicyReader, value: unknown, path: YamlPath): Record<string, CategorySpec> {
  const out: Record<string, CategorySpec> = {};
  const map = r.map(value, path);
  if (!map) return out;
  for (const [id, raw] of Object.entries(map)) {
    const p = [...path, id];
    if (!NAME.test(id)) r.src.add(p, 'a category id is lower_snake_case', 'key');
    const c = r.map(raw, p, CATEGORY_KEYS);
    if (!c) continue;
    const group = r.required(c, 'group', p) !== undefined ? r.string(c.group, [...p, 'group']) : undefined;
    const level = r.required(c, 'level', p) !== undefined ? r.oneOf(c.level, [...p, 'level'], LEVELS) : undefined;
    const priority = r.required(c, 'priority', p) !== undefined ? r.oneOf(c.priority, [...p, 'priority'], PRIORITIES) : undefined;
    const rule = readRuleId(r, c, p);
    const offenseBased = c.offenseBased === undefined ? false : r.boolean(c.offenseBased, [...p, 'offenseBased']);
    const redFlags = c.redFlags === undefined ? [] : readNames(r, c.redFlags, [...p, 'redFlags']);
    const label = c.label === undefined ? undefined : r.string(c.label, [...p, 'label']);
    const partner = c.partner === undefined ? undefined : r.string(c.partner, [...p, 'partner']);
    if (group && level && priority && rule && offenseBased !== undefined && redFlags) {
      out[id] = { id, group, level, priority, offenseBased, rule, redFlags, ...(label && { label }), ...(partner && { partner }) };
    }
  }
  return out;
}

export function readOffenses(r: PolicyReader, value: unknown, path: YamlPath): OffenseSpec | undefined {
  const map = r.map(value, path, ['lookbackDays', 'bands']);
  if (!map) return undefined;
  const lookbackDays = map.lookbackDays === undefined ? undefined : r.number(map.lookbackDays, [...path, 'lookbackDays'], { min: 1, integer: true });
  const items = r.list(r.required(map, 'bands', path) ?? [], [...path, 'bands']) ?? [];
  const bands: OffenseBand[] = [];
  items.forEach((raw, i) => {
    const p = [...path, 'bands', i];
    const b = r.map(raw, p, ['from', 'to', ...EFFECT_KEYS]);
    if (!b) return;
    const from = r.number(r.required(b, 'from', p), [...p, 'from'], { min: 1, integer: true });
    const to = b.to === undefined ? undefined : r.number(b.to, [...p, 'to'], { min: from ?? 1, integer: true });
    const effect = readEffect(r, b, p);
    if (effect && b.level === undefined) r.src.add([...p, 'level'], 'required');
    if (from !== undefined && effect?.level) bands.push({ ...effect, level: effect.level, from, ...(to !== undefined && { to }) });
  });
  const sorted = [...bands].sort((a, b) => a.from - b.from);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    if (prev.to === undefined || prev.to >= sorted[i]!.from) r.problem([...path, 'bands'], 'offense bands overlap');
  }
  return { bands: sorted, ...(lookbackDays !== undefined && { lookbackDays }) };
}

export function readSignalThresholds(r: PolicyReader, value: unknown, path: YamlPath): Partial<Record<Signal, SignalThreshold[]>> {
  const out: Partial<Record<Signal, SignalThreshold[]>> = {};
  const map = r.map(value, path);
  if (!map) return out;
  for (const [name, raw] of Object.entries(map)) {
    const p = [...path, name];
    if (!(SIGNALS as readonly string[]).includes(name)) {
      r.src.add(p, `unknown signal (expected one of ${SIGNALS.join(', ')})`, 'key');
      continue;
    }
    const items = r.list(raw, p) ?? [];
    const thresholds: SignalThreshold[] = [];
    items.forEach((item, i) => {
      const tp = [...p, i];
      const t = r.map(item, tp, ['atLeast', 'atMost', ...EFFECT_KEYS]);
      if (!t) return;
      const atLeast = r.number(r.required(t, 'atLeast', tp), [...tp, 'atLeast'], { min: 1, integer: true });
      const atMost = t.atMost === undefined ? undefined : r.number(t.atMost, [...tp, 'atMost'], { min: atLeast ?? 1, integer: true });
      const effect = readEffect(r, t, tp);
      if (atLeast !== undefined && effect) thresholds.push({ ...effect, atLeast, ...(atMost !== undefined && { atMost }) });
    });
    out[name as Signal] = thresholds;
  }
  return out;
}

/**
 * `declared` holds every category id and group written in the document, valid or not, so a category
 * with a bad field is reported once, not again by every rule that names it.
 */
export function readRules(
  r: PolicyReader, value: unknown, path: YamlPath, declared: { categories: Set<string>; groups: Set<string> },
): PolicyRule[] {
  const rules: PolicyRule[] = [];
  (r.list(value, path) ?? []).forEach((raw, i) => {
    const p = [...path, i];
    const m = r.map(raw, p, ['id', 'when', ...EFFECT_KEYS]);
    if (!m) return;
    const id = m.id === undefined ? undefined : r.string(m.id, [...p, 'id']);
    const when = readCondition(r, r.required(m, 'when', p), [...p, 'when'], declared);
    const effect = readEffect(r, m, p);
    if (when && effect) rules.push({ ...effect, when, ...(id !== undefined && { id }) });
  });
  return rules;
}

function readCondition(
  r: PolicyReader, value: unknown, path: YamlPath, declared: { categories: Set<string>; groups: Set<string> },
): RuleCondition | undefined {
  if (value === undefined) return undefined;
  const m = r.map(value, path, CONDITION_KEYS);
  if (!m) return undefined;
  const before = r.src.problems.length;
  const cond: RuleCondition = {};
  const at = (key: string): YamlPath => [...path, key];
  if (m.category !== undefined) cond.category = readIds(r, m.category, at('category'), declared.categories, 'category');
  if (m.group !== undefined) cond.group = readIds(r, m.group, at('group'), declared.groups, 'group');
  if (m.offenseBased !== undefined) cond.offenseBased = r.boolean(m.offenseBased, at('offenseBased'));
  if (m.channel !== undefined) cond.channel = r.words(m.channel, at('channel'), CHANNELS);
  if (m.storefront !== undefined) cond.storefront = r.words(m.storefront, at('storefront'), STOREFRONTS);
  if (m.severity !== undefined) cond.severity = r.words(m.severity, at('severity'), SEVERITIES);
  if (m['customer.vip'] !== undefined) cond['customer.vip'] = r.boolean(m['customer.vip'], at('customer.vip'));
  if (m['order.fulfillment'] !== undefined) cond['order.fulfillment'] = r.words(m['order.fulfillment'], at('order.fulfillment'), FULFILLMENT_STATES);
  if (m['order.destination'] !== undefined) cond['order.destination'] = r.words(m['order.destination'], at('order.destination'), DESTINATIONS);
  if (m['order.total'] !== undefined) cond['order.total'] = readComparison(r, m['order.total'], at('order.total'), 'amount');
  if (m['refund.amount'] !== undefined) cond['refund.amount'] = readComparison(r, m['refund.amount'], at('refund.amount'), 'amount');
  if (m['order.failedDeliveries'] !== undefined) {
    cond['order.failedDeliveries'] = readComparison(r, m['order.failedDeliveries'], at('order.failedDeliveries'), 'count');
  }
  if (m['order.neededBy'] !== undefined) {
    const nb = r.map(m['order.neededBy'], at('order.neededBy'), ['withinDays']);
    const days = nb && r.number(r.required(nb, 'withinDays', at('order.neededBy')), [...at('order.neededBy'), 'withinDays'], { min: 0, integer: true });
    if (days !== undefined) cond['order.neededBy'] = { withinDays: days };
  }
  if (m.signals !== undefined) {
    const sm = r.map(m.signals, at('signals'), SIGNALS);
    if (sm) {
      cond.signals = {};
      for (const [name, cmp] of Object.entries(sm)) {
        const c = readComparison(r, cmp, [...at('signals'), name], 'count');
        if (c) cond.signals[name as Signal] = c;
      }
    }
  }
  return r.src.problems.length === before ? cond : undefined;
}

function readIds(r: PolicyReader, value: unknown, path: YamlPath, known: Set<string>, kind: string): string[] | undefined {
  const items = typeof value === 'string' ? [value] : r.list(value, path);
  if (!items) return undefined;
  const before = r.src.problems.length;
  items.forEach((id, i) => {
    if (typeof id !== 'string' || !known.has(id)) r.problem(typeof value === 'string' ? path : [...path, i], `unknown ${kind} ${JSON.stringify(id)}`);
  });
  return r.src.problems.length === before ? (items as string[]) : undefined;
}

/** `{ gte: 2 }`; a bare value is shorthand for `gte`. Amounts stay decimal strings. */
function readComparison(r: PolicyReader, value: unknown, path: YamlPath, kind: 'amount' | 'count'): Comparison<never> | undefined {
  const m: Plain | undefined = typeof value === 'object' && value !== null && !Array.isArray(value) ? r.map(value, path, COMPARATORS) : { gte: value };
  if (!m) return undefined;
  if (Object.keys(m).length === 0) return r.problem(path, `expected one of ${COMPARATORS.join(', ')}`);
  const out: Record<string, unknown> = {};
  for (const [op, v] of Object.entries(m)) {
    const p = typeof value === 'object' ? [...path, op] : path;
    if (kind === 'count') out[op] = r.number(v, p, { min: 0, integer: true });
    else if (typeof v !== 'string' || parseDecimalAmount(v) === undefined) r.problem(p, 'expected a decimal string such as "500.00"');
    else out[op] = v;
  }
  return Object.values(out).includes(undefined) ? undefined : (out as Comparison<never>);
}

export function readEffect(r: PolicyReader, m: Plain, path: YamlPath): RuleEffect | undefined {
  const before = r.src.problems.length;
  const rule = readRuleId(r, m, path);
  const text = r.string(r.required(m, 'text', path), [...path, 'text']);
  const effect: RuleEffect = { rule: rule ?? '', text: text ?? '' };
  if (m.level !== undefined) effect.level = r.oneOf(m.level, [...path, 'level'], LEVELS);
  if (m.escalate !== undefined) effect.escalate = r.boolean(m.escalate, [...path, 'escalate']);
  if (m.priority !== undefined) effect.priority = r.oneOf(m.priority, [...path, 'priority'], PRIORITIES);
  if (m.actions !== undefined) effect.actions = r.words(m.actions, [...path, 'actions'], ACTIONS);
  if (m.redFlag !== undefined) effect.redFlag = readNames(r, m.redFlag, [...path, 'redFlag'])?.[0];
  if (r.src.problems.length === before && effect.level === undefined && effect.priority === undefined && !effect.actions && !effect.redFlag && effect.escalate === undefined) {
    r.problem(path, 'a rule must set at least one of level, priority, actions, redFlag, escalate');
  }
  return r.src.problems.length === before ? effect : undefined;
}

function readRuleId(r: PolicyReader, m: Plain, path: YamlPath): string | undefined {
  const rule = r.string(r.required(m, 'rule', path), [...path, 'rule']);
  if (rule !== undefined && !RULE_ID.test(rule)) return r.problem([...path, 'rule'], 'expected a requirement ID such as R003-06');
  return rule;
}

function readNames(r: PolicyReader, value: unknown, path: YamlPath): string[] | undefined {
  const items = typeof value === 'string' ? [value] : r.list(value, path);
  if (!items) return undefined;
  const bad = items.findIndex((v) => typeof v !== 'string' || !NAME.test(v));
  if (bad >= 0) return r.problem(typeof value === 'string' ? path : [...path, bad], 'expected a lower_snake_case name');
  return items as string[];
}
