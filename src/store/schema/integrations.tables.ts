import type { Id } from './column-types.js';

// Incoming webhooks, email, platform order lines and satisfaction surveys (issue 7).

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

export interface OrderLineSnapshotsTable {
  order_id: number;
  /** The platform that sent the lines ("shopify"). */
  source: string;
  /** { order: return-quote order section without deliveredAt, skuByLineItemId } */
  snapshot_json: string;
  updated_at: string;
}

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

export interface IntegrationTables {
  webhook_deliveries: WebhookDeliveriesTable;
  integration_refs: IntegrationRefsTable;
  email_messages: EmailMessagesTable;
  order_line_snapshots: OrderLineSnapshotsTable;
  survey_invitations: SurveyInvitationsTable;
  parked_shopify_returns: ParkedShopifyReturnsTable;
}

/** A Shopify returns/* or reverse delivery webhook that arrived before what it names (its order, or its return). */
export interface ParkedShopifyReturnsTable {
  id: Id;
  /** The webhook_deliveries row (source shopify) whose body is applied later. */
  delivery_id: string;
  topic: string;
  /** The order it waits for; null when it names only the return and waits for that to be mapped. */
  shopify_order_id: string | null;
  return_id: string;
  parked_at: string;
  applied_at: string | null;
  order_id: number | null;
  result_json: string | null;
  /** Set when it waited longer than SHOPIFY_PARKED_RETURN_EXPIRY_HOURS: it is never applied after that. */
  expired_at: string | null;
}
