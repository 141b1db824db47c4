// Text normalization for signal detection. Patterns are written against one canonical form so that
// they stay readable: lower case, NFKC-folded (fancy Unicode letters become ASCII), apostrophes dropped
// ("don't" -> "dont", "I'll" -> "ill"), curly double quotes made straight, letter runs of three or more
// collapsed to one ("caaaall" -> "call", "managerrrr" -> "manager"), runs of spaces/tabs made one space.
// Every character of the result remembers the index of the original character it came from, so the
// evidence we report is the customer's own wording, not our normalized copy.

export interface PreparedText {
  readonly original: string;
  /** Canonical form the patterns run on. */
  readonly text: string;
  /** origin[i] is the index in `original` of the character text[i] came from. */
  readonly origin: Int32Array;
}

const APOSTROPHES = new Set(["'", '\u2019', '\u2018', '`', '\u00b4', '\u02bc']);
const DOUBLE_QUOTES = new Set(['\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u00ab', '\u00bb']);
const INVISIBLE = new Set(['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad']);
const nfkcCache = new Map<string, string>();

function foldCodePoint(ch: string): string {
  if (APOSTROPHES.has(ch) || INVISIBLE.has(ch)) return '';
  if (DOUBLE_QUOTES.has(ch)) return '"';
  let folded = nfkcCache.get(ch);
  if (folded === undefined) {
    folded = ch.normalize('NFKC').toLowerCase();
    if (nfkcCache.size < 4096) nfkcCache.set(ch, folded);
  }
  return folded;
}

function isLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || code > 127;
}

function isLetterAt(chars: string[], i: number): boolean {
  const ch = chars[i];
  return ch !== undefined && ch.length === 1 && isLetter(ch.charCodeAt(0));
}

/** Plain ASCII without apostrophes, letter runs or doubled spaces: lower-casing is the whole job. */
const NEEDS_WORK = /[^\x20-\x7e\n]|['`]|([a-z])\1\1|  /i;

export function prepareText(original: string): PreparedText {
  if (!NEEDS_WORK.test(original)) {
    const origin = new Int32Array(original.length);
    for (let i = 0; i < origin.length; i++) origin[i] = i;
    return { original, text: original.toLowerCase(), origin };
  }
  const chars: string[] = [];
  const from: number[] = [];
  let lastWasSpace = false;
  for (let i = 0; i < original.length; ) {
    const code = original.charCodeAt(i);
    let ch: string;
    let width = 1;
    if (code < 128) {
      ch = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : original[i]!;
      if (ch === "'" || ch === '`') ch = '';
    } else {
      const cp = original.codePointAt(i)!;
      width = cp > 0xffff ? 2 : 1;
      ch = foldCodePoint(String.fromCodePoint(cp));
    }
    for (const out of ch) {
      const isSpace = out === ' ' || out === '\t' || out === '\u00a0' || out === '\r';
      if (isSpace) {
        if (lastWasSpace) continue;
        chars.push(' ');
      } else {
        chars.push(out);
      }
      from.push(i);
      lastWasSpace = isSpace;
    }
    i += width;
  }
  return collapseLetterRuns(original, chars, from);
}

/** "sooooo" -> "so"; a doubled letter ("call", "too") and a word of one repeated letter ("BBB", "www") are left alone. */
function collapseLetterRuns(original: string, chars: string[], from: number[]): PreparedText {
  const kept: string[] = [];
  const origin: number[] = [];
  for (let i = 0; i < chars.length; ) {
    const ch = chars[i]!;
    let j = i + 1;
    while (j < chars.length && chars[j] === ch) j++;
    const run = j - i;
    const wholeWord = !isLetterAt(chars, i - 1) && !isLetterAt(chars, j);
    const keep = run >= 3 && !wholeWord && ch.length === 1 && isLetter(ch.charCodeAt(0)) ? 1 : run;
    for (let k = 0; k < keep; k++) {
      kept.push(ch);
      origin.push(from[i + k]!);
    }
    i = j;
  }
  return { original, text: kept.join(''), origin: Int32Array.from(origin) };
}

/** The customer's own wording for the prepared-text span [start, end). */
export function originalSpan(prepared: PreparedText, start: number, end: number): string {
  if (end <= start) return '';
  const from = prepared.origin[start]!;
  const lastChar = prepared.origin[end - 1]!;
  const cp = prepared.original.codePointAt(lastChar) ?? 0;
  return prepared.original.slice(from, lastChar + (cp > 0xffff ? 2 : 1)).trim();
}

/**
 * The original text with the characters behind every blanked position of `blanked` (a same-length copy
 * of prepared.text, see reported-speech.ts) replaced by spaces, for matchers that need the original.
 */
export function projectBlanks(prepared: PreparedText, blanked: string): string {
  if (blanked === prepared.text) return prepared.original;
  const out = prepared.original.split('');
  for (let i = 0; i < blanked.length; i++) {
    if (blanked[i] === prepared.text[i]) continue;
    const to = i + 1 < prepared.origin.length ? prepared.origin[i + 1]! : out.length;
    for (let k = prepared.origin[i]!; k < to; k++) out[k] = ' ';
  }
  return out.join('');
}
