// One sheet row → the body of "open a case" plus the status the sheet says it is in. Pure: the
// policy in force validates the body afterwards (parseOpenCaseRequest), so a dry run and a real
// run report the same row errors.
import { createHash } from 'node:crypto';
import { epochDayOf, wallTimeToInstant, zoneOffsetMs } from '../../domain/calendar/zoned-time.js';
import { CASE_STATUSES, type CaseStatus } from '../../domain/cases/case-status.js';
import { DATE_FIELDS, type ImportMapping, type TargetField } from './import-mapping.js';

export interface MappedRow {
  body: Record<string, unknown>;
  /** The status the sheet records; cases open as new and are then moved there. */
  status: CaseStatus | null;
}

export interface RowProblem {
  field: string;
  message: string;
}

/** Column header → position in the row, from the header record. */
export function columnIndex(header: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    if (!index.has(h.trim())) index.set(h.trim(), i);
  });
  return index;
}

export function mapSheetRow(mapping: ImportMapping, index: Map<string, number>, fields: readonly string[]): MappedRow | RowProblem {
  const cell = (column: string) => (fields[index.get(column.trim()) ?? -1] ?? '').trim();
  const value: Partial<Record<TargetField, string>> = { ...mapping.defaults };
  const notes: string[] = [];

  for (const { column, field } of mapping.columns) {
    let text = cell(column);
    if (!text) continue;
    const map = mapping.values.get(column);
    if (map) {
      const mapped = map.get(text.toLowerCase());
      if (mapped === undefined) return { field, message: `"${clip(text)}" is not in the value map for column ${column}` };
      text = mapped;
    }
    if (field === 'note') notes.push(`${column}: ${text}`);
    else value[field] = text;
  }

  if ('fixed' in mapping.category) value.category ??= mapping.category.fixed;
  else {
    const text = cell(mapping.category.column);
    const mapped = text ? mapping.category.values.get(text.toLowerCase()) : undefined;
    const category = mapped ?? mapping.category.otherwise ?? value.category;
    if (!category) return { field: 'category', message: `"${clip(text)}" in column ${mapping.category.column} is not in the category map` };
    value.category = category;
  }

  for (const field of DATE_FIELDS) {
    const text = value[field];
    if (text === undefined) continue;
    const iso = parseSheetDate(text, mapping.dates.format, mapping.dates.timeZone);
    if (iso === null) return { field, message: `expected a date as ${mapping.dates.format}, got "${clip(text)}"` };
    value[field] = iso;
  }

  let status: CaseStatus | null = null;
  if (value.status !== undefined) {
    if (!(CASE_STATUSES as readonly string[]).includes(value.status)) return { field: 'status', message: `expected one of ${CASE_STATUSES.join(', ')}` };
    status = value.status as CaseStatus;
  }

  const body: Record<string, unknown> = { category: value.category };
  for (const key of ['subject', 'channel', 'storefront', 'severity', 'team'] as const) if (value[key] !== undefined) body[key] = value[key];
  const order: Record<string, unknown> = {};
  if (value['order.number'] !== undefined) order.number = value['order.number'];
  if (value['order.total'] !== undefined) order.total = plainDecimal(value['order.total']);
  if (value['order.currency'] !== undefined) order.currency = value['order.currency'];
  if (value['order.placedAt'] !== undefined) order.placedAt = value['order.placedAt'];
  if (value['order.deliveredAt'] !== undefined) order.deliveredAt = value['order.deliveredAt'];
  if (value['order.fulfillment'] !== undefined) order.fulfillment = value['order.fulfillment'];
  if (value['order.destination'] !== undefined) order.destination = value['order.destination'];
  if (value['order.carrier'] !== undefined) order.carrier = value['order.carrier'];
  if (Object.keys(order).length > 0) body.order = order;
  if (value['refund.amount'] !== undefined) body.refund = { amount: plainDecimal(value['refund.amount']) };

  const customer: Record<string, unknown> = {};
  if (value['customer.name'] !== undefined) customer.name = value['customer.name'];
  if (value['customer.email'] !== undefined) customer.email = value['customer.email'];
  if (value['customer.phone'] !== undefined) customer.phone = value['customer.phone'];
  // Sheets rarely carry a customer id: the e-mail identifies the customer, else the name within this sheet.
  const id = value['customer.id'] ?? value['customer.email']?.toLowerCase() ?? (value['customer.name'] ? `${mapping.source}:${value['customer.name'].toLowerCase()}` : undefined);
  if (id !== undefined) body.customer = { id, ...customer };

  if (notes.length > 0 || value.loggedAt !== undefined) {
    const text = [`Imported from ${mapping.sheet} (${mapping.source})`, ...notes].join('\n');
    body.timeline = [{ type: 'note', text, ...(value.loggedAt !== undefined ? { at: value.loggedAt } : {}) }];
  }
  return { body, status };
}

