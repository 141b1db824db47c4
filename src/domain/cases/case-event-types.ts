// The kinds of entry on a case's append-only timeline. Every change to a case is one of these,
// with its actor and time (issue 2 item 4).
export const CASE_EVENT_TYPES = [
  'opened',
  'message',
  'note',
  'signal',
  'status_changed',
  'priority_changed',
  'level_changed',
  'escalated',
  'deescalated',
  'assigned',
  'decision_changed',
  'attachment_added',
  'promise_set',
  'fields_changed',
  /** A return (RMA) linked to the case moved (issue 6). */
  'rma_changed',
  /** SLA clock alerts (issue 4). */
  'sla_warning',
  'sla_breached',
  /** The case's log entry was opened, its fields changed, or it moved state (issue 5). */
  'log_opened',
  'log_updated',
  'log_moved',
  /** An auto-reply or bounce that arrived on a case's email thread: kept, never a customer message (issue 7). */
  'email_ignored',
  /** The case joined or left an incident report (R000-07). */
  'incident_linked',
  'incident_unlinked',
  /** A red flag raised by the desk itself, e.g. multiple complaints about the same issue (R001-15). */
  'red_flag',
  /** The customer's answer to the satisfaction survey sent on resolution (issue 7 item 3, R004-09). */
  'satisfaction_rated',
  'satisfaction_commented',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

export type ActorKind = 'user' | 'customer' | 'system' | 'integration';
