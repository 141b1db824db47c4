import type { Role } from '../access/roles.js';
import { DomainError, invalidInput } from '../errors.js';
import { isKnownCurrency } from '../money/currency.js';
import type { LogFieldDef, LogFields, LogFieldValue, LogTypeDef } from './log-type.js';

const MAX_TEXT = 2000;
const MAX_LONGTEXT = 10_000;
const MAX_LIST = 50;
const SKU = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export interface FieldPatchResult {
  /** The entry's fields after the patch. */
  fields: LogFields;
  /** Keys whose value changed (set, replaced or cleared). */
  changed: string[];
}

/**
 * Applies a person's field patch: known fields only, each typed and checked, each written only by
 * the roles the template names (the supplier writes only its own part, issue 5 item 2), `null`
 * clears. On opening, the template's required fields must be there.
 */
export function applyFieldPatch(
  type: LogTypeDef,
  current: LogFields,
  input: unknown,
  role: Role,
  mode: 'open' | 'update',
): FieldPatchResult {
  if (input === undefined && mode === 'open') input = {};
  if (input === null || typeof input !== 'object' || Array.isArray(input)) throw invalidInput('fields', 'expected an object of field values');
  const fields: LogFields = { ...current };
  const changed: string[] = [];
  for (const [key, raw] of Object.entries(input as Record<string, unknown>)) {
    const def = type.fields.find((f) => f.key === key);
    const path = `fields.${key}`;
    if (!def) throw invalidInput(path, `no such field on a ${type.key} entry; fields: ${type.fields.map((f) => f.key).join(', ')}`);
    if (def.derived) throw invalidInput(path, 'set by the system, not by hand');
    if (!def.editableBy.includes(role)) throw new DomainError('forbidden', `the ${role} role may not set ${key} on a ${type.key} entry`, path);
    const before = fields[key];
    if (raw === null) {
      delete fields[key];
    } else {
      fields[key] = parseFieldValue(def, raw, path);
    }
    if (JSON.stringify(before) !== JSON.stringify(fields[key])) changed.push(key);
  }
  if (mode === 'open') {
    const missing = type.fields.find((f) => f.requiredAtOpen && fields[f.key] === undefined);
    if (missing) throw invalidInput(`fields.${missing.key}`, `required to open a ${type.key} entry`);
  }
  return { fields, changed };
}

export function parseFieldValue(def: LogFieldDef, raw: unknown, path: string): LogFieldValue {
  switch (def.type) {
    case 'text':
    case 'longtext': {
      const max = def.type === 'text' ? MAX_TEXT : MAX_LONGTEXT;
      if (typeof raw !== 'string' || raw.trim() === '' || raw.length > max) throw invalidInput(path, `expected non-empty text of at most ${max} characters`);
      return raw.trim();
    }
    case 'enum':
      if (typeof raw !== 'string' || !def.options?.includes(raw)) throw invalidInput(path, `expected one of ${def.options?.join(', ')}`);
      return raw;
    case 'enum_list': {
      const list = stringList(raw, path);
      const bad = list.findIndex((v) => !def.options?.includes(v));
      if (bad >= 0) throw invalidInput(`${path}[${bad}]`, `expected one of ${def.options?.join(', ')}`);
      return unique(list, path);
    }
    case 'date': {
      const m = typeof raw === 'string' ? DATE.exec(raw) : null;
      if (!m || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw invalidInput(path, 'expected a date YYYY-MM-DD');
      return raw as string;
    }
    case 'datetime': {
      const t = typeof raw === 'string' && DATETIME.test(raw) ? Date.parse(raw) : NaN;
      if (Number.isNaN(t)) throw invalidInput(path, 'expected an ISO-8601 time with a zone, e.g. 2026-11-22T09:00:00Z');
      // Stored in UTC with milliseconds, like every time in Ladder (text order = time order).
      return new Date(t).toISOString();
    }
    case 'integer':
      if (typeof raw !== 'number' || !Number.isSafeInteger(raw) || raw < 0) throw invalidInput(path, 'expected a whole number, 0 or more');
      return raw;
    case 'boolean':
      if (typeof raw !== 'boolean') throw invalidInput(path, 'expected true or false');
      return raw;
    case 'sku':
      if (typeof raw !== 'string' || !SKU.test(raw.trim())) throw invalidInput(path, 'expected a SKU: letters, digits, . _ / -, at most 64 characters');
      return raw.trim();
    case 'sku_list': {
      const list = stringList(raw, path).map((s) => s.trim());
      const bad = list.findIndex((s) => !SKU.test(s));
      if (bad >= 0) throw invalidInput(`${path}[${bad}]`, 'expected a SKU: letters, digits, . _ / -, at most 64 characters');
      return unique(list, path);
    }
    case 'order_numbers': {
      const list = stringList(raw, path).map((s) => s.trim());
      const bad = list.findIndex((s) => s === '' || s.length > 100);
      if (bad >= 0) throw invalidInput(`${path}[${bad}]`, 'expected an order number of at most 100 characters');
      return unique(list, path);
    }
    case 'currency':
      if (typeof raw !== 'string' || !isKnownCurrency(raw)) throw invalidInput(path, 'expected an ISO 4217 currency code, e.g. EUR');
      return raw;
    case 'url': {
      let ok = false;
      if (typeof raw === 'string' && raw.length <= 2000) {
        try {
          const u = new URL(raw);
          ok = u.protocol === 'https:' || u.protocol === 'http:';
        } catch {
          ok = false;
        }
      }
      if (!ok) throw invalidInput(path, 'expected an http(s) link');
      return raw as string;
    }
  }
}

function stringList(raw: unknown, path: string): string[] {
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_LIST) throw invalidInput(path, `expected a list of 1 to ${MAX_LIST} values`);
  const bad = raw.findIndex((v) => typeof v !== 'string');
  if (bad >= 0) throw invalidInput(`${path}[${bad}]`, 'expected text');
  return raw as string[];
}

function unique(list: string[], path: string): string[] {
  const seen = new Set<string>();
  for (const [i, v] of list.entries()) {
    if (seen.has(v)) throw invalidInput(`${path}[${i}]`, `${v} is listed twice`);
    seen.add(v);
  }
  return list;
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
