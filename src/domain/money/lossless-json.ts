// Shopify (and other platforms) send 64-bit ids as bare JSON integers: 820982911946154508 does not
// fit a double, and JSON.parse silently turns it into 820982911946154500. Mappers therefore take ids
// as strings, and callers parse webhook bodies with this function rather than JSON.parse.

const NUMBER_TOKEN = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * JSON.parse, except that an integer literal too large to be represented exactly
 * (outside ±Number.MAX_SAFE_INTEGER) arrives as its decimal string, digit for digit.
 * Safe integers and all fractional numbers parse exactly as JSON.parse would.
 * Throws SyntaxError on malformed JSON, like JSON.parse.
 */
export function parseJsonLossless(text: string): unknown {
  return JSON.parse(quoteUnsafeIntegers(text));
}

/** Wraps unsafe integer literals outside strings in quotes; everything else is copied through. */
export function quoteUnsafeIntegers(text: string): string {
  let out = '';
  let copiedUpTo = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22 /* " */) {
      i = endOfString(text, i);
      continue;
    }
    if (ch === 0x2d /* - */ || (ch >= 0x30 && ch <= 0x39)) {
      NUMBER_TOKEN.lastIndex = i;
      const match = NUMBER_TOKEN.exec(text);
      if (!match) {
        i += 1;
        continue;
      }
      const token = match[0];
      if (/^-?\d+$/.test(token) && !Number.isSafeInteger(Number(token))) {
        out += `${text.slice(copiedUpTo, i)}"${token}"`;
        copiedUpTo = i + token.length;
      }
      i += token.length;
      continue;
    }
    i += 1;
  }
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}

/** Index just past the closing quote of the string starting at `start` (or the text's end). */
function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch === 0x5c /* \ */) i += 2;
    else if (ch === 0x22) return i + 1;
    else i += 1;
  }
  return i;
}
