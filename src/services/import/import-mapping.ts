// The column-mapping file of a sheet import (issue 7 item 4): which of the team's sheets it is,
// which column feeds which case field, how cell values translate (value maps), how dates are
// written and in which zone, and defaults for what the sheet never says. Every problem is
// reported at once, each naming the file and the path inside it.
import { parse as parseYaml } from 'yaml';
import { canonicalTimeZone } from '../../domain/calendar/zoned-time.js';

export const SHEET_KINDS = ['escalations_log', 'problem_orders', 'chargebacks', 'refunds'] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];

/** Case fields a column may feed. `note` may be fed by several columns; the others by one. */
export const TARGET_FIELDS = [
  'subject', 'category', 'channel', 'storefront', 'severity', 'team', 'status', 'loggedAt', 'note',
  'customer.id', 'customer.name', 'customer.email', 'customer.phone',
  'order.number', 'order.total', 'order.currency', 'order.placedAt', 'order.deliveredAt', 'order.fulfillment',
  'order.destination', 'order.carrier', 'refund.amount',
] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

/** Fields whose cells are dates, read with the mapping's date format and zone. */
export const DATE_FIELDS: ReadonlySet<TargetField> = new Set(['loggedAt', 'order.placedAt', 'order.deliveredAt']);

export const DATE_FORMATS = ['iso', 'M/D/YYYY', 'D/M/YYYY'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export interface ImportMapping {
  file: string;
  sheet: SheetKind;
  /** Names this sheet in the import markers, so re-importing it (or a longer copy) skips rows already in. */
  source: string;
  columns: { column: string; field: TargetField }[];
  /** Column → (cell value → field value). A non-empty cell missing from its map is a row error. */
  values: Map<string, Map<string, string>>;
  category: { fixed: string } | { column: string; values: Map<string, string>; otherwise: string | null };
  dates: { format: DateFormat; timeZone: string };
  defaults: Partial<Record<TargetField, string>>;
}

export class ImportMappingError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ImportMappingError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const scalarText = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;

export function parseImportMapping(text: string, file: string): ImportMapping {
  const problems: string[] = [];
  const problem = (path: string, message: string) => problems.push(`${file}: ${path}: ${message}`);
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    throw new ImportMappingError([`${file}: invalid YAML (${(err as Error).message.split('\n')[0]})`]);
  }
  if (!isObject(doc)) throw new ImportMappingError([`${file}: expected a mapping with sheet, columns and category`]);

  for (const key of Object.keys(doc)) {
    if (!['sheet', 'source', 'columns', 'values', 'category', 'dates', 'defaults'].includes(key)) problem(key, 'unknown key');
  }
  const sheet = doc.sheet;
  if (typeof sheet !== 'string' || !(SHEET_KINDS as readonly string[]).includes(sheet)) problem('sheet', `expected one of ${SHEET_KINDS.join(', ')}`);
  const source = doc.source === undefined ? sheet : doc.source;
  if (typeof source !== 'string' || !/^[a-z0-9][a-z0-9_.-]{0,59}$/i.test(source)) problem('source', 'expected a short name of letters, digits, _ . -');

  const columns: ImportMapping['columns'] = [];
  if (!isObject(doc.columns) || Object.keys(doc.columns).length === 0) problem('columns', 'expected a mapping of column header → field');
  else {
    const fed = new Set<string>();
    for (const [column, field] of Object.entries(doc.columns)) {
      if (typeof field !== 'string' || !(TARGET_FIELDS as readonly string[]).includes(field)) {
        problem(`columns.${column}`, `expected one of ${TARGET_FIELDS.join(', ')}`);
      } else if (field !== 'note' && fed.has(field)) {
        problem(`columns.${column}`, `${field} is already fed by another column`);
      } else {
        fed.add(field);
        columns.push({ column, field: field as TargetField });
      }
    }
  }

  const values = new Map<string, Map<string, string>>();
  if (doc.values !== undefined) {
    if (!isObject(doc.values)) problem('values', 'expected column → { cell value: field value }');
    else {
      for (const [column, map] of Object.entries(doc.values)) {
        if (!columns.some((c) => c.column === column)) problem(`values.${column}`, 'not a column named under columns');
        const parsed = parseValueMap(map, `values.${column}`, problem);
        if (parsed) values.set(column, parsed);
      }
    }
  }

  let category: ImportMapping['category'] | null = null;
  if (typeof doc.category === 'string' && doc.category.trim()) category = { fixed: doc.category.trim() };
  else if (isObject(doc.category)) {
    const c = doc.category;
    const map = parseValueMap(c.values, 'category.values', problem);
    if (typeof c.column !== 'string' || !c.column) problem('category.column', 'expected the header of the column holding the issue type');
    if (c.otherwise !== undefined && typeof c.otherwise !== 'string') problem('category.otherwise', 'expected a category id');
    if (typeof c.column === 'string' && map) category = { column: c.column, values: map, otherwise: typeof c.otherwise === 'string' ? c.otherwise : null };
  } else problem('category', 'expected a category id, or { column, values, otherwise }');

  let dates: ImportMapping['dates'] = { format: 'iso', timeZone: 'UTC' };
  if (doc.dates !== undefined) {
    if (!isObject(doc.dates)) problem('dates', 'expected { format, timeZone }');
    else {
      const format = doc.dates.format ?? 'iso';
      const zone = doc.dates.timeZone ?? 'UTC';
      const canonical = typeof zone === 'string' ? canonicalTimeZone(zone) : undefined;
      if (typeof format !== 'string' || !(DATE_FORMATS as readonly string[]).includes(format)) problem('dates.format', `expected one of ${DATE_FORMATS.join(', ')}`);
      if (!canonical) problem('dates.timeZone', 'expected an IANA time zone such as America/New_York');
      dates = { format: format as DateFormat, timeZone: canonical ?? 'UTC' };
    }
  }

  const defaults: ImportMapping['defaults'] = {};
  if (doc.defaults !== undefined) {
    if (!isObject(doc.defaults)) problem('defaults', 'expected field → value');
    else {
      for (const [field, value] of Object.entries(doc.defaults)) {
        const text = scalarText(value);
        if (!(TARGET_FIELDS as readonly string[]).includes(field) || field === 'note') problem(`defaults.${field}`, 'not a field a default can fill');
        else if (text === null) problem(`defaults.${field}`, 'expected a text value');
        else defaults[field as TargetField] = text;
      }
    }
  }

  if (problems.length > 0) throw new ImportMappingError(problems);
  return { file, sheet: sheet as SheetKind, source: source as string, columns, values, category: category!, dates, defaults };
}

function parseValueMap(map: unknown, path: string, problem: (path: string, message: string) => void): Map<string, string> | null {
  if (!isObject(map)) {
    problem(path, 'expected { cell value: field value }');
    return null;
  }
  const out = new Map<string, string>();
  for (const [from, to] of Object.entries(map)) {
    const text = scalarText(to);
    if (text === null) problem(`${path}.${from}`, 'expected a text value');
    // Sheets are typed by hand: match cell values ignoring case and surrounding spaces.
    else out.set(from.trim().toLowerCase(), text);
  }
  return out;
}

/** Headers the mapping names that the sheet lacks: a mapping written for another sheet. */
export function missingColumns(mapping: ImportMapping, header: readonly string[]): string[] {
  const present = new Set(header.map((h) => h.trim()));
  const named = [...mapping.columns.map((c) => c.column), ...('column' in mapping.category ? [mapping.category.column] : [])];
  return named.filter((c) => !present.has(c.trim()));
}
