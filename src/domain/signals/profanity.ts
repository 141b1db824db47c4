// Expletives for abusive_language (R002-03), found with the `obscenity` matcher (English data set and
// its recommended transformers: leetspeak "sh1t", repeated letters "fuuuck", confusable characters,
// masking "f*ck"), plus the masked and spelled-out forms it does not catch ("f**king", "F U C K", "wtf").
//
// What counts (the rule the evaluation labels follow):
//   - A strong expletive or slur counts wherever it appears in the customer's own words, even in an
//     otherwise calm request ("I'd like to see the fucking invoice"). The seed counts "expletive language"
//     (R002-03) and a support lead wants it on record; the threshold of two (R002-03) absorbs a one-off.
//   - Mild intensifiers ("damn", "goddamn", "bloody", "hell", "crap", "pissed") do not count on their own:
//     "this damn box was crushed" and "cancel this goddamn order" are frustration, not abuse, and counting
//     them would escalate ordinary requests (the Bitext W rows). They count when aimed at people
//     ("damn you", "you bloody idiots"), which rules-conduct.ts detects.
//   - Ambiguous words (dick, cock, prick, ass, piss, tit...) count only when aimed at someone ("you dick"):
//     "Dick Harrison", "cocktail shaker", "shuttlecocks" are not abuse.
//   - Sexual and anatomical vocabulary (sex, boob, penis, porn...) is not an expletive.
//
// The matcher runs on the original text (with quoted and reported speech blanked), because our own
// normalization collapses letter runs differently from obscenity's ("asssss"). It costs tens of
// microseconds per message, so it only runs when a cheap prefilter, generated from the same obscenity
// patterns, says a match is possible (see `mayContainExpletive`).
import {
  DataSet,
  RegExpMatcher,
  SyntaxKind,
  englishDataset,
  englishRecommendedTransformers,
  type Node,
  type ParsedPattern,
} from 'obscenity';
import { prepareText } from './normalize-text.js';

