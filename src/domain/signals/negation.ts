// Negation scope for signal phrases ("no need for a lawyer", "I'm not going to sue", "I won't dispute
// it", "please don't call me"). A negation cue governs a match when it sits in the same clause, at most
// NEGATION_WINDOW words before the match, and no new subject or connective starts between them:
// "If I don't get my money back I'm calling my lawyer" is a threat, because "I'm" starts a new verb
// phrase after "don't". Cues that do not negate the request are ignored:
//   - rhetorical questions: "why won't you let me talk to a manager", "can't you just call me";
//   - "don't make me ..." (a threat, not a refusal);
//   - negations inside a conditional clause: "if this isn't fixed my lawyer will ...";
//   - a double negation: "don't think I won't take this to court".

const NEGATION_WINDOW = 7;
const CLAUSE_BREAK = /[.!?;:,()\n]|\b(?:but|however|though|although|yet|otherwise|except|whereas)\b/g;
const NEGATORS = new Set([
  'not', 'never', 'dont', 'doesnt', 'didnt', 'wont', 'cant', 'cannot', 'isnt', 'arent', 'wasnt', 'werent',
  'shouldnt', 'wouldnt', 'couldnt', 'havent', 'hasnt', 'neither', 'nor', 'nobody', 'without', 'hardly', 'instead',
]);
/** "no" negates "no need", "no lawyer", "no intention"; not "no, I want ..." or "no thanks". */
const NO_IS_INTERJECTION = new Set(['i', 'im', 'ill', 'we', 'you', 'u', 'thanks', 'thank', 'way', 'sir', 'maam', 'more', 'longer']);
/** A new subject or connective: the negation before it belongs to another verb phrase. */
const SCOPE_RESET = new Set([
  'i', 'im', 'ill', 'ive', 'id', 'we', 'weve', 'and', 'so', 'then', 'or', 'because', 'cause', 'cuz', 'coz', 'therefore',
]);
const CONDITIONAL = new Set(['if', 'unless', 'until', 'till', 'once', 'whether', 'when']);
const ADDRESSEE = new Set(['you', 'u', 'ya', 'someone', 'somebody', 'anyone', 'anybody', 'they', 'your']);

function wordsOf(segment: string): string[] {
  return segment.match(/[a-z0-9]+/g) ?? [];
}

/** Start index of the clause containing `position`. */
export function clauseStart(text: string, position: number): number {
  const from = Math.max(0, position - 160);
  const head = text.slice(from, position);
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(head); m; m = CLAUSE_BREAK.exec(head)) start = m.index + m[0].length;
  return from + start;
}

function isRhetorical(words: string[], at: number): boolean {
  const next = words[at + 1];
  const prev = words[at - 1];
  if (next === 'make' && words[at + 2] === 'me') return true; // "don't make me go to my bank"
  if (next !== undefined && ADDRESSEE.has(next)) {
    // "can't you just call me", "why won't you let me ...", "why don't you get me a manager"
    return at === 0 || prev === 'why' || prev === 'come' || prev === 'so';
  }
  return false;
}

/** "don't think I won't sue": the second negation cancels the first. */
function isDoubleNegation(words: string[], at: number): boolean {
  const before = words.slice(Math.max(0, at - 3), at).join(' ');
  return /\b(?:dont|do not|never|not) (?:think|believe|assume|imagine|suppose)(?: (?:i|we|that i|that we))?$/.test(before);
}

/** True when a negation cue governs the phrase that starts at `matchStart`. */
export function isNegated(text: string, matchStart: number): boolean {
  const words = wordsOf(text.slice(clauseStart(text, matchStart), matchStart));
  const first = Math.max(0, words.length - NEGATION_WINDOW);
  for (let i = words.length - 1; i >= first; i--) {
    const word = words[i]!;
    if (SCOPE_RESET.has(word)) return false;
    const negates = NEGATORS.has(word) || (word === 'no' && !NO_IS_INTERJECTION.has(words[i + 1] ?? ''));
    if (!negates) continue;
    if (isRhetorical(words, i) || isDoubleNegation(words, i)) continue;
    if (words.slice(0, i).some((w) => CONDITIONAL.has(w))) continue;
    return true;
  }
  return false;
}
