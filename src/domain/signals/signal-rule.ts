import type { Signal } from '../policy/vocabulary.js';
import type { PreparedText } from './normalize-text.js';

/** Where a pattern matched, with the sentence around it, for rules that look at context. */
export interface MatchContext {
  /** The whole prepared message (see normalize-text.ts and reported-speech.ts). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The sentence containing the match, and where it starts in `text`. */
  readonly sentence: string;
  readonly sentenceStart: number;
  /** The customer's original text and the index map, for checks that need the original casing. */
  readonly source: PreparedText;
}

export interface SignalRule {
  readonly signal: Signal;
  /**
   * Run on the prepared text: lower case, apostrophes dropped ("dont", "ill", "im"), letter runs
   * collapsed, reported speech blanked. Built with `rx`, so it is global and word-bounded by the author.
   */
  readonly pattern: RegExp;
  /** Skip matches governed by a negation cue (negation.ts). False for patterns that carry their own "not". */
  readonly negatable?: boolean;
  /** Extra context check, e.g. "the sentence is a threat, not a question about policy". */
  readonly when?: (ctx: MatchContext) => boolean;
}

/** A global regex from readable parts; `${FRAGMENT}` interpolation keeps shared vocabularies in one place. */
export function rx(strings: TemplateStringsArray, ...fragments: string[]): RegExp {
  return new RegExp(String.raw({ raw: strings.raw }, ...fragments), 'g');
}

// Shared vocabularies (normalized spelling: no apostrophes, lower case).
export const YOU = String.raw`(?:you|u|ya|yall|you guys|you people|you lot|you all|u all|u guys)`;
export const YOUR = String.raw`(?:your|ur|yr|yor)`;
/** The customer committing to a future act: "I'll", "I'm going to", "gonna", "I'm about to". */
export const I_WILL = String.raw`(?:i will|i shall|i ?ll|ill|i(?:m| am) (?:going to|gonna|about to|planning to|prepared to|ready to|fixing to|definitely going to|seriously going to)|im gonna|gonna|going to|i plan to|i intend to|i will be|ill be|i(?:m| am) (?:now )?(?:\w+ing))`;

/**
 * The sentence frames a threat: future intent, an ultimatum or condition, or "don't make me".
 * Used where the bare noun is ambiguous ("chargeback policy", "leave a review").
 */
const THREAT_FRAME =
  /\b(?:will|shall|ill|ll|gonna|going to|about to|ready to|prepared to|planning to|intend to|plan to|considering|consider|thinking (?:about|of)|this close to|close to|tempted to|next (?:step|call|stop|move)|last chance|last warning|final warning|or (?:else|i|im|ill|it|its|my)|otherwise|unless|if|until|before i|dont make me|expect|should i|might|may|be (?:filing|posting|leaving|writing|reporting|contacting|calling|sharing|disputing)|im (?:\w+ing)|i am (?:\w+ing))\b|^\W*(?:going|gonna|off to|heading|headed)\b/;

export function hasThreatFrame(ctx: MatchContext): boolean {
  return THREAT_FRAME.test(ctx.sentence);
}

/** Context helper: the sentence matches `re` (not global). */
export function sentenceHas(re: RegExp): (ctx: MatchContext) => boolean {
  return (ctx) => re.test(ctx.sentence);
}
