import { describe, expect, it } from 'vitest';
import { columnsOf, csvExport, flattenRow } from './csv-stream.js';

async function text(lines: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const l of lines) out += l;
  return out;
}

describe('list exports as CSV (issue 7 item 4)', () => {
  it('flattens nested view objects into dotted columns, lists into "; "', () => {
    expect(flattenRow({ id: '1', due: { resolution: null, first: 'x' }, tags: ['a', 'b'], lines: [{ sku: 'S' }] })).toEqual({
      id: '1', 'due.resolution': null, 'due.first': 'x', tags: 'a; b', lines: '[{"sku":"S"}]',
    });
    expect(columnsOf([{ a: 1 }, { a: 2, b: { c: 3 } }])).toEqual(['a', 'b.c']);
  });

  it('follows the cursor through every page, through the writer (formulas defused)', async () => {
    const pages: Record<string, { items: Record<string, unknown>[]; nextCursor: string | null }> = {
      start: { items: [{ id: '1', note: '=HYPERLINK("x")' }], nextCursor: 'p2' },
      p2: { items: [{ id: '2', note: 'a, b' }], nextCursor: 'p3' },
      p3: { items: [{ id: '3', note: null }], nextCursor: null },
    };
    const asked: (string | undefined)[] = [];
    const { columns, lines } = await csvExport(async (cursor) => { asked.push(cursor); return pages[cursor ?? 'start']!; });
    expect(columns).toEqual(['id', 'note']);
    expect(await text(lines)).toBe('id,note\r\n1,"\'=HYPERLINK(""x"")"\r\n2,"a, b"\r\n3,\r\n');
    expect(asked).toEqual([undefined, 'p2', 'p3']);
  });

  it('fails before the first byte when the first page fails (a bad filter is still a 4xx)', async () => {
    await expect(csvExport(async () => { throw new Error('bad filter'); })).rejects.toThrow('bad filter');
  });

  it('keeps given columns even when the list is empty', async () => {
    const { lines } = await csvExport(async () => ({ items: [], nextCursor: null }), ['id', 'state']);
    expect(await text(lines)).toBe('id,state\r\n');
  });
});
