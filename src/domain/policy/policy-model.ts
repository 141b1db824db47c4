// The policy document (YAML) as the engine reads it. Rules are data: a team encodes its own SOP by
// editing the YAML, and the engine stays generic. Only the join semantics of decision.md (levels
// take the maximum, priorities the most urgent, escalation needs a non-category cause) live in code.

import type { BusinessCalendarSpec } from '../calendar/business-calendar.js';
import type { CaseStatus } from '../cases/case-status.js';
import type { CaseFacts, Decision } from './case-facts.js';
import type { Action, Channel, Destination, FulfillmentState, Level, Priority, Severity, Signal, Storefront } from './vocabulary.js';

export type Comparator = 'gte' | 'gt' | 'lte' | 'lt' | 'eq';
export const COMPARATORS: readonly Comparator[] = ['gte', 'gt', 'lte', 'lt', 'eq'];

/** `{ gte: 2 }` for counts; amounts keep their decimal string until compiled. */
export type Comparison<T> = Partial<Record<Comparator, T>>;

/** Every key is optional and all given keys must hold (AND). A missing fact never matches. */
export interface RuleCondition {
  category?: string[];
  group?: string[];
  offenseBased?: boolean;
  channel?: Channel[];
  storefront?: Storefront[];
  severity?: Severity[];
  'customer.vip'?: boolean;
  'order.total'?: Comparison<string>;
  'order.failedDeliveries'?: Comparison<number>;
  'order.fulfillment'?: FulfillmentState[];
  'order.destination'?: Destination[];
  /** Needed by a date from today up to N days ahead, in the policy calendar's time zone (R001-13). */
  'order.neededBy'?: { withinDays: number };
  'refund.amount'?: Comparison<string>;
  /** Signal counts, e.g. `{ review_threat: { eq: 1 } }`. */
  signals?: Partial<Record<Signal, Comparison<number>>>;
}

/** What a rule does when it fires. Every rule cites the requirement it implements. */
export interface RuleEffect {
  /** Requirement ID(s), e.g. "R003-06" or "R002-06, R003-06". */
  rule: string;
  text: string;
  level?: Level;
  /** Defaults to "the rule raises the level above L1"; `false` keeps the case with its owner. */
  escalate?: boolean;
  priority?: Priority;
  actions?: Action[];
  redFlag?: string;
}

export interface PolicyRule extends RuleEffect {
  id?: string;
  when: RuleCondition;
}

/** One signal threshold: fires when the count is within [atLeast, atMost]. */
export interface SignalThreshold extends RuleEffect {
  atLeast: number;
  atMost?: number;
}

export interface CategorySpec {
  id: string;
  label?: string;
  group: string;
  level: Level;
  priority: Priority;
  /** Counted against the customer's earlier issues of the same group (R003-02/05/06). */
  offenseBased: boolean;
  /** Requirement the category's row comes from. */
  rule: string;
  /** R001-15 red flags inherent to the category (an injury is a product-safety matter). */
  redFlags: string[];
  /** A supporting team (R000-01: supplier, back office, compliance), not the owner of the level. */
  partner?: string;
}

export interface OffenseBand extends RuleEffect {
  from: number;
  to?: number;
  level: Level;
}

export interface OffenseSpec {
  /** Earlier issues older than this are forgotten; absent = all history counts. */
  lookbackDays?: number;
  bands: OffenseBand[];
}

export interface EscalationSpec {
  rule: string;
  text: string;
  /** Added to every escalation (R002-08: an internal note with an overview of the events). */
  actions: Action[];
}

export type SlaTarget =
  | { calendarMinutes: number }
  | { businessMinutes: number }
  /** End of the working day N business days on (0 = the same business day). */
  | { businessDays: number };

export const DUE_FIELDS = ['firstResponse', 'nextResponse', 'resolution'] as const;
export type DueField = (typeof DUE_FIELDS)[number];

export type SlaTargets = Partial<Record<DueField, SlaTarget>>;

export interface SlaSpec {
  priorities: Record<Priority, SlaTargets>;
  /** Per-channel caps: the due time is the earlier of the priority's and the channel's target. */
  channels: Partial<Record<Channel, SlaTargets>>;
  /** Case statuses in which the SLA clock stops. */
  pauseStates: CaseStatus[];
  /** Requirement IDs the targets come from. */
  rule: string;
}

export interface LevelRoute {
  team: string;
  /** R002-01: the contact differs per storefront (marketplace vs web store). */
  byStorefront: Partial<Record<Storefront, string>>;
}

export interface PolicyExample {
  name: string;
  facts: CaseFacts;
  /** A partial decision: only the given fields are compared. */
  expect: Partial<Decision>;
  /** 1-based line of the example in its source, for reports. */
  line?: number;
}

export interface Policy {
  source: string;
  version: string;
  description?: string;
  routing: Record<Level, LevelRoute>;
  categories: Record<string, CategorySpec>;
  offenses: OffenseSpec;
  signals: Partial<Record<Signal, SignalThreshold[]>>;
  rules: PolicyRule[];
  escalation: EscalationSpec;
  sla: SlaSpec;
  calendar: BusinessCalendarSpec;
  examples: PolicyExample[];
  /** Sections owned by other modules (returns, order SLA, incidents), passed through untouched. */
  raw: Record<string, unknown>;
  /** The YAML text this policy was read from, so a stored policy can be shown as written. */
  text: string;
}
