// RFC 4180 CSV: fields separated by commas, records by CRLF (the last one too); a field holding a
// comma, a double quote, CR or LF is wrapped in double quotes with its quotes doubled. Text a
// spreadsheet would run as a formula (leading =, +, -, @, tab or CR) gets a leading apostrophe:
// a note typed by someone else must never execute when the export is opened (CSV injection).
// Numbers are written as they are; null, undefined and non-finite numbers as nothing.

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = typeof value === 'boolean' ? (value ? 'true' : 'false') : value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly CsvCell[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** A header row and data rows, already in column order. */
export function csvRows(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map(csvLine).join('');
}

/** Records described by named columns. */
export function toCsv<T>(columns: readonly { header: string; value: (row: T) => CsvCell }[], rows: readonly T[]): string {
  return csvRows(columns.map((c) => c.header), rows.map((row) => columns.map((c) => c.value(row))));
}
