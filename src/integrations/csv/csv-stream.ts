import { csvLine, type CsvCell } from './csv-writer.js';

// Exports of list views (issue 7 item 4): the rows a list answers in JSON, flattened to columns and
// written through the RFC 4180 writer (formula defusing included) page after page, so an export
// of every matching row never holds them all in memory.

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type PageFetcher<T> = (cursor: string | undefined) => Promise<Page<T>>;

/** {a: {b: 1}, c: [x, y]} → {"a.b": 1, c: "x; y"}; arrays of objects become JSON text. */
export function flattenRow(value: object, prefix = '', out: Record<string, CsvCell> = {}): Record<string, CsvCell> {
  for (const [key, v] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) flattenRow(v as object, name, out);
    else if (Array.isArray(v)) out[name] = v.every((x) => x === null || typeof x !== 'object') ? v.join('; ') : JSON.stringify(v);
    else out[name] = v as CsvCell;
  }
  return out;
}

/** Column names in first-seen order over the rows (the same view shapes the JSON answer has). */
export function columnsOf(rows: readonly object[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(flattenRow(row))) seen.add(key);
  return [...seen];
}

/**
 * Reads the first page now — so bad filters fail before any byte is sent — and returns the columns
 * (given, or those of the first page's rows) and the CSV text as an async iterable: the header,
 * then every row of every page, following the cursor to the end.
 */
export async function csvExport<T extends object>(
  fetchPage: PageFetcher<T>,
  columns?: readonly string[],
): Promise<{ columns: string[]; lines: AsyncIterable<string> }> {
  const first = await fetchPage(undefined);
  const header = columns ? [...columns] : columnsOf(first.items);
  async function* lines(): AsyncGenerator<string> {
    yield csvLine(header);
    let page: Page<T> | null = first;
    while (page) {
      let chunk = '';
      for (const item of page.items) {
        const flat = flattenRow(item);
        chunk += csvLine(header.map((c) => flat[c]));
      }
      if (chunk) yield chunk;
      page = page.nextCursor ? await fetchPage(page.nextCursor) : null;
    }
  }
  return { columns: header, lines: lines() };
}

/** For lists without pages (users, teams): one page. */
export function onePage<T>(items: T[]): Page<T> {
  return { items, nextCursor: null };
}
