import { unfilledPlaceholders } from './placeholders.js';

// How much an agent changed a macro before sending it (R000-10: canned replies must be fitted to
// the customer's situation, not pasted).
//
// The measure is a word-level Levenshtein distance: the fewest words inserted, deleted or replaced
// to turn the rendered macro into the sent text, after case folding and ignoring whitespace.
// Words rather than characters because "fitting a reply" means changing what it says: a fixed
// typo or a re-wrapped line should count as almost nothing, a rewritten sentence as its words. It
// is also ~25× cheaper: a 5,000-character reply is ~900 tokens (0.8 M cells) against 25 M cells
// per character, and the common opening and closing (most edits are local) are trimmed first.
//
// `unedited` is stricter and separate: the sent text equals the rendered macro except inside its
// blanks ([[…]]) — whitespace aside. Filling the blanks is required, so it does not count as
// fitting the reply; anything else changed does.

const SLOT = '\u0000slot';
const TOKEN = /[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

export function tokenize(text: string): string[] {
  return (text.toLowerCase().match(TOKEN) ?? []) as string[];
}

/** Tokens of a rendered macro; each blank counts as one token, so filling it costs about its words. */
function tokenizeWithSlots(text: string): string[] {
  const out: string[] = [];
  let at = 0;
  for (const u of unfilledPlaceholders(text)) {
    out.push(...tokenize(text.slice(at, u.start)), SLOT);
    at = u.end;
  }
  out.push(...tokenize(text.slice(at)));
  return out;
}

/** Levenshtein distance over sequences of tokens (unit costs). */
export function tokenEditDistance(a: readonly string[], b: readonly string[]): number {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ids = new Map<string, number>();
  const idOf = (t: string) => {
    let id = ids.get(t);
    if (id === undefined) ids.set(t, (id = ids.size));
    return id;
  };
  const x = Int32Array.from(a.slice(start, endA), idOf);
  const y = Int32Array.from(b.slice(start, endB), idOf);
  return levenshteinIds(x, y);
}

function levenshteinIds(x: Int32Array, y: Int32Array): number {
  if (x.length === 0) return y.length;
  if (y.length === 0) return x.length;
  // One row over the shorter sequence; `diag` carries the cell up-left.
  const [long, short] = x.length >= y.length ? [x, y] : [y, x];
  const row = new Int32Array(short.length + 1);
  for (let j = 0; j <= short.length; j++) row[j] = j;
  for (let i = 1; i <= long.length; i++) {
    let diag = row[0]!;
    row[0] = i;
    const li = long[i - 1]!;
    for (let j = 1; j <= short.length; j++) {
      const up = row[j]!;
      const cost = li === short[j - 1] ? 0 : 1;
      const best = Math.min(up + 1, row[j - 1]! + 1, diag + cost);
      diag = up;
      row[j] = best;
    }
  }
  return row[short.length]!;
}

const normalizeSpace = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * True when `sent` is `rendered` with each blank replaced by some non-empty text and nothing else
 * changed (whitespace aside). Blanks are wildcards; matching each literal piece at its leftmost
 * position leaves the most room for the rest, so one greedy pass decides it in linear time.
 */
export function onlyBlanksFilled(rendered: string, sent: string): boolean {
  const r = normalizeSpace(rendered);
  const s = normalizeSpace(sent);
  const slots = unfilledPlaceholders(r);
  if (slots.length === 0) return r === s;
  const pieces: string[] = [];
  let at = 0;
  for (const u of slots) {
    pieces.push(r.slice(at, u.start));
    at = u.end;
  }
  pieces.push(r.slice(at));
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  if (!s.startsWith(first)) return false;
  let pos = first.length;
  for (let k = 1; k < pieces.length - 1; k++) {
    const piece = pieces[k]!;
    const found = s.indexOf(piece, pos + 1);
    if (found === -1) return false;
    pos = found + piece.length;
  }
  return s.length - last.length >= pos + 1 && s.endsWith(last);
}

export interface MacroEdit {
  /** Words inserted, deleted or replaced between the rendered macro and what was sent. */
  editDistance: number;
  /** editDistance over the longer text's word count: 0 = same words, 1 = nothing in common. */
  editRatio: number;
  /** Sent as rendered, only its blanks filled (R000-10: a canned reply not fitted to the case). */
  unedited: boolean;
}

export function measureMacroEdit(rendered: string, sent: string): MacroEdit {
  const a = tokenizeWithSlots(rendered);
  const b = tokenize(sent);
  const editDistance = tokenEditDistance(a, b);
  const longest = Math.max(a.length, b.length);
  return {
    editDistance,
    editRatio: longest === 0 ? 0 : Math.round((editDistance / longest) * 1000) / 1000,
    unedited: onlyBlanksFilled(rendered, sent),
  };
}

/** The candidate closest to a mistyped name, if close enough to be the likely intent. */
export function closestName(name: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  const lower = name.toLowerCase();
  for (const c of candidates) {
    const d = tokenEditDistance([...lower], [...c.toLowerCase()]);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : null;
}
