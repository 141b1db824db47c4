import { describe, expect, it } from 'vitest';
import { parseJsonLossless, quoteUnsafeIntegers } from './lossless-json.js';

describe('parseJsonLossless keeps 64-bit ids exact', () => {
  it('turns integers past 2^53 into their exact decimal strings', () => {
    expect(JSON.parse('{"id":820982911946154508}')).toEqual({ id: 820982911946154500 });
    expect(parseJsonLossless('{"id":820982911946154508}')).toEqual({ id: '820982911946154508' });
    expect(parseJsonLossless('[-9007199254740993, 9007199254740993]')).toEqual(['-9007199254740993', '9007199254740993']);
  });

  it('leaves safe integers, fractions, exponents and strings alone', () => {
    const text = '{"a":9007199254740991,"b":89.99,"c":1e300,"d":"12345678901234567890","e":-0,"f":[1,2.5e-3]}';
    expect(parseJsonLossless(text)).toEqual(JSON.parse(text));
    expect(quoteUnsafeIntegers(text)).toBe(text);
  });

  it('is not fooled by digits or escaped quotes inside strings', () => {
    const text = '{"note":"order \\"12345678901234567890\\" and 99999999999999999999","id":12345678901234567890}';
    expect(parseJsonLossless(text)).toEqual({ note: 'order "12345678901234567890" and 99999999999999999999', id: '12345678901234567890' });
  });

  it('keeps whitespace and structure so errors still point at the right place', () => {
    expect(() => parseJsonLossless('{"id": 12345678901234567890,}')).toThrow(SyntaxError);
    expect(parseJsonLossless('{\n  "id" :  12345678901234567890 \n}')).toEqual({ id: '12345678901234567890' });
  });
});
