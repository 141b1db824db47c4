import { describe, expect, it } from 'vitest';
import { csvLine, toCsv } from './csv-writer.js';

describe('CSV writer', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines', 3, null])).toBe('"a,b","say ""hi""","two\nlines",3,\r\n');
  });
  it('defuses spreadsheet formulas in text cells (CSV injection)', () => {
    expect(csvLine(['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)'])).toBe(`"'=HYPERLINK(""x"")",'+1,'-2,'@SUM(A1)\r\n`);
    expect(csvLine([-2])).toBe('-2\r\n');
  });
  it('writes a header and one line per row', () => {
    expect(toCsv([{ header: 'id', value: (r: { id: number }) => r.id }], [{ id: 1 }, { id: 2 }])).toBe('id\r\n1\r\n2\r\n');
  });
});
