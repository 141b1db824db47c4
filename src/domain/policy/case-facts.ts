import type {
  Action, CategoryId, Channel, Destination, FulfillmentState, Level, Priority, Severity, Signal, Storefront,
} from './vocabulary.js';

/** Case facts in (decision.md). Only `category` is required; a missing fact is unknown, never an error. */
export interface CaseFacts {
  now?: string;
  channel?: Channel;
  storefront?: Storefront;
  category: CategoryId;
  severity?: Severity;
  customer?: {
    id?: string;
    vip?: boolean;
    /** Earlier cases of this customer and of linked accounts (R003-03). An issue without `at` still counts. */
    priorIssues?: { category: CategoryId; at?: string }[];
  };
  order?: {
    number?: string;
    /** Decimal string, never a float. */
    total?: string;
    currency?: string;
    placedAt?: string;
    deliveredAt?: string;
    fulfillment?: FulfillmentState;
    destination?: Destination;
    /** YYYY-MM-DD: an order for an event or deadline (R001-13). */
    neededBy?: string;
    failedDeliveries?: number;
  };
  refund?: { amount?: string };
  timeline?: TimelineFact[];
}

export type TimelineFact =
  | { at?: string; type: 'message'; from: 'customer' | 'agent'; text: string }
  | { at?: string; type: 'signal'; signal: Signal }
  // Anything else on a case's timeline (notes, status changes) is carried but does not decide.
  | { at?: string; type: 'note'; text?: string };

export interface DecisionReason {
  rule: string;
  text: string;
}

/** Decision out (decision.md). Fields may be added; none renamed. */
export interface Decision {
  priority: Priority;
  level: Level;
  escalate: boolean;
  signals: Partial<Record<Signal, number>>;
  redFlags: string[];
  actions: Action[];
  due: { firstResponse?: string; nextResponse?: string; resolution?: string };
  reasons: DecisionReason[];
  // Added beyond decision.md (fields may be added, never renamed):
  /** Who owns the case at its level (R002-01 per storefront, R003-01), and a supporting team (R000-01). */
  route?: { team: string; partner?: string };
  /** Which offense this is for an offense-based category: 1 = first (R003-02/05/06). */
  offense?: number;
  /** The `version` label of the policy that decided. */
  policyVersion?: string;
}
