import { DomainError } from '../errors.js';
import { LEVELS, type Level } from '../policy/vocabulary.js';
import { INCIDENT_DIMENSIONS, type IncidentDimension } from './incident.js';

// The policy's `incidents:` section (a passthrough section of the policy file). Every key is
// optional; unknown keys are errors, so a typo never leaves a default silently in force.
//
//   incidents:
//     minCases: 3          # at least this many cases …
//     windowDays: 7        # … opened within this many days …
//     dimensions: [sku, category, carrier]   # … sharing one of these
//     categories: [damaged_item, defective_item, …]   # the complaint categories that count
//     escalateTo: L2       # a flagged case goes up to at least this level, and at least one level
//                          # above where it is (R001-15 "escalate up"); false = flag only

export interface IncidentSettings {
  minCases: number;
  windowDays: number;
  dimensions: readonly IncidentDimension[];
  /** Only complaints count: a busy week of "where is my order" questions is not an incident. */
  categories: readonly string[];
  /** The lowest level a red-flagged case escalates to (always at least one level up); null = flag only. */
  escalateTo: Level | null;
}

/** Item and delivery complaints: what R000-07 and R001-15 mean by "the same issue". */
export const DEFAULT_INCIDENT_CATEGORIES: readonly string[] = [
  'damaged_item', 'defective_item', 'adverse_reaction', 'missing_item', 'wrong_item', 'packaging_issue', 'foreign_object', 'injury',
  'delivered_not_received', 'lost_in_transit', 'failed_delivery', 'invalid_tracking', 'label_created_stale', 'shipping_delay',
  'out_of_stock', 'inventory_discrepancy', 'processing_delay', 'website_issue', 'promo_not_working',
];

export const DEFAULT_INCIDENT_SETTINGS: IncidentSettings = Object.freeze({
  minCases: 3,
  windowDays: 7,
  dimensions: INCIDENT_DIMENSIONS,
  categories: DEFAULT_INCIDENT_CATEGORIES,
  escalateTo: 'L2',
});

const KEYS = ['minCases', 'windowDays', 'dimensions', 'categories', 'escalateTo'] as const;
const ESCALATION_TARGETS = LEVELS.filter((l) => l !== 'L1');

export function parseIncidentSettings(section: unknown, source: string): IncidentSettings {
  const fail = (path: string, message: string): never => {
    throw new DomainError('invalid_policy', `${message} (${source})`, path ? `incidents.${path}` : 'incidents');
  };
  if (section === undefined || section === null) return DEFAULT_INCIDENT_SETTINGS;
  if (typeof section !== 'object' || Array.isArray(section)) fail('', 'expected a mapping');
  const raw = section as Record<string, unknown>;
  for (const key of Object.keys(raw)) if (!(KEYS as readonly string[]).includes(key)) fail(key, `unknown key (expected one of ${KEYS.join(', ')})`);
  const whole = (key: 'minCases' | 'windowDays', min: number, max: number): number => {
    const v = raw[key];
    if (v === undefined) return DEFAULT_INCIDENT_SETTINGS[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) fail(key, `expected a whole number from ${min} to ${max}`);
    return v as number;
  };
  const list = (key: 'dimensions' | 'categories'): string[] | undefined => {
    const v = raw[key];
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || v.length === 0 || v.some((x) => typeof x !== 'string')) fail(key, 'expected a non-empty list of names');
    return v as string[];
  };
  const dimensions = list('dimensions');
  const bad = dimensions?.findIndex((d) => !(INCIDENT_DIMENSIONS as readonly string[]).includes(d)) ?? -1;
  if (bad >= 0) fail(`dimensions[${bad}]`, `expected one of ${INCIDENT_DIMENSIONS.join(', ')}`);
  const escalateTo = raw.escalateTo;
  if (escalateTo !== undefined && escalateTo !== false && !(ESCALATION_TARGETS as readonly unknown[]).includes(escalateTo)) {
    fail('escalateTo', `expected one of ${ESCALATION_TARGETS.join(', ')}, or false to flag without escalating`);
  }
  return {
    minCases: whole('minCases', 2, 1000),
    windowDays: whole('windowDays', 1, 365),
    dimensions: (dimensions as IncidentDimension[] | undefined) ?? DEFAULT_INCIDENT_SETTINGS.dimensions,
    categories: list('categories') ?? DEFAULT_INCIDENT_SETTINGS.categories,
    escalateTo: escalateTo === undefined ? DEFAULT_INCIDENT_SETTINGS.escalateTo : escalateTo === false ? null : (escalateTo as Level),
  };
}
