import { describe, expect, it } from 'vitest';
import { csvField, csvLine, csvRows, toCsv } from './csv-writer.js';

describe('CSV writer (RFC 4180)', () => {
  it('quotes a field holding a comma, a quote or a line break, doubling its quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines', 'cr\rhere', 3, null])).toBe('"a,b","say ""hi""","two\nlines","cr\rhere",3,\r\n');
  });

  it('writes numbers as they are and nothing for null, undefined or non-finite numbers', () => {
    expect([csvField(-5), csvField(0.6667), csvField(null), csvField(undefined), csvField(Number.NaN), csvField(false)]).toEqual(['-5', '0.6667', '', '', '', 'false']);
  });

  it('defuses text a spreadsheet would run as a formula (CSV injection)', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(['+1', '-2', '@SUM(A1)', '\tx'].map(csvField)).toEqual(["'+1", "'-2", "'@SUM(A1)", "'\tx"]);
  });

  it('ends every record, the last included, with CRLF; rows or named columns', () => {
    expect(csvRows(['a', 'b'], [[1, 'x,y'], [null, 'z']])).toBe('a,b\r\n1,"x,y"\r\n,z\r\n');
    expect(toCsv([{ header: 'id', value: (r: { id: number }) => r.id }], [{ id: 1 }, { id: 2 }])).toBe('id\r\n1\r\n2\r\n');
  });
});
