import { DomainError } from '../errors.js';
import type { Decision } from './case-facts.js';
import { parseCaseFacts } from './parse-case-facts.js';
import { readCategories, readOffenses, readRules, readSignalThresholds } from './parse-policy-rules.js';
import { readCalendar, readEscalation, readRouting, readSla } from './parse-policy-sla.js';
import type { Policy, PolicyExample } from './policy-model.js';
import { DUE_FIELDS } from './policy-model.js';
import { fieldToPath, PolicyError, YamlSource } from './policy-problems.js';
import type { YamlPath } from './policy-problems.js';
import { PolicyReader } from './policy-reader.js';
import { ACTIONS, LEVELS, PRIORITIES, SIGNALS } from './vocabulary.js';

/** Sections other modules own: accepted and passed through as raw data on `Policy.raw`. */
export const PASSTHROUGH_SECTIONS = ['returns', 'orderSla', 'incidents', 'slaBreach', 'caseLogs'] as const;

const TOP_KEYS = [
  'version', 'description', 'routing', 'categories', 'offenses', 'signals', 'rules', 'escalation', 'sla', 'calendar',
  'examples', ...PASSTHROUGH_SECTIONS,
] as const;
const EXPECT_KEYS = ['priority', 'level', 'escalate', 'signals', 'redFlags', 'actions', 'due', 'route', 'offense', 'policyVersion'] as const;

/**
 * Reads a policy document. Pure: the same text gives the same policy, whether it came from a file or
 * from the database. Throws PolicyError listing every problem with its line.
 */
export function parsePolicy(yamlText: string, source: string): Policy {
  const src = new YamlSource(yamlText, source);
  const data = src.toJS();
  if (src.problems.length > 0) throw new PolicyError(src.problems);
  const r = new PolicyReader(src);
  const top = r.map(data ?? null, [], TOP_KEYS);
  if (!top) throw new PolicyError(src.problems);

  const version = r.string(r.required(top, 'version', []), ['version']);
  const description = top.description === undefined ? undefined : r.string(top.description, ['description']);
  const categories = readCategories(r, r.required(top, 'categories', []) ?? {}, ['categories']);
  const routing = readRouting(r, r.required(top, 'routing', []) ?? {}, ['routing']);
  const offenses = readOffenses(r, top.offenses ?? { bands: [] }, ['offenses']);
  const signals = top.signals === undefined ? {} : readSignalThresholds(r, top.signals, ['signals']);
  const rules = top.rules === undefined ? [] : readRules(r, top.rules, ['rules'], declaredCategories(top.categories));
  const escalation = readEscalation(r, r.required(top, 'escalation', []) ?? {}, ['escalation']);
  const sla = readSla(r, r.required(top, 'sla', []) ?? {}, ['sla']);
  const calendar = readCalendar(r, r.required(top, 'calendar', []) ?? {}, ['calendar']);
  const raw: Record<string, unknown> = {};
  for (const key of PASSTHROUGH_SECTIONS) if (top[key] !== undefined) raw[key] = top[key];

  if (src.problems.length > 0 || !version || !routing || !offenses || !escalation || !sla || !calendar) {
    throw new PolicyError(src.problems);
  }
  const policy: Policy = {
    source, version, routing, categories, offenses, signals, rules, escalation, sla, calendar, examples: [], raw, text: yamlText,
    ...(description !== undefined && { description }),
  };
  if (top.examples !== undefined) policy.examples = readExamples(r, top.examples, policy);
  if (src.problems.length > 0) throw new PolicyError(src.problems);
  return policy;
}

function declaredCategories(raw: unknown): { categories: Set<string>; groups: Set<string> } {
  const entries = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? Object.entries(raw) : [];
  const groups = entries.map(([, c]) => (c as { group?: unknown } | null)?.group).filter((g): g is string => typeof g === 'string');
  return { categories: new Set(entries.map(([id]) => id)), groups: new Set(groups) };
}

function readExamples(r: PolicyReader, value: unknown, policy: Policy): PolicyExample[] {
  const out: PolicyExample[] = [];
  (r.list(value, ['examples']) ?? []).forEach((raw, i) => {
    const p: YamlPath = ['examples', i];
    const m = r.map(raw, p, ['name', 'facts', 'expect']);
    if (!m) return;
    const name = r.string(r.required(m, 'name', p), [...p, 'name']);
    const facts = readExampleFacts(r, r.required(m, 'facts', p), [...p, 'facts'], policy);
    const expect = readExpect(r, r.required(m, 'expect', p), [...p, 'expect']);
    const line = r.src.lineOf(p);
    if (name && facts && expect) out.push({ name, facts, expect, ...(line !== undefined && { line }) });
  });
  return out;
}

function readExampleFacts(r: PolicyReader, value: unknown, path: YamlPath, policy: Policy): PolicyExample['facts'] | undefined {
  if (value === undefined) return undefined;
  try {
    return parseCaseFacts(value, policy);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const field = err.field ?? '';
    r.src.add([...path, ...fieldToPath(field)], err.message.slice(field ? field.length + 2 : 0));
    return undefined;
  }
}

function readExpect(r: PolicyReader, value: unknown, path: YamlPath): Partial<Decision> | undefined {
  if (value === undefined) return undefined;
  const m = r.map(value, path, EXPECT_KEYS);
  if (!m) return undefined;
  const before = r.src.problems.length;
  const at = (k: string): YamlPath => [...path, k];
  if (m.priority !== undefined) r.oneOf(m.priority, at('priority'), PRIORITIES);
  if (m.level !== undefined) r.oneOf(m.level, at('level'), LEVELS);
  if (m.escalate !== undefined) r.boolean(m.escalate, at('escalate'));
  if (m.actions !== undefined) r.words(m.actions, at('actions'), ACTIONS);
  if (m.redFlags !== undefined) r.list(m.redFlags, at('redFlags'));
  if (m.offense !== undefined) r.number(m.offense, at('offense'), { min: 1, integer: true });
  if (m.signals !== undefined) {
    for (const [name, n] of Object.entries(r.map(m.signals, at('signals'), SIGNALS) ?? {})) {
      r.number(n, [...at('signals'), name], { min: 1, integer: true });
    }
  }
  if (m.due !== undefined) {
    for (const [field, v] of Object.entries(r.map(m.due, at('due'), DUE_FIELDS) ?? {})) r.string(v, [...at('due'), field]);
  }
  if (m.route !== undefined) r.map(m.route, at('route'), ['team', 'partner']);
  return r.src.problems.length === before ? (m as Partial<Decision>) : undefined;
}
