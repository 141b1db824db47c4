import { DomainError } from '../errors.js';
import { isKnownCurrency } from '../money/currency.js';
import { decimalToMinor, describeDecimalProblem } from '../money/decimal.js';
import { percentToBasisPoints } from '../money/rounding.js';
import { DEFAULT_RETURN_POLICY, type HolidayExtension, type PolicyAmount, type ReturnPolicy } from './return-policy.js';
import { RETURN_CONDITIONS, RETURN_REASONS, isOneOf } from './return-vocabulary.js';
import { isCalendarDate } from './utc-day.js';

// The `returns:` section of a policy YAML document. Every key is optional and falls back to
// DEFAULT_RETURN_POLICY; nested objects (restockingFee, storeCredit, holidayExtension) fall back key by
// key. Unknown keys are errors, so a typo never silently leaves a default in force.

type Raw = Record<string, unknown>;

class PolicyReader {
  constructor(private readonly source: string) {}

  fail(path: string, message: string): never {
    throw new DomainError('invalid_policy', `${message} (${this.source})`, path ? `returns.${path}` : 'returns');
  }

  object(value: unknown, path: string, allowed: readonly string[]): Raw {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(path, 'expected a mapping');
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.fail(path ? `${path}.${key}` : key, `unknown key (expected one of ${allowed.join(', ')})`);
    }
    return value as Raw;
  }

  days(value: unknown, path: string): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 36_500) {
      this.fail(path, 'expected a whole number of days (0..36500)');
    }
    return value;
  }

  percent(value: unknown, path: string): number {
    const points = typeof value === 'number' || typeof value === 'string' ? percentToBasisPoints(value) : undefined;
    if (points === undefined) this.fail(path, 'expected a percentage from 0 to 100 with at most two decimals');
    return points;
  }

  boolean(value: unknown, path: string): boolean {
    if (typeof value !== 'boolean') this.fail(path, 'expected true or false');
    return value;
  }

  strings(value: unknown, path: string): string[] {
    if (!Array.isArray(value)) this.fail(path, 'expected a list');
    return value.map((item, i) => {
      if (typeof item !== 'string' || item.trim() === '') this.fail(`${path}[${i}]`, 'expected a non-empty string');
      return item;
    });
  }

  oneOfList<T extends string>(value: unknown, path: string, allowed: readonly T[]): T[] {
    return this.strings(value, path).map((item, i) => {
      if (!isOneOf(allowed, item)) this.fail(`${path}[${i}]`, `unknown value "${item}" (expected ${allowed.join(', ')})`);
      return item;
    });
  }

  monthDay(value: unknown, path: string): string {
    const match = typeof value === 'string' ? /^(\d{2})-(\d{2})$/.exec(value) : null;
    // 2027 is not a leap year: "02-29" would not exist in most years, so it is refused.
    if (!match || !isCalendarDate(2027, Number(match[1]), Number(match[2]))) this.fail(path, 'expected a day of the year as "MM-DD"');
    return value as string;
  }

  /** A decimal amount: "5.99", or { default: "5.99", JPY: "800" }. Unquoted YAML numbers are read through their shortest decimal form. */
  amount(value: unknown, path: string): PolicyAmount {
    const asText = (v: unknown, p: string): string => {
      const text = typeof v === 'number' && Number.isFinite(v) ? String(v) : v;
      if (typeof text !== 'string' || !/^\d+(\.\d+)?$/.test(text)) this.fail(p, 'expected a non-negative decimal amount such as "5.99"');
      return text;
    };
    if (typeof value !== 'object' || value === null) return { default: asText(value, path), byCurrency: {} };
    const raw = this.object(value, path, Object.keys(value));
    if (!('default' in raw)) this.fail(`${path}.default`, 'required when amounts are given per currency');
    const byCurrency: Record<string, string> = {};
    for (const [code, v] of Object.entries(raw)) {
      if (code === 'default') continue;
      if (!isKnownCurrency(code)) this.fail(`${path}.${code}`, 'unknown currency code (expected ISO 4217, e.g. JPY)');
      const text = asText(v, `${path}.${code}`);
      const parsed = decimalToMinor(text, code);
      if (!parsed.ok) this.fail(`${path}.${code}`, describeDecimalProblem(parsed.problem, code));
      byCurrency[code] = text;
    }
    return { default: asText(raw.default, `${path}.default`), byCurrency };
  }
}

const TOP_KEYS = [
  'windowDays', 'holidayExtension', 'excludedCategories', 'storeErrorReasons', 'storeErrorWindowDays',
  'replacementReasons', 'leadReviewReasons', 'customerReasonConditions', 'restockingFee',
  'returnShippingDeduction', 'storeCredit', 'approvalOver', 'warrantyDays',
  // Read by parseRmaSettings (rma-settings.parse.ts), not by the calculator.
  'rmaTimeTargets', 'orderNumberFormats',
] as const;

