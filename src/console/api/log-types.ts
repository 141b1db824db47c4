// The answers of the log API (src/http/routes/logs.routes.ts; src/domain/logs/describe-log-types.ts,
// src/services/logs/log-view.ts). The server trims all of them to what the role may see.

export type LogFieldType =
  | 'text' | 'longtext' | 'enum' | 'enum_list' | 'date' | 'datetime' | 'integer' | 'boolean' | 'sku' | 'sku_list' | 'order_numbers' | 'url' | 'currency';

export type LogFieldValue = string | number | boolean | string[];

export interface LogFieldDescription {
  key: string;
  label: string;
  type: LogFieldType;
  options: string[] | null;
  requiredAtOpen: boolean;
  derived: boolean;
  editableBy: string[];
  youMayEdit: boolean;
  help: string | null;
}

export type LogRequirement =
  | { kind: 'field'; field: string; why: string; when?: unknown }
  | { kind: 'evidence'; evidence: 'photo' | 'screenshot_note' | 'customer_confirmation'; why: string; when?: unknown };

export interface LogTypeDescription {
  key: string;
  label: string;
  rules: string[];
  categories: string[];
  youMayOpen: boolean;
  initialState: string;
  skuField: string | null;
  /** What a supplier sees of this type; null: not supplier work (no supplier team can take it). */
  supplierSees?: unknown;
  fields: LogFieldDescription[];
  states: { key: string; label: string; waitingOn: string | null; terminal: boolean }[];
  transitions: { from: string[]; to: string; label: string; youMay: boolean; noteRequired: boolean; requires: LogRequirement[] }[];
}

export interface LogMove {
  to: string;
  label: string;
  allowed: boolean;
  noteRequired: boolean;
  /** `fields.<key>` or `evidence.<kind>`, with why it is needed. */
  missing: { field: string; message: string }[];
}

export interface LogHead {
  caseId: string;
  type: string;
  typeLabel: string;
  state: string;
  stateLabel: string;
  waitingOn: string | null;
  terminal: boolean;
  sku: string | null;
  /** The supplier team whose queue the entry is in; null: no supplier team's. */
  supplierTeamId?: string | null;
  fields: Record<string, LogFieldValue>;
  dueAt: string | null;
  overdue: boolean;
  openedAt: string;
  stateChangedAt: string;
  closedAt: string | null;
  updatedAt: string;
}

export interface LogQueueItem extends LogHead {
  case: { status: string; priority: string; category?: string };
  orderNumber: string | null;
}

export interface LogEntry extends LogHead {
  case: { id: string; status: string; priority: string; subject?: string | null; category?: string };
  customer: Record<string, unknown> | null;
  order: Record<string, unknown> | null;
  affectedOrders: { orderNumber: string; fulfillment: string | null; reason: string; linkedState: string | null; caseId?: string | null }[] | null;
  nextMoves: LogMove[];
}
