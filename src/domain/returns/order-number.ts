import { isCalendarDate } from './utc-day.js';

// R004-02: order numbers follow a per-store template. Templates are plain text where `YYYYMMDD`
// stands for the order date (checked against the calendar) and each `#` for one digit; everything
// else is literal, and a backslash makes the next character literal (`\#####` is Shopify's "#1001").
// The SOP's default is ORD-YYYYMMDD-####.

export const DEFAULT_ORDER_NUMBER_TEMPLATE = 'ORD-YYYYMMDD-####';

export type OrderNumberCheck =
  | { ok: true; normalized: string; date?: string; sequence: string }
  | { ok: false; reason: string };

export function checkOrderNumber(input: string, template: string = DEFAULT_ORDER_NUMBER_TEMPLATE): OrderNumberCheck {
  const normalized = input.trim().toUpperCase();
  const pattern = compileTemplate(template);
  const match = pattern.exec(normalized);
  if (!match) return { ok: false, reason: `expected the format ${template}` };
  const { year, month, day } = match.groups ?? {};
  let date: string | undefined;
  if (year !== undefined && month !== undefined && day !== undefined) {
    if (!isCalendarDate(Number(year), Number(month), Number(day))) {
      return { ok: false, reason: `${year}-${month}-${day} is not a calendar date` };
    }
    date = `${year}-${month}-${day}`;
  }
  const sequence = [...Object.entries(match.groups ?? {})]
    .filter(([name]) => name.startsWith('seq'))
    .map(([, digits]) => digits)
    .join('');
  return date === undefined ? { ok: true, normalized, sequence } : { ok: true, normalized, date, sequence };
}

function compileTemplate(template: string): RegExp {
  let source = '';
  let groups = 0;
  let rest = template.toUpperCase();
  while (rest.length > 0) {
    if (rest.startsWith('YYYYMMDD') && !source.includes('(?<year>')) {
      source += '(?<year>\\d{4})(?<month>\\d{2})(?<day>\\d{2})';
      rest = rest.slice(8);
    } else if (rest.startsWith('\\') && rest.length > 1) {
      source += (rest[1] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      rest = rest.slice(2);
    } else if (rest.startsWith('#')) {
      const run = /^#+/.exec(rest)?.[0] ?? '#';
      source += `(?<seq${groups}>\\d{${run.length}})`;
      groups += 1;
      rest = rest.slice(run.length);
    } else {
      source += (rest[0] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      rest = rest.slice(1);
    }
  }
  return new RegExp(`^${source}$`);
}
