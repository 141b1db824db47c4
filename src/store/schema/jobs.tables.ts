import type { Id } from './column-types.js';

// Jobs, sweeps, SLA clocks, the outbox and notifications (issue 4).

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
  description: string | null;
  /** 1: also receives events about chargeback and fraud cases (R000-08). */
  include_restricted: number;
}

export interface JobTables {
  jobs: JobsTable;
  sweep_slots: SweepSlotsTable;
  case_clocks: CaseClocksTable;
  outbox: OutboxTable;
  notifications: NotificationsTable;
  webhook_endpoints: WebhookEndpointsTable;
}
