// Signal detection in one customer message (contract decision.md, "Signals"): each signal at most once
// per message, with the customer's own words as evidence. Pure and synchronous: no network, no model.
//
// Pipeline: normalize (normalize-text.ts) -> blank reported speech, quotes and agent wording
// (reported-speech.ts) -> per-signal pattern tables (rules-*.ts), each match checked for negation
// (negation.ts) and for its context condition -> expletives (profanity.ts).
import { SIGNALS, type Signal } from '../policy/vocabulary.js';
import { isNegated } from './negation.js';
import { originalSpan, prepareText, projectBlanks, type PreparedText } from './normalize-text.js';
import { findExpletive } from './profanity.js';
import { blankReportedSpeech } from './reported-speech.js';
import { SIGNAL_GATES } from './signal-gates.js';
import { ABUSIVE_INSULT_RULES, MISCONDUCT_RULES, SOLUTION_REJECTED_RULES, UNCOOPERATIVE_RULES } from './rules-conduct.js';
import { EXCEPTION_REQUEST_RULES, MANAGER_DEMAND_RULES, PHONE_CALL_RULES, WAITING_AT_STORE_RULES } from './rules-escalation.js';
import { CHARGEBACK_RULES, FRAUD_RULES } from './rules-payment.js';
import { SAFETY_RULES } from './rules-safety.js';
import { CANCELLATION_THREAT_RULES, LEGAL_THREAT_RULES, MEDIA_ATTENTION_RULES, REVIEW_THREAT_RULES } from './rules-threats.js';
import type { MatchContext, SignalRule } from './signal-rule.js';

export interface DetectedSignal {
  readonly signal: Signal;
  /** The matched phrase, as the customer wrote it. */
  readonly evidence: string;
}

/** Rule order matters only within a signal: the first accepted match is the evidence. */
const RULES: readonly SignalRule[] = [
  ...LEGAL_THREAT_RULES,
  ...MANAGER_DEMAND_RULES,
  ...ABUSIVE_INSULT_RULES,
  ...UNCOOPERATIVE_RULES,
  ...SOLUTION_REJECTED_RULES,
  ...REVIEW_THREAT_RULES,
  ...CHARGEBACK_RULES,
  ...PHONE_CALL_RULES,
  ...CANCELLATION_THREAT_RULES,
  ...SAFETY_RULES,
  ...MEDIA_ATTENTION_RULES,
  ...FRAUD_RULES,
  ...MISCONDUCT_RULES,
  ...WAITING_AT_STORE_RULES,
  ...EXCEPTION_REQUEST_RULES,
];

const SENTENCE_END = /[.!?\n]/;

function sentenceAround(text: string, start: number, end: number): { sentence: string; sentenceStart: number } {
  let from = start;
  while (from > 0 && !SENTENCE_END.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !SENTENCE_END.test(text[to]!)) to++;
  return { sentence: text.slice(from, Math.min(text.length, to + 1)), sentenceStart: from };
}

function firstAcceptedMatch(rule: SignalRule, text: string, source: PreparedText): MatchContext | undefined {
  const pattern = rule.pattern;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    // Patterns anchored on a preceding boundary ("(?:^|[.!?]\s*)manager") report the phrase itself.
    const lead = /^[\s.!?\n]*/.exec(m[0])![0].length;
    const start = m.index + lead;
    const end = m.index + m[0].length;
    if (rule.negatable !== false && isNegated(text, start)) continue;
    const ctx: MatchContext = { text, start, end, ...sentenceAround(text, start, end), source };
    if (rule.when && !rule.when(ctx)) continue;
    return ctx;
  }
  return undefined;
}

export interface DetectionOptions {
  /**
   * Skip a signal's patterns when its gate (signal-gates.ts) or the expletive prefilter says no match is
   * possible. Always on in production; tests turn it off to prove the shortcuts change nothing.
   */
  readonly prefilters: boolean;
}

/**
 * Signals the customer's message expresses, each at most once, in the contract's SIGNALS order.
 * Only the customer's own words count: quoted email history, text in double quotes, reported policy
 * wording and agent phrasing are ignored (see reported-speech.ts).
 */
export function detectSignals(message: string): DetectedSignal[] {
  return detectSignalsWith(message, { prefilters: true });
}

export function detectSignalsWith(message: string, options: DetectionOptions): DetectedSignal[] {
  if (message.trim() === '') return [];
  const source = prepareText(message);
  const text = blankReportedSpeech(source.text);
  const found = new Map<Signal, string>();
  const gateOpen = new Map<Signal, boolean>();

  for (const rule of RULES) {
    if (found.has(rule.signal)) continue;
    if (options.prefilters) {
      let open = gateOpen.get(rule.signal);
      if (open === undefined) gateOpen.set(rule.signal, (open = SIGNAL_GATES[rule.signal].test(text)));
      if (!open) continue;
    }
    const ctx = firstAcceptedMatch(rule, text, source);
    if (ctx) found.set(rule.signal, originalSpan(source, ctx.start, ctx.end));
  }
  if (!found.has('abusive_language')) {
    const ownWords = projectBlanks(source, text);
    const expletive = findExpletive(ownWords, options.prefilters);
    if (expletive) found.set('abusive_language', ownWords.slice(expletive.start, expletive.end).trim());
  }
  return SIGNALS.filter((signal) => found.has(signal)).map((signal) => ({ signal, evidence: found.get(signal)! }));
}
