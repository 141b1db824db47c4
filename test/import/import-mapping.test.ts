import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseImportMapping, ImportMappingError, missingColumns } from '../../src/services/import/import-mapping.js';
import { columnIndex, mapSheetRow, parseSheetDate } from '../../src/services/import/map-sheet-row.js';

const EXAMPLES = ['escalations-log', 'problem-orders', 'chargebacks', 'refunds'];

function problemsOf(text: string): string[] {
  try {
    parseImportMapping(text, 'bad.yaml');
  } catch (err) {
    if (err instanceof ImportMappingError) return err.problems;
    throw err;
  }
  return [];
}

describe('import mapping file (issue 7 item 4)', () => {
  it.each(EXAMPLES)('the example mapping %s is valid and matches its sample sheet header', (name) => {
    const mapping = parseImportMapping(readFileSync(`examples/import/${name}.mapping.yaml`, 'utf8'), name);
    const header = readFileSync(`examples/import/${name}.sample.csv`, 'utf8').split('\n')[0]!.split(',');
    expect(missingColumns(mapping, header)).toEqual([]);
  });

  it('lists every problem at once, each naming the file and the path inside it', () => {
    const problems = problemsOf(
      ['sheet: invoices', 'columns:', '  Order ID: order.numbr', '  Ref: order.number', '  Ref2: order.number', 'category: 12', 'dates: { format: YYYY.MM.DD, timeZone: Mars/Base }', 'defaults: { note: x }', 'extra: 1'].join('\n'),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'bad.yaml: sheet: expected one of escalations_log, problem_orders, chargebacks, refunds',
        expect.stringMatching(/^bad\.yaml: columns\.Order ID: expected one of subject, /),
        'bad.yaml: columns.Ref2: order.number is already fed by another column',
        'bad.yaml: category: expected a category id, or { column, values, otherwise }',
        'bad.yaml: dates.format: expected one of iso, M/D/YYYY, D/M/YYYY',
        'bad.yaml: dates.timeZone: expected an IANA time zone such as America/New_York',
        'bad.yaml: defaults.note: not a field a default can fill',
        'bad.yaml: extra: unknown key',
      ]),
    );
  });

  it('reports broken YAML with the file name', () => {
    expect(problemsOf('sheet: [unclosed')[0]).toMatch(/^bad\.yaml: invalid YAML/);
  });

  it('a value map naming a column that is not mapped is an error', () => {
    expect(problemsOf('sheet: refunds\ncategory: refund_request\ncolumns: { A: subject }\nvalues: { B: { x: y } }')).toEqual(['bad.yaml: values.B: not a column named under columns']);
  });
});

describe('mapping a sheet row', () => {
  const mapping = parseImportMapping(readFileSync('examples/import/escalations-log.mapping.yaml', 'utf8'), 'esc.yaml');
  const header = ['Time', 'Order ID', 'Customer Name', 'Issue', 'Promised Resolution', 'Action Taken', 'Status', 'Resolved By'];
  const index = columnIndex(header);

  it('maps columns, value maps, category map and the logged time in the sheet zone', () => {
    const row = mapSheetRow(mapping, index, ['11/3/2025 9:15 AM', '1001', 'Ana Reyes', 'wismo', 'Tracking by noon', '', ' resolved ', 'Kim']);
    expect(row).toEqual({
      status: 'resolved',
      body: {
        category: 'order_status',
        subject: 'wismo',
        channel: 'phone',
        storefront: 'retail',
        order: { number: '1001' },
        customer: { id: 'escalations-log-2025:ana reyes', name: 'Ana Reyes' },
        timeline: [{ type: 'note', at: '2025-11-03T14:15:00.000Z', text: 'Imported from escalations_log (escalations-log-2025)\nPromised Resolution: Tracking by noon\nResolved By: Kim' }],
      },
    });
  });

  it('an unknown issue type falls back to the mapping\'s otherwise category', () => {
    const row = mapSheetRow(mapping, index, ['', '1', 'A', 'Something new', '', '', '', '']);
    expect('body' in row && row.body.category).toBe('incident_report');
  });

  it('a status missing from the value map is a row error naming the field and the column', () => {
    expect(mapSheetRow(mapping, index, ['', '1', 'A', 'WISMO', '', '', 'Escalated', ''])).toEqual({
      field: 'status', message: '"Escalated" is not in the value map for column Status',
    });
  });

  it('an unreadable date is a row error naming the field', () => {
    expect(mapSheetRow(mapping, index, ['13/45/2025', '1', 'A', 'WISMO', '', '', '', ''])).toEqual({
      field: 'loggedAt', message: 'expected a date as M/D/YYYY, got "13/45/2025"',
    });
  });
});

describe('sheet dates', () => {
  it('M/D/YYYY is a wall time in the mapping zone, across daylight saving time', () => {
    expect(parseSheetDate('7/1/2025 9:00 AM', 'M/D/YYYY', 'America/New_York')).toBe('2025-07-01T13:00:00.000Z');
    expect(parseSheetDate('12/1/2025 12:30 PM', 'M/D/YYYY', 'America/New_York')).toBe('2025-12-01T17:30:00.000Z');
    expect(parseSheetDate('12/1/2025 12:30 AM', 'M/D/YYYY', 'America/New_York')).toBe('2025-12-01T05:30:00.000Z');
  });

  it('D/M/YYYY reads day first; impossible dates are rejected', () => {
    expect(parseSheetDate('3/11/2025', 'D/M/YYYY', 'Europe/Amsterdam')).toBe('2025-11-02T23:00:00.000Z');
    expect(parseSheetDate('2/30/2025', 'M/D/YYYY', 'UTC')).toBeNull();
  });

  it('ISO with an offset is an instant; without one it is local to the zone', () => {
    expect(parseSheetDate('2025-10-02T14:30:00+02:00', 'iso', 'America/New_York')).toBe('2025-10-02T12:30:00.000Z');
    expect(parseSheetDate('2025-10-02 14:30', 'iso', 'America/New_York')).toBe('2025-10-02T18:30:00.000Z');
    expect(parseSheetDate('10/02/2025', 'iso', 'UTC')).toBeNull();
  });
});

describe('sheet dates on daylight saving days', () => {
  it('a wall time on the day clocks change keeps its own offset (America/New_York, 2 Nov 2025)', () => {
    expect(parseSheetDate('11/2/2025 0:30', 'M/D/YYYY', 'America/New_York')).toBe('2025-11-02T04:30:00.000Z');
    expect(parseSheetDate('11/2/2025 3:30', 'M/D/YYYY', 'America/New_York')).toBe('2025-11-02T08:30:00.000Z');
    expect(parseSheetDate('3/9/2025 1:59', 'M/D/YYYY', 'America/New_York')).toBe('2025-03-09T06:59:00.000Z');
    expect(parseSheetDate('3/9/2025 3:00', 'M/D/YYYY', 'America/New_York')).toBe('2025-03-09T07:00:00.000Z');
    expect(parseSheetDate('3/10/2025 3:00', 'M/D/YYYY', 'America/New_York')).toBe('2025-03-10T07:00:00.000Z');
  });
});
