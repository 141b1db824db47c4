/** RFC 4180 text → records (quoted fields, doubled quotes, CRLF) — small and strict, for reading exports back in tests. */
function parseCsvText(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && field === '') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error('unterminated quoted field');
        field += text.slice(i, q);
        if (text[q + 1] === '"') { field += '"'; i = q + 2; } else { i = q + 1; break; }
      }
    } else if (c === ',') { record.push(field); field = ''; i++; }
    else if (c === '\r' && text[i + 1] === '\n') { record.push(field); records.push(record); record = []; field = ''; i += 2; }
    else { field += c; i++; }
  }
  if (field !== '' || record.length > 0) throw new Error('the last record does not end with CRLF');
  return records;
}

/** An export read back: header and rows keyed by column. */
export function readCsv(text: string): { header: string[]; rows: Record<string, string>[] } {
  const [header = [], ...records] = parseCsvText(text);
  return { header, rows: records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))) };
}
