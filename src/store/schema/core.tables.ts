import type { Generated } from 'kysely';
import type { Id, Int } from './column-types.js';

// Teams, people, sign-in, customers, orders, cases and their timeline, audit, policies, handoffs (issue 2).

// Table shapes shared by SQLite and PostgreSQL. Conventions that keep one migration set working on
// both: times are ISO-8601 UTC text with milliseconds (fixed width, so text order is time order);
// flags are integers 0/1; money is bigint minor units (pg's int8 is parsed to number, safe far
// beyond any order total); JSON is text; ids are integer identities.
/** bigint on PostgreSQL comes back as number thanks to the int8 type parser in database.ts. */
export interface TeamsTable {
  id: Id;
  key: string;
  name: string;
  kind: string;
  calendar_json: string | null;
  created_at: string;
}

export interface UsersTable {
  id: Id;
  email: string;
  name: string;
  role: string;
  team_id: number | null;
  password_hash: string | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id: Id;
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface ApiTokensTable {
  id: Id;
  user_id: number;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface CustomersTable {
  id: Id;
  external_id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  vip: number;
  created_at: string;
  updated_at: string;
}

export interface CustomerLinksTable {
  customer_id: number;
  linked_customer_id: number;
  reason: string | null;
  created_at: string;
}

export interface OrdersTable {
  id: Id;
  number: string;
  customer_id: number | null;
  storefront: string | null;
  currency: string | null;
  total_minor: Int | null;
  placed_at: string | null;
  shipped_at: string | null;
  delivered_at: string | null;
  fulfillment: string | null;
  destination: string | null;
  needed_by: string | null;
  failed_deliveries: number;
  created_at: string;
  updated_at: string;
  /** When the shipping label was created (a fulfilment with tracking, or a label_* carrier status). */
  label_created_at: string | null;
  /** The carrier's latest scan that moved the parcel; null while it has none. */
  last_carrier_scan_at: string | null;
  /** The shipping carrier (Shopify's tracking company), when known. */
  carrier: string | null;
}

export interface CasesTable {
  id: Id;
  subject: string | null;
  category: string;
  severity: string | null;
  channel: string | null;
  storefront: string | null;
  status: string;
  priority: string;
  level: string;
  escalated: number;
  /** Manual level/priority set by a person; cleared when new facts move the policy's answer. */
  level_override: string | null;
  priority_override: string | null;
  policy_level: string;
  policy_priority: string;
  customer_id: number | null;
  order_id: number | null;
  assignee_id: number | null;
  team_id: number | null;
  partner_team_id: number | null;
  promised_resolution: string | null;
  promised_by: string | null;
  resolved_by_id: number | null;
  resolved_at: string | null;
  closed_at: string | null;
  first_response_at: string | null;
  first_response_due_at: string | null;
  next_response_due_at: string | null;
  resolution_due_at: string | null;
  /** The case facts not kept in columns or the timeline (refund, order facts given inline, …). */
  facts_json: string;
  decision_json: string;
  policy_version: number | null;
  created_by_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface CaseEventsTable {
  id: Id;
  case_id: number;
  type: string;
  actor_id: number | null;
  actor_kind: string;
  at: string;
  internal: number;
  data_json: string;
}

export interface AttachmentsTable {
  id: Id;
  case_id: number;
  event_id: number | null;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by_id: number | null;
  created_at: string;
}

export interface AuditEventsTable {
  id: Id;
  at: string;
  actor_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  data_json: string;
}

export interface PoliciesTable {
  id: Id;
  version: number;
  label: string | null;
  yaml: string;
  author_id: number | null;
  created_at: string;
}

export interface HandoffsTable {
  id: Generated<number>;
  team_id: number | null;
  shift: string;
  period_start: string;
  period_end: string;
  note: string | null;
  snapshot_json: string;
  signed_off_by_id: number;
  signed_off_at: string;
  acknowledged_by_id: number | null;
  acknowledged_at: string | null;
}

export interface CoreTables {
  teams: TeamsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  customers: CustomersTable;
  customer_links: CustomerLinksTable;
  orders: OrdersTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  attachments: AttachmentsTable;
  audit_events: AuditEventsTable;
  policies: PoliciesTable;
  handoffs: HandoffsTable;
}
