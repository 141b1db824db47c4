import { DomainError } from '../errors.js';
import { DEFAULT_ORDER_NUMBER_TEMPLATE } from './order-number.js';
import { DEFAULT_RMA_TIME_TARGETS, type RmaTimeTarget, type RmaTimeTargets } from './rma-time-targets.js';

// The RMA parts of a policy's `returns:` section: time targets (R004-05, R004-07, R004-08) and the
// order-number format per storefront (R004-02). Every key is optional; unknown keys are errors, so a
// typo never leaves a default silently in force.
//
//   returns:
//     rmaTimeTargets:
//       confirmation: { businessMinutes: 60 }
//       processingDeadline: { businessDays: 5 }
//     orderNumberFormats:
//       default: ORD-YYYYMMDD-####
//       marketplace: '\#####'          # a backslash makes the next character literal

export interface RmaSettings {
  timeTargets: RmaTimeTargets;
  orderNumberFormats: { default: string; byStorefront: Readonly<Record<string, string>> };
}

export const DEFAULT_RMA_SETTINGS: RmaSettings = Object.freeze({
  timeTargets: DEFAULT_RMA_TIME_TARGETS,
  orderNumberFormats: Object.freeze({ default: DEFAULT_ORDER_NUMBER_TEMPLATE, byStorefront: Object.freeze({}) }),
});

const TARGET_KEYS = ['confirmation', 'label', 'processingTarget', 'processingDeadline', 'followUp'] as const;
const UNIT_KEYS = ['calendarMinutes', 'businessMinutes', 'businessDays'] as const;

type Raw = Record<string, unknown>;

/** `section` is the policy's `returns:` value (undefined/null: all defaults). */
export function parseRmaSettings(section: unknown, source: string): RmaSettings {
  const fail = (path: string, message: string): never => {
    throw new DomainError('invalid_policy', `${message} (${source})`, path ? `returns.${path}` : 'returns');
  };
  const mapping = (value: unknown, path: string): Raw => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'expected a mapping');
    return value as Raw;
  };
  if (section === undefined || section === null) return DEFAULT_RMA_SETTINGS;
  const returns = mapping(section, '');

  let timeTargets = DEFAULT_RMA_TIME_TARGETS;
  if (returns.rmaTimeTargets !== undefined) {
    const raw = mapping(returns.rmaTimeTargets, 'rmaTimeTargets');
    const targets: Record<string, RmaTimeTarget> = { ...DEFAULT_RMA_TIME_TARGETS };
    for (const [key, value] of Object.entries(raw)) {
      const path = `rmaTimeTargets.${key}`;
      if (!(TARGET_KEYS as readonly string[]).includes(key)) fail(path, `unknown key (expected one of ${TARGET_KEYS.join(', ')})`);
      const target = mapping(value, path);
      const units = Object.keys(target);
      if (units.length !== 1 || !(UNIT_KEYS as readonly string[]).includes(units[0] as string)) {
        fail(path, `expected exactly one of ${UNIT_KEYS.join(', ')}`);
      }
      const unit = units[0] as (typeof UNIT_KEYS)[number];
      const amount = target[unit];
      const whole = unit === 'businessDays';
      if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0 || amount > 525_600 || (whole && !Number.isInteger(amount))) {
        fail(`${path}.${unit}`, `expected a ${whole ? 'whole ' : ''}number from 0 to 525600`);
      }
      targets[key] = { [unit]: amount } as RmaTimeTarget;
    }
    timeTargets = targets as unknown as RmaTimeTargets;
  }

  let orderNumberFormats = DEFAULT_RMA_SETTINGS.orderNumberFormats;
  if (returns.orderNumberFormats !== undefined) {
    const raw = mapping(returns.orderNumberFormats, 'orderNumberFormats');
    const byStorefront: Record<string, string> = {};
    let fallback = DEFAULT_ORDER_NUMBER_TEMPLATE;
    for (const [key, value] of Object.entries(raw)) {
      if (typeof value !== 'string' || value.trim() === '' || value.length > 64) {
        fail(`orderNumberFormats.${key}`, 'expected a template such as ORD-YYYYMMDD-####');
      }
      if (key === 'default') fallback = value as string;
      else byStorefront[key] = value as string;
    }
    orderNumberFormats = { default: fallback, byStorefront };
  }
  return { timeTargets, orderNumberFormats };
}

/** The order-number template of a storefront (R004-02: the pattern is per store). */
export function orderNumberFormatFor(settings: RmaSettings, storefront: string | null): string {
  return (storefront === null ? undefined : settings.orderNumberFormats.byStorefront[storefront]) ?? settings.orderNumberFormats.default;
}
