import type { ColumnType, Generated } from 'kysely';

// Table shapes shared by SQLite and PostgreSQL. Conventions that keep one migration set working on
// both: times are ISO-8601 UTC text with milliseconds (fixed width, so text order is time order);
// flags are integers 0/1; money is bigint minor units (pg's int8 is parsed to number, safe far
// beyond any order total); JSON is text; ids are integer identities.

type Id = Generated<number>;
/** bigint on PostgreSQL comes back as number thanks to the int8 type parser in database.ts. */
type Int = ColumnType<number, number, number>;

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

export interface DB {
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

// --- Jobs, SLA clocks and notifications (issue 4) ---

export interface JobsTable {
  id: Id;
  kind: string;
  key: string;
  payload_json: string;
  run_at: string;
  attempts: number;
  max_attempts: number;
  /** queued | running | done | dead */
  state: string;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface SweepSlotsTable {
  sweep: string;
  slot_start: string;
  claimed_by: string;
  claimed_at: string;
}

export interface CaseClocksTable {
  id: Id;
  case_id: number;
  kind: string;
  clock_json: string;
  /** running | paused | met | breached, as evaluated at the last write. */
  state: string;
  /** When the breach job must run; null when no breach is pending. */
  due_at: string | null;
  /** When the warning job must run; null when no warning is pending. */
  warn_at: string | null;
  warned_at: string | null;
  breached_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface OutboxTable {
  id: Id;
  /** email | webhook | in_app */
  channel: string;
  dedupe_key: string;
  case_id: number | null;
  event: string;
  recipient: string;
  payload_json: string;
  /** pending | sent | dead */
  state: string;
  attempts: number;
  next_attempt_at: string | null;
  sent_at: string | null;
  last_error: string | null;
  created_at: string;
}

export interface NotificationsTable {
  id: Id;
  user_id: number;
  case_id: number | null;
  kind: string;
  text: string;
  outbox_id: number | null;
  created_at: string;
  read_at: string | null;
}

export interface WebhookEndpointsTable {
  id: Id;
  url: string;
  secret: string;
  events_json: string;
  active: number;
  created_at: string;
  updated_at: string;
}

// Declaration merging adds these tables to DB above (kept here so the issue-4 tables sit together).
export interface DB {
  jobs: JobsTable;
  sweep_slots: SweepSlotsTable;
  case_clocks: CaseClocksTable;
  outbox: OutboxTable;
  notifications: NotificationsTable;
  webhook_endpoints: WebhookEndpointsTable;
}

// --- Incoming webhooks (issue 7) ---

export interface WebhookDeliveriesTable {
  id: Id;
  /** The platform that sent it: shopify. */
  source: string;
  /** The platform's delivery id (X-Shopify-Webhook-Id): the same delivery retried keeps it. */
  delivery_id: string;
  topic: string;
  shop_domain: string | null;
  received_at: string;
  /** The body exactly as received and signed. */
  raw_body: string;
  processed_at: string | null;
  /** What the mapping did: outcome and the ids it touched. */
  result_json: string | null;
  error: string | null;
}

export interface IntegrationRefsTable {
  source: string;
  /** order | dispute | fulfillment_event … */
  kind: string;
  /** The platform's id as exact decimal digits (Shopify ids exceed 2^53). */
  external_id: string;
  entity_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface DB {
  webhook_deliveries: WebhookDeliveriesTable;
  integration_refs: IntegrationRefsTable;
}

// --- Returns: RMAs and the refunds/reshipments ledger (issue 6) ---

export interface RmasTable {
  id: Id;
  /** RMA-YYYYMMDD-XXXX (src/domain/returns/rma.ts). */
  number: string;
  order_id: number;
  order_number: string;
  case_id: number | null;
  /** requested | approved | denied | label_sent | in_transit | received | inspected | refunded | credited | cancelled */
  state: string;
  /** The lines' reason when they share one, else "mixed". */
  reason: string;
  resolution: string;
  method: string | null;
  eligible: number;
  approval_required: number;
  /** The returned lines with category, price and, once inspected, outcome and disposition. */
  items_json: string;
  /** The quote as issued (returns-quote.md), minor units. */
  quote_json: string;
  /** The order as quoted: lines, shipping, dates, minor units. */
  order_json: string;
  currency: string;
  refund_total_minor: Int;
  store_credit_bonus_minor: Int;
  /** What was actually paid out (refund, or credit before its bonus); null until settled. */
  settled_total_minor: Int | null;
  requested_by: number | null;
  approved_by: number | null;
  denied_by: number | null;
  decision_note: string | null;
  tracking_number: string | null;
  policy_version: number | null;
  requested_at: string;
  approved_at: string | null;
  denied_at: string | null;
  label_sent_at: string | null;
  in_transit_at: string | null;
  received_at: string | null;
  inspected_at: string | null;
  refunded_at: string | null;
  credited_at: string | null;
  cancelled_at: string | null;
  /** The earliest pending target of the current state; null when nothing is due. */
  due_kind: string | null;
  due_at: string | null;
  warn_at: string | null;
  /** Every target of the current state (RmaDue[]). */
  due_json: string;
  created_at: string;
  updated_at: string;
}

export interface MoneyMovementsTable {
  id: Id;
  rma_id: number;
  order_id: number;
  /** refund | store_credit | reshipment */
  kind: string;
  amount_minor: Int;
  /** Store credit bonus included on top of amount_minor (R004-12); 0 otherwise. */
  bonus_minor: Int;
  currency: string;
  /** original_payment | store_credit | reshipment */
  method: string;
  requested_by: number | null;
  approved_by: number | null;
  performed_by: number | null;
  note: string | null;
  created_at: string;
}

export interface DB {
  rmas: RmasTable;
  money_movements: MoneyMovementsTable;
}

// --- Macros (issue 5 item 3) ---

export interface MacrosTable {
  id: Id;
  folder: string;
  title: string;
  /** 0 once archived: kept with its history, no longer offered for replies. */
  active: number;
  /** The version in force (R000-13: the latest). */
  current_version: number;
  created_by: number | null;
  created_at: string;
}

export interface MacroVersionsTable {
  macro_id: number;
  version: number;
  body: string;
  author_id: number | null;
  created_at: string;
  change_note: string | null;
}

export interface DB {
  macros: MacrosTable;
  macro_versions: MacroVersionsTable;
}

// --- Case log entries (issue 5 item 1) ---

export interface CaseLogsTable {
  id: Id;
  case_id: number;
  type: string;
  state: string;
  sku: string | null;
  supplier_team_id: number | null;
  fields_json: string;
  due_at: string | null;
  opened_by_id: number | null;
  opened_at: string;
  state_changed_at: string;
  closed_at: string | null;
  updated_at: string;
}

export interface CaseLogLinksTable {
  log_id: number;
  order_id: number;
  linked_log_id: number | null;
  reason: string;
  created_at: string;
}

// --- Email in and out (issue 7 item 2) ---

export interface EmailMessagesTable {
  id: Id;
  /** Normalized Message-ID (no angle brackets): one row per mail however often it arrives. */
  message_id: string;
  /** inbound | outbound */
  direction: string;
  case_id: number | null;
  /** The timeline event the mail became (the customer's message, or the internal auto-reply note). */
  case_event_id: number | null;
  /** Outbound: the outbox row that sends it. */
  outbox_id: number | null;
  /** inbound: opened_case | added_message | auto_reply | bounce; outbound: reply */
  disposition: string;
  /** smtp | imap | cli | agent */
  source: string;
  /** Inbound: where an answer goes (Reply-To, else From). Outbound: our From. */
  from_address: string | null;
  /** Inbound: the desk addresses it was for (SMTP envelope, else To/Cc). Outbound: the customer. */
  to_json: string;
  subject: string | null;
  in_reply_to: string | null;
  references_json: string;
  size_bytes: number;
  /** Why an inbound mail was not a customer message (the classifier's reason). */
  note: string | null;
  created_at: string;
}

// --- RMA time targets as SLA clocks (issue 6 item 5) ---

export interface RmasTable {
  /** The next instant a warning or breach of the current state is pending; null when none. */
  alert_at: string | null;
}

export interface RmaAlertsTable {
  id: Id;
  rma_id: number;
  state: string;
  /** confirmation | follow_up | label | processing */
  due_kind: string;
  /** warning | breach */
  alert: string;
  /** The instant that fell due. */
  due_at: string;
  created_at: string;
}

export interface DB {
  case_logs: CaseLogsTable;
  case_log_links: CaseLogLinksTable;
  email_messages: EmailMessagesTable;
  rma_alerts: RmaAlertsTable;
}

// --- Label created, no movement (issue 4 item 3, R003-05) ---

export interface OrdersTable {
  /** When the shipping label was created (a fulfilment with tracking, or a label_* carrier status). */
  label_created_at: string | null;
  /** The carrier's latest scan that moved the parcel; null while it has none. */
  last_carrier_scan_at: string | null;
}

// --- Log entry deadlines (R000-08: a chargeback's evidence due date) ---

export interface CaseLogAlertsTable {
  log_id: number;
  /** The due instant the alert belongs to. */
  due_at: string;
  /** warning | breach */
  alert: string;
  created_at: string;
}

export interface DB {
  case_log_alerts: CaseLogAlertsTable;
}

// --- Outgoing webhooks for case events (issue 7 item 5): merged into WebhookEndpointsTable above ---
export interface WebhookEndpointsTable {
  description: string | null;
  /** 1: also receives events about chargeback and fraud cases (R000-08). */
  include_restricted: number;
}

// --- Satisfaction survey (issue 7 item 3) ---
export interface SurveyInvitationsTable {
  id: Id;
  case_id: number;
  email: string;
  signing_key: string;
  agent_id: number | null;
  team_id: number | null;
  created_at: string;
  sent_at: string | null;
  expires_at: string | null;
  score: number | null;
  rated_at: string | null;
  comment: string | null;
  commented_at: string | null;
}

export interface DB {
  survey_invitations: SurveyInvitationsTable;
}

// --- Order lines for platform returns (issue 6 item 7) ---

export interface OrderLineSnapshotsTable {
  order_id: number;
  /** The platform that sent the lines ("shopify"). */
  source: string;
  /** { order: return-quote order section without deliveredAt, skuByLineItemId } */
  snapshot_json: string;
  updated_at: string;
}

export interface DB {
  order_line_snapshots: OrderLineSnapshotsTable;
}

// --- Incident reports (R000-07, R001-15) ---

export interface IncidentsTable {
  id: Id;
  title: string;
  summary: string | null;
  /** open | monitoring | resolved */
  status: string;
  /** manual | suggested */
  source: string;
  /** sku | category | carrier: what a suggested incident's cases share; null when opened by hand without one. */
  dimension: string | null;
  dimension_key: string | null;
  opened_by_id: number | null;
  opened_at: string;
  status_changed_at: string;
  resolved_at: string | null;
  updated_at: string;
}

export interface IncidentCasesTable {
  incident_id: number;
  case_id: number;
  /** manual | suggested */
  reason: string;
  linked_by_id: number | null;
  linked_at: string;
  /** When the case was red-flagged for this incident (R001-15). */
  flagged_at: string | null;
}

export interface OrdersTable {
  /** The shipping carrier (Shopify's tracking company), when known. */
  carrier: string | null;
}

export interface DB {
  incidents: IncidentsTable;
  incident_cases: IncidentCasesTable;
}

// --- Refunds/reshipments form (R000-09) ---

export interface FinanceEntriesTable {
  id: Id;
  /** refund | reshipment */
  kind: string;
  /** pending_approval | approved | rejected | performed */
  state: string;
  case_id: number | null;
  order_number: string | null;
  amount_minor: Int;
  currency: string;
  method: string;
  reason: string;
  note: string | null;
  /** The payment, voucher or tracking reference once performed. */
  reference: string | null;
  requested_by: number | null;
  approved_by: number | null;
  performed_by: number | null;
  created_at: string;
  approved_at: string | null;
  performed_at: string | null;
  updated_at: string;
}

export interface DB {
  order_line_snapshots: OrderLineSnapshotsTable;
  finance_entries: FinanceEntriesTable;
}

// --- Shopify returns that arrived before their order ---

export interface ParkedShopifyReturnsTable {
  id: Id;
  /** The webhook_deliveries row (source shopify) whose body is applied later. */
  delivery_id: string;
  topic: string;
  shopify_order_id: string;
  return_id: string;
  parked_at: string;
  applied_at: string | null;
  order_id: number | null;
  result_json: string | null;
}

export interface DB {
  parked_shopify_returns: ParkedShopifyReturnsTable;
}
