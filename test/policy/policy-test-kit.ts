import { readFileSync } from 'node:fs';
import type { BusinessCalendarSpec } from '../../src/domain/calendar/business-calendar.js';
import { createBusinessCalendar } from '../../src/domain/calendar/create-business-calendar.js';
import type { Decision, TimelineFact } from '../../src/domain/policy/case-facts.js';
import { compilePolicy } from '../../src/domain/policy/compile-policy.js';
import type { CompiledPolicy } from '../../src/domain/policy/compile-policy.js';
import { decide } from '../../src/domain/policy/decide.js';
import type { DecideDeps } from '../../src/domain/policy/decide.js';
import { parseCaseFacts } from '../../src/domain/policy/parse-case-facts.js';
import { parsePolicy } from '../../src/domain/policy/parse-policy.js';
import type { Policy } from '../../src/domain/policy/policy-model.js';
import type { Signal } from '../../src/domain/policy/vocabulary.js';

export const DEFAULT_POLICY_TEXT = readFileSync(new URL('../../policy/default-policy.yaml', import.meta.url), 'utf8');

let cached: { policy: Policy; compiled: CompiledPolicy } | undefined;
export function defaultPolicy(): { policy: Policy; compiled: CompiledPolicy } {
  if (!cached) {
    const policy = parsePolicy(DEFAULT_POLICY_TEXT, 'default-policy.yaml');
    cached = { policy, compiled: compilePolicy(policy) };
  }
  return cached;
}

/**
 * A deterministic stand-in for the text detector: a message shows a signal when it contains one of
 * the signal's marker words. Engine tests use it so they test joining, not language.
 */
export function keywordDetector(markers: Partial<Record<Signal, string[]>>): DecideDeps['detectSignals'] {
  return (text) => {
    const lower = text.toLowerCase();
    const hits: { signal: Signal }[] = [];
    for (const [signal, words] of Object.entries(markers)) {
      for (const word of words ?? []) if (lower.includes(word)) hits.push({ signal: signal as Signal });
    }
    return hits;
  };
}

const calendar = (spec: BusinessCalendarSpec) => createBusinessCalendar(spec);

export const testDeps: DecideDeps = {
  detectSignals: keywordDetector({ legal_threat: ['attorney', 'lawyer', 'sue'], chargeback_threat: ['chargeback'] }),
  calendar,
  now: () => new Date('2026-11-20T15:00:00Z'),
};

/** Validates raw facts against the default policy and decides them. */
export function decideDefault(raw: unknown, deps: DecideDeps = testDeps): Decision {
  const { policy, compiled } = defaultPolicy();
  return decide(parseCaseFacts(raw, policy), compiled, deps);
}

export function signalEvents(...signals: Signal[]): TimelineFact[] {
  return signals.map((signal) => ({ type: 'signal' as const, signal }));
}
