import type { Role } from '../access/roles.js';

// A log type is the template a case's log entry follows (issue 5 item 1; R000-12: every request is
// logged with its template). Definitions are plain data so the API can hand them to a generic form
// and tests can walk every state and transition; the only behaviour lives in the checker modules.

export const LOG_FIELD_TYPES = [
  'text', 'longtext', 'enum', 'enum_list', 'date', 'datetime', 'integer', 'boolean', 'sku', 'sku_list', 'order_numbers', 'url', 'currency',
] as const;
export type LogFieldType = (typeof LOG_FIELD_TYPES)[number];

export type LogFieldValue = string | number | boolean | string[];
export type LogFields = Record<string, LogFieldValue>;

export interface LogFieldDef {
  key: string;
  label: string;
  type: LogFieldType;
  /** For enum and enum_list. */
  options?: readonly string[];
  /** Must be given when the entry is opened. Requirements at later moves live on the transitions. */
  requiredAtOpen?: boolean;
  /** Who may write it; a field nobody may write is derived by the system. */
  editableBy: readonly Role[];
  /** Set by the system (e.g. the rush answer from the order's fulfillment state); never written by a person. */
  derived?: boolean;
  help?: string;
}

/** A test on the entry's fields; every given test must hold. */
export interface LogCondition {
  field: string;
  equals?: string | number | boolean;
  oneOf?: readonly string[];
  /** An enum_list or list field contains this value. */
  includes?: string;
  filled?: boolean;
}

export const EVIDENCE_KINDS = ['photo', 'screenshot_note', 'customer_confirmation'] as const;
/**
 * photo: an image attached to the case (R000-11, R001-04). screenshot_note: an internal note and an
 * image attached after the entry was opened — the screenshot of the log entry in the ticket (R000-05,
 * R000-12). customer_confirmation: the customer's confirmation recorded — when and how (R000-05, R000-06).
 */
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export type LogRequirement =
  | { kind: 'field'; field: string; equals?: string | number | boolean; oneOf?: readonly string[]; memberOf?: string; when?: LogCondition; why: string }
  | { kind: 'evidence'; evidence: EvidenceKind; when?: LogCondition; why: string };

export interface LogStateDef {
  key: string;
  label: string;
  /** Whose move it is now: the queue the entry sits in. Null for terminal states. */
  waitingOn: LogQueue | null;
  terminal?: boolean;
  /** The desk waits on the customer's answer or visit here: the case is pending_customer (issue 5). */
  awaits?: 'customer';
}

export const LOG_QUEUES = ['agents', 'back_office', 'supplier', 'store'] as const;
export type LogQueue = (typeof LOG_QUEUES)[number];

export interface LogTransitionDef {
  from: readonly string[];
  to: string;
  label: string;
  by: readonly Role[];
  requires?: readonly LogRequirement[];
  /** A written reason is needed (cancelling, sending back). */
  noteRequired?: boolean;
}

/** What the supplier sees of an entry of this type (issue 5 item 2); absent: the supplier never sees it. */
export interface SupplierExposure {
  /** Only while the entry is in one of these states (its queue); absent: in every state. */
  states?: readonly string[];
  fields: readonly string[];
  customer: readonly ('name' | 'phone')[];
  order: readonly ('number' | 'fulfillment' | 'placedAt' | 'shippedAt' | 'deliveredAt' | 'destination' | 'neededBy')[];
}

export interface LogTypeDef {
  key: string;
  label: string;
  /** Requirement IDs this template implements. */
  rules: readonly string[];
  /** Contract categories whose cases usually carry this entry; a hint for forms, not a restriction. */
  categories: readonly string[];
  openableBy: readonly Role[];
  initialState: string;
  states: readonly LogStateDef[];
  transitions: readonly LogTransitionDef[];
  fields: readonly LogFieldDef[];
  /** The field whose value is the entry's SKU (indexed, linked across orders). */
  skuField?: string;
  /** Minutes from opening to the entry's due time (R001-09: store pickup ready within 2 hours). */
  dueWithinMinutes?: { minutes: number; when?: LogCondition; until: readonly string[] };
  supplier?: SupplierExposure;
  /**
   * Only roles with `restricted.read` see entries of this type, and they go only on cases of the
   * type's categories, which are restricted too (R000-08: chargebacks and fraud risk).
   */
  restricted?: boolean;
  /** The entry's due time is a field's value (a chargeback's evidence deadline), until one of `until`. */
  dueFromField?: { field: string; until: readonly string[] };
  /** A warning this long before the due time and a breach at it, through the job runner. */
  dueAlert?: { warnBeforeMinutes: number };
}

// Role groups. Supervisors (R003-01: each level handles everything below it) may do whatever the
// agents and back office may; compliance reviews logs but changes none (R000-01).
export const SUPERVISORS: readonly Role[] = ['lead', 'escalations', 'leadership', 'admin'];
export const AGENTS: readonly Role[] = ['agent', ...SUPERVISORS];
export const BACK_OFFICE: readonly Role[] = ['back_office', ...SUPERVISORS];
export const CS_AND_BACK_OFFICE: readonly Role[] = ['agent', 'back_office', ...SUPERVISORS];
export const SUPPLIER_AND_BACK_OFFICE: readonly Role[] = ['supplier', 'back_office', ...SUPERVISORS];
export const EVERYONE_WHO_LOGS: readonly Role[] = ['agent', 'back_office', 'supplier', ...SUPERVISORS];

export function isFilled(value: LogFieldValue | undefined): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

export function conditionHolds(cond: LogCondition, fields: LogFields): boolean {
  const value = fields[cond.field];
  if (cond.filled !== undefined && isFilled(value) !== cond.filled) return false;
  if (cond.equals !== undefined && value !== cond.equals) return false;
  if (cond.oneOf !== undefined && !(typeof value === 'string' && cond.oneOf.includes(value))) return false;
  if (cond.includes !== undefined && !(Array.isArray(value) && value.includes(cond.includes))) return false;
  return true;
}