/**
 * Validates the `returns:` section of a policy document (`raw` is that section, already parsed from
 * YAML or JSON; undefined/null means "all defaults"). Errors are DomainError('invalid_policy') with
 * the field path, e.g. `returns.restockingFee.percent`, and `source` (the file name) in the message.
 */
export function parseReturnPolicy(raw: unknown, source: string): ReturnPolicy {
  if (raw === undefined || raw === null) return DEFAULT_RETURN_POLICY;
  const r = new PolicyReader(source);
  const section = r.object(raw, '', TOP_KEYS);
  const d = DEFAULT_RETURN_POLICY;
  const has = (key: string): boolean => section[key] !== undefined;

  let holidayExtension: HolidayExtension | null = d.holidayExtension;
  if (section.holidayExtension === null || section.holidayExtension === false) holidayExtension = null;
  else if (has('holidayExtension')) {
    const h = r.object(section.holidayExtension, 'holidayExtension', ['placedFrom', 'placedTo', 'returnUntil']);
    const base = d.holidayExtension ?? { placedFrom: '11-01', placedTo: '12-31', returnUntil: '01-31' };
    holidayExtension = {
      placedFrom: h.placedFrom === undefined ? base.placedFrom : r.monthDay(h.placedFrom, 'holidayExtension.placedFrom'),
      placedTo: h.placedTo === undefined ? base.placedTo : r.monthDay(h.placedTo, 'holidayExtension.placedTo'),
      returnUntil: h.returnUntil === undefined ? base.returnUntil : r.monthDay(h.returnUntil, 'holidayExtension.returnUntil'),
    };
    // Season windows do not wrap the new year: "returnUntil" is read in the year after placement.
    if (holidayExtension.placedFrom > holidayExtension.placedTo) r.fail('holidayExtension.placedTo', 'must not be before placedFrom');
  }

  let restockingFee = d.restockingFee;
  if (has('restockingFee')) {
    const f = r.object(section.restockingFee, 'restockingFee', ['percent', 'categories', 'conditions']);
    restockingFee = {
      rate: f.percent === undefined ? d.restockingFee.rate : r.percent(f.percent, 'restockingFee.percent'),
      categories: f.categories === undefined ? d.restockingFee.categories : r.strings(f.categories, 'restockingFee.categories'),
      conditions: f.conditions === undefined
        ? d.restockingFee.conditions
        : r.oneOfList(f.conditions, 'restockingFee.conditions', RETURN_CONDITIONS),
    };
  }

  let storeCredit = d.storeCredit;
  if (has('storeCredit')) {
    const s = r.object(section.storeCredit, 'storeCredit', ['offered', 'bonusPercent']);
    storeCredit = {
      offered: s.offered === undefined ? d.storeCredit.offered : r.boolean(s.offered, 'storeCredit.offered'),
      bonusRate: s.bonusPercent === undefined ? d.storeCredit.bonusRate : r.percent(s.bonusPercent, 'storeCredit.bonusPercent'),
    };
  }

  let warrantyDays = d.warrantyDays;
  if (has('warrantyDays')) {
    const w = r.object(section.warrantyDays, 'warrantyDays', Object.keys(section.warrantyDays as object));
    warrantyDays = Object.fromEntries(Object.entries(w).map(([category, days]) => [category, r.days(days, `warrantyDays.${category}`)]));
  }

  let storeErrorWindowDays = d.storeErrorWindowDays;
  if (section.storeErrorWindowDays === null) storeErrorWindowDays = null;
  else if (has('storeErrorWindowDays')) storeErrorWindowDays = r.days(section.storeErrorWindowDays, 'storeErrorWindowDays');

  return {
    windowDays: has('windowDays') ? r.days(section.windowDays, 'windowDays') : d.windowDays,
    holidayExtension,
    excludedCategories: has('excludedCategories') ? r.strings(section.excludedCategories, 'excludedCategories') : d.excludedCategories,
    storeErrorReasons: has('storeErrorReasons')
      ? r.oneOfList(section.storeErrorReasons, 'storeErrorReasons', RETURN_REASONS)
      : d.storeErrorReasons,
    storeErrorWindowDays,
    replacementReasons: has('replacementReasons')
      ? r.oneOfList(section.replacementReasons, 'replacementReasons', RETURN_REASONS)
      : d.replacementReasons,
    leadReviewReasons: has('leadReviewReasons')
      ? r.oneOfList(section.leadReviewReasons, 'leadReviewReasons', RETURN_REASONS)
      : d.leadReviewReasons,
    customerReasonConditions: has('customerReasonConditions')
      ? r.oneOfList(section.customerReasonConditions, 'customerReasonConditions', RETURN_CONDITIONS)
      : d.customerReasonConditions,
    restockingFee,
    returnShippingDeduction: has('returnShippingDeduction')
      ? r.amount(section.returnShippingDeduction, 'returnShippingDeduction')
      : d.returnShippingDeduction,
    storeCredit,
    approvalOver: has('approvalOver') ? r.amount(section.approvalOver, 'approvalOver') : d.approvalOver,
    warrantyDays,
  };
}