/** "$1,234.50" → "1234.50": sheets format money for people; the case wants a plain decimal string. */
function plainDecimal(text: string): string {
  return text.replace(/^[$€£]\s*/, '').replace(/,(?=\d{3}(\D|$))/g, '');
}

const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;

/**
 * A sheet date as UTC ISO. ISO text with an offset is an instant; ISO without one and M/D/YYYY
 * (or D/M/YYYY) are wall times in the mapping's zone, as the team typed them on their shift.
 */
export function parseSheetDate(text: string, format: 'iso' | 'M/D/YYYY' | 'D/M/YYYY', timeZone: string): string | null {
  if (format === 'iso') {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
    if (!m) return null;
    if (m[7]) {
      const ms = Date.parse(text.replace(' ', 'T'));
      return Number.isNaN(ms) ? null : new Date(ms).toISOString();
    }
    return zoned(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), timeZone);
  }
  const m = US.exec(text);
  if (!m) return null;
  const [a, b] = [+m[1]!, +m[2]!];
  const [month, day] = format === 'M/D/YYYY' ? [a, b] : [b, a];
  let hour = +(m[4] ?? 0);
  if (m[7]) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (m[7].toLowerCase() === 'pm' ? 12 : 0);
  }
  return zoned(+m[3]!, month, day, hour, +(m[5] ?? 0), +(m[6] ?? 0), timeZone);
}

function zoned(year: number, month: number, day: number, hour: number, minute: number, second: number, timeZone: string): string | null {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCDate() !== day) return null; // 2/30 and the like
  const epochDay = epochDayOf(year, month, day);
  const minuteOfDay = hour * 60 + minute;
  const offset = uniformDayOffset(timeZone, epochDay);
  const instant = offset === null
    ? wallTimeToInstant(timeZone, epochDay, minuteOfDay, 'earlier')
    : epochDay * 86_400_000 + minuteOfDay * 60_000 - offset;
  return new Date(instant + second * 1000).toISOString();
}

// Zone offsets come from Intl and cost microseconds each; a million-row sheet spans few days, so
// the offset of each day without a DST change is kept (null marks a day with a change).
const dayOffsets = new Map<string, number | null>();

function uniformDayOffset(timeZone: string, epochDay: number): number | null {
  const key = `${timeZone}|${epochDay}`;
  let offset = dayOffsets.get(key);
  if (offset === undefined) {
    const start = zoneOffsetMs(timeZone, wallTimeToInstant(timeZone, epochDay, 0, 'earlier'));
    const end = zoneOffsetMs(timeZone, wallTimeToInstant(timeZone, epochDay, 1440, 'earlier') - 1);
    offset = start === end ? start : null;
    if (dayOffsets.size >= 10_000) dayOffsets.clear();
    dayOffsets.set(key, offset);
  }
  return offset;
}

/** The import marker of a row: its sheet and its content, so edits re-import and a re-run skips. */
export function rowKey(mapping: ImportMapping, fields: readonly string[]): string {
  return createHash('sha256').update(`${mapping.source}\u0000${fields.map((f) => f.trim()).join('\u001f')}`).digest('hex');
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
