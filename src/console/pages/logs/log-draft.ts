import type { LogFieldDescription, LogFieldValue } from '../../api/log-types.js';

// A templated field's draft in a form: strings, or the ticked options of an enum_list. toWire turns
// a draft into what PATCH /cases/:id/log takes; the server still checks every value and names the
// field it refuses (`fields.<key>`), so a value it will not take goes as typed.

export type Draft = string | string[];

export const LIST_TYPES: ReadonlySet<string> = new Set(['sku_list', 'order_numbers']);

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** An ISO instant as the browser's local `datetime-local` value. */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function toDraft(def: LogFieldDescription, value: LogFieldValue | undefined): Draft {
  if (value === undefined) return def.type === 'enum_list' ? [] : '';
  if (def.type === 'enum_list') return Array.isArray(value) ? value : [String(value)];
  if (Array.isArray(value)) return value.join(', ');
  if (def.type === 'datetime' && typeof value === 'string') return toLocalInput(value);
  return String(value);
}

/** null clears the field; a value the server will not take goes as typed, so its error names the field. */
export function toWire(def: LogFieldDescription, draft: Draft): LogFieldValue | null {
  if (Array.isArray(draft)) return draft.length ? draft : null;
  const text = draft.trim();
  if (text === '') return null;
  if (LIST_TYPES.has(def.type)) return text.split(/[,\n]/).map((s) => s.trim()).filter(Boolean);
  if (def.type === 'integer') return /^\d+$/.test(text) ? Number(text) : text;
  if (def.type === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  if (def.type === 'datetime') {
    const t = Date.parse(text);
    return Number.isNaN(t) ? text : new Date(t).toISOString();
  }
  return text;
}

/** A new entry's drafts: its currency fields start in the desk's currency, the rest empty. */
export function openingDrafts(fields: readonly LogFieldDescription[], currency: string): Record<string, Draft> {
  return Object.fromEntries(fields.filter((f) => f.type === 'currency' && f.youMayEdit).map((f) => [f.key, currency]));
}

export function sameDraft(a: Draft, b: Draft): boolean {
  return Array.isArray(a) && Array.isArray(b) ? a.join('\u0000') === b.join('\u0000') : a === b;
}