const STRONG = new Set([
  'fuck', 'shit', 'bitch', 'cunt', 'bastard', 'bollocks', 'twat', 'wank', 'whore', 'slut', 'retard',
  'nigger', 'kike', 'africoon', 'arabush', 'chingchong', 'abeed', 'boonga', 'cuck',
]);
const AIMED_ONLY = new Set([
  'ass', 'arse', 'cock', 'dick', 'prick', 'piss', 'pussy', 'turd', 'chink', 'dyke', 'fag', 'negro', 'spastic', 'tranny', 'abo', 'tit', 'scat', 'hooker',
]);
/** Compounds of an aimed-only word that are insults on their own ("a$$hole", "d1ckhead"). */
const INSULT_COMPOUND = /(?:hole|head|wipe|face|clown|hat|sucker|bag|wad)$/;
const AIMED = /(?:\b(?:you|u|ya|youre|ur|your|yall|you guys|you people|you lot)|\bare (?:a|an))(?: \w+){0,2}\s*$/;
/** Words that can make an aimed-only expletive count; without one, those words are not looked for. */
const AIMED_CONTEXT = /\b(?:you|u|ya|ur|your|yall|are an?|off)\b|(?:hole|head|wipe|face|clown|hat|sucker|bag|wad)\b/;
const MASKED = [
  /\bf[\W_]{0,2}u[\W_]{0,2}c[\W_]{0,2}k/,
  /\bf[*#@$%!.]+(?:c?k|king|kin|cking|ckin|ing|in|k|ed|off)\b/,
  /\bf[*#@$%!.]{2,}/,
  /\bs[*#@$%!.]+t\b|\bsh[*#@$%!.]+t\b|\bsh[!1|]t/,
  /\bb[*#@$%!.]+(?:tch|ch)\b|\bb[!1|]tch/,
  /\bc[*#@$%!.]+nt\b/,
  /\b(?:wtf|stfu|gtfo|ffs|mofo)\b/,
  /\bph(?:u|ooo?)ck\w*/,
  /\bgo f (?:yourself|urself|off)\b|\bf (?:off|you|u|yourself|urself)\b/,
];

type Metadata = { originalWord: string };
const wordOf = (metadata: Metadata | undefined): string => metadata?.originalWord ?? '';

// obscenity's leetspeak dictionary (resolve-leetspeak/dictionary.js), inverted: letter -> what may stand for it.
const LEET: Record<string, string> = { a: '@4', c: '(', e: '3', g: '6', i: '1|!', l: '/', o: '0', s: '$5', t: '7', z: '2' };
const WORDISH = 'a-z0-9@$!|(/';
const escapeClass = (chars: string): string => chars.replace(/[\\\]^-]/g, '\\$&');

function nodeSource(node: Node): string {
  if (node.kind === SyntaxKind.Wildcard) return '.{0,4}?';
  if (node.kind === SyntaxKind.Optional) return `(?:${nodeSource(node.childNode)})?`;
  if (node.kind === SyntaxKind.Literal) {
    const letters = String.fromCodePoint(...node.chars).replace(/(.)\1+/g, '$1');
    return [...letters].map((ch) => `[${escapeClass(ch + (LEET[ch] ?? ''))}]+`).join('');
  }
  return '';
}

/**
 * A regex that matches, in text whose runs of one character are collapsed, wherever the pattern could
 * match after obscenity's transformers (leetspeak, lower case, collapsed duplicates): a superset.
 */
function skeleton(pattern: ParsedPattern): string {
  const start = pattern.requireWordBoundaryAtStart ? `(?<![${WORDISH}])` : '';
  const end = pattern.requireWordBoundaryAtEnd ? `(?![${WORDISH}])` : '';
  return start + pattern.nodes.map(nodeSource).join('') + end;
}

interface ExpletiveMatcher { matcher: RegExpMatcher; dataset: DataSet<Metadata>; strong: RegExp; aimed: RegExp }
let cached: ExpletiveMatcher | undefined;

function build(): ExpletiveMatcher {
  const dataset = new DataSet<Metadata>()
    .addAll(englishDataset as DataSet<Metadata>)
    .removePhrasesIf((phrase) => !STRONG.has(wordOf(phrase.metadata)) && !AIMED_ONLY.has(wordOf(phrase.metadata)));
  const strong: string[] = [];
  const aimed: string[] = [];
  dataset.removePhrasesIf((phrase) => {
    (STRONG.has(wordOf(phrase.metadata)) ? strong : aimed).push(...phrase.patterns.map(skeleton));
    return false;
  });
  return {
    matcher: new RegExpMatcher({ ...dataset.build(), ...englishRecommendedTransformers }),
    dataset,
    strong: new RegExp(strong.join('|')),
    aimed: new RegExp(aimed.join('|')),
  };
}

/**
 * False only when obscenity cannot match: a non-ASCII text (confusable characters) always goes to the
 * matcher; aimed-only words are looked for only when something could aim them.
 */
export function mayContainExpletive(lowerText: string, matchers: ExpletiveMatcher = getMatchers()): boolean {
  if (/[^\x00-\x7f]/.test(lowerText)) return true;
  const collapsed = lowerText.replace(/(.)\1+/g, '$1');
  return matchers.strong.test(collapsed) || (AIMED_CONTEXT.test(lowerText) && matchers.aimed.test(collapsed));
}

function getMatchers(): ExpletiveMatcher {
  cached ??= build();
  return cached;
}

/** The whole word around [start, end] including masking characters ("a$$hole", "f*cking"). */
function tokenAround(text: string, start: number, end: number): { start: number; end: number } {
  const inWord = (c: string | undefined): boolean => c !== undefined && /[\w*@$!#%]/.test(c);
  let from = start;
  let to = end + 1;
  while (from > 0 && inWord(text[from - 1])) from--;
  while (to < text.length && inWord(text[to])) to++;
  return { start: from, end: to };
}

/**
 * Span [start, end) in `text` of the first expletive that counts as abusive_language, or undefined.
 * `text` is the customer's original wording with reported speech blanked; `usePrefilter` exists so a
 * test can prove the prefilter never hides a match.
 */
export function findExpletive(text: string, usePrefilter = true): { start: number; end: number } | undefined {
  const lower = text.toLowerCase();
  for (const masked of MASKED) {
    const m = masked.exec(lower);
    if (m) return tokenAround(lower, m.index, m.index + m[0].length - 1);
  }
  const matchers = getMatchers();
  if (usePrefilter && !mayContainExpletive(lower, matchers)) return undefined;
  for (const match of matchers.matcher.getAllMatches(text, true)) {
    const word = wordOf(matchers.dataset.getPayloadWithPhraseMetadata(match).phraseMetadata);
    const token = tokenAround(lower, match.startIndex, match.endIndex);
    if (STRONG.has(word)) return token;
    if (INSULT_COMPOUND.test(lower.slice(token.start, token.end))) return token;
    const before = prepareText(lower.slice(Math.max(0, token.start - 40), token.start)).text;
    if (AIMED.test(before)) return token;
    if (word === 'piss' && /^\s*off\b/.test(lower.slice(token.end))) return { start: token.start, end: token.end + 4 };
  }
  return undefined;
}
