import { parseMacroTemplate, type MacroTemplate, type VariableNode } from './macro-template.js';
import { MACRO_VARIABLES, type MacroContext, type MacroMoney, type MacroValue } from './macro-variables.js';
import { unfilledPlaceholders, type Unfilled } from './placeholders.js';

export interface RenderOptions {
  /** IANA zone dates are printed in: the desk's, so "by November 24" means the desk's day. */
  timeZone: string;
  /** BCP 47 locale for dates and money; en-US unless the desk says otherwise. */
  locale?: string;
}

export interface RenderedMacro {
  text: string;
  /** What the agent still has to fill, with offsets in `text`. */
  unfilled: Unfilled[];
}

/**
 * Fills a template's variables from the context. A variable with no value (and no `default`)
 * becomes the blank `[[order.number]]`, so the agent sees what is missing and the reply is refused
 * until it is filled; free blanks stay as written.
 */
export function renderMacro(template: MacroTemplate | string, context: MacroContext, options: RenderOptions): RenderedMacro {
  const t = typeof template === 'string' ? parseMacroTemplate(template) : template;
  let text = '';
  for (const node of t.nodes) {
    if (node.kind === 'text') text += node.value;
    else if (node.kind === 'placeholder') text += `[[${node.label}]]`;
    else text += renderVariable(node, context[node.name], options);
  }
  return { text, unfilled: unfilledPlaceholders(text) };
}

type DateStyle = 'date' | 'weekday' | 'datetime';

function isEmpty(v: MacroValue | null | undefined): v is null | undefined {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

function renderVariable(node: VariableNode, value: MacroValue | null | undefined, options: RenderOptions): string {
  const fallback = node.filters.find((f) => f.name === 'default')?.argument;
  if (isEmpty(value)) return fallback ?? `[[${node.name}]]`;
  const kind = MACRO_VARIABLES[node.name].kind;
  const locale = options.locale ?? 'en-US';
  const dateFilter = node.filters.map((f) => f.name).find((n): n is DateStyle => n === 'date' || n === 'weekday' || n === 'datetime');
  let out: string;
  if (kind === 'money' && typeof value === 'object') out = formatMoney(value, locale);
  else if (kind === 'instant' && typeof value === 'string') out = formatInstant(value, dateFilter ?? 'date', options.timeZone, locale);
  else out = typeof value === 'string' ? value : `${value.decimal} ${value.currency}`;
  // Intl separates with no-break and narrow no-break spaces; replies are plain text an agent edits.
  if (kind !== 'text') out = out.replace(/[\u00a0\u202f]/g, ' ');
  for (const f of node.filters) {
    if (f.name === 'upper') out = out.toLocaleUpperCase(locale);
    else if (f.name === 'lower') out = out.toLocaleLowerCase(locale);
  }
  return out;
}

function formatMoney(m: MacroMoney, locale: string): string {
  try {
    // Decimal strings keep minor-unit precision; Number() is only for display here.
    const digits = m.decimal.includes('.') ? m.decimal.split('.')[1]!.length : 0;
    return new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(Number(m.decimal));
  } catch {
    return `${m.decimal} ${m.currency}`;
  }
}

/**
 * A bare calendar date ("2026-12-24", as `neededBy` may be given) is printed as that date; an
 * instant is printed on the desk's local calendar day.
 */
function formatInstant(value: string, style: DateStyle, timeZone: string, locale: string): string {
  const bareDate = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const ms = Date.parse(bareDate ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(ms)) return value;
  const zone = bareDate ? 'UTC' : timeZone;
  const opts: Intl.DateTimeFormatOptions =
    style === 'date' ? { dateStyle: 'long', timeZone: zone }
    : style === 'weekday' ? { weekday: 'long', month: 'long', day: 'numeric', timeZone: zone }
    : bareDate ? { dateStyle: 'long', timeZone: zone }
    : { dateStyle: 'long', timeStyle: 'short', timeZone: zone };
  const text = new Intl.DateTimeFormat(locale, opts).format(ms);
  return style === 'datetime' && !bareDate ? `${text} ${zoneName(ms, zone, locale)}` : text;
}

function zoneName(ms: number, timeZone: string, locale: string): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }).formatToParts(ms).find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}
