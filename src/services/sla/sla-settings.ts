import { invalidInput } from '../../domain/errors.js';
import { CLOCK_KINDS, DEFAULT_WARN_FRACTION, type ClockKind } from '../../domain/sla/sla-clock.js';
import { DEFAULT_ORDER_SLA_TARGETS, type OrderSlaTargets } from '../../domain/sla/order-sla.js';

/**
 * What happens as a clock runs out (issue 4 item 5). Read from the policy's `slaBreach` section
 * when it has one; the defaults follow the seeds: warn at 80% elapsed, and a missed resolution
 * promise (R001-13) moves the case one level up, while a missed response (R001-12) alerts the owner
 * and the next level without moving the case.
 *
 *   slaBreach:
 *     warnFraction: 0.8
 *     escalateOn: [resolution]
 */
export interface BreachSettings {
  warnFraction: number;
  /** Clock kinds whose breach raises the case one level. */
  escalateOn: readonly ClockKind[];
}

export const DEFAULT_BREACH_SETTINGS: Readonly<BreachSettings> = Object.freeze({
  warnFraction: DEFAULT_WARN_FRACTION,
  escalateOn: Object.freeze(['resolution'] as ClockKind[]),
});

/**
 * Order SLAs (issue 4 item 3, R003-02, R003-05), from the policy's `orderSla` section:
 *
 *   orderSla:
 *     openCases: true            # open a case for an order past its SLA
 *     processingBusinessDays: 4  # and the other OrderSlaTargets
 */
export interface OrderSlaSettings {
  openCases: boolean;
  targets: OrderSlaTargets;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function readBreachSettings(raw: Record<string, unknown>): BreachSettings {
  const section = raw.slaBreach;
  if (section === undefined || section === null) return DEFAULT_BREACH_SETTINGS;
  if (!isObject(section)) throw invalidInput('slaBreach', 'must be a mapping');
  let warnFraction = DEFAULT_BREACH_SETTINGS.warnFraction;
  if (section.warnFraction !== undefined) {
    const f = section.warnFraction;
    if (typeof f !== 'number' || !(f > 0 && f < 1)) throw invalidInput('slaBreach.warnFraction', 'must be a number between 0 and 1 exclusive');
    warnFraction = f;
  }
  let escalateOn = DEFAULT_BREACH_SETTINGS.escalateOn;
  if (section.escalateOn !== undefined) {
    const list = section.escalateOn;
    if (!Array.isArray(list)) throw invalidInput('slaBreach.escalateOn', 'must be a list of clock kinds');
    list.forEach((k, i) => {
      if (!CLOCK_KINDS.includes(k as ClockKind)) throw invalidInput(`slaBreach.escalateOn[${i}]`, `unknown clock kind ${String(k)}`);
    });
    escalateOn = list as ClockKind[];
  }
  return { warnFraction, escalateOn };
}

export function readOrderSlaSettings(raw: Record<string, unknown>): OrderSlaSettings {
  const section = raw.orderSla;
  if (section === undefined || section === null) return { openCases: true, targets: { ...DEFAULT_ORDER_SLA_TARGETS } };
  if (!isObject(section)) throw invalidInput('orderSla', 'must be a mapping');
  const targets: OrderSlaTargets = { ...DEFAULT_ORDER_SLA_TARGETS };
  for (const key of Object.keys(DEFAULT_ORDER_SLA_TARGETS) as (keyof OrderSlaTargets)[]) {
    const value = section[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw invalidInput(`orderSla.${key}`, 'must be a whole number >= 0');
    targets[key] = value;
  }
  if (section.openCases !== undefined && typeof section.openCases !== 'boolean') throw invalidInput('orderSla.openCases', 'must be true or false');
  return { openCases: section.openCases !== false, targets };
}
