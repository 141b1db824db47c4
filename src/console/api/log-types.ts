// The answers of the log API (src/http/routes/logs.routes.ts; src/domain/logs/describe-log-types.ts,
// src/services/logs/log-view.ts). The server trims all of them to what the role may see.

import type { LogFieldType, LogFieldValue } from '../../domain/logs/log-type.js';
import type { LogHeadView, LogMoveView } from '../../services/logs/log-view.js';

export type { LogFieldType, LogFieldValue, LogMoveView as LogMove };

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

/** The summary row of an entry; queue rows and the full entry add to it. */
export type LogHead = LogHeadView;

export interface LogQueueItem extends LogHead {
  case: { status: string; priority: string; category?: string };
  orderNumber: string | null;
}

export interface LogEntry extends LogHead {
  case: { id: string; status: string; priority: string; subject?: string | null; category?: string };
  customer: Record<string, unknown> | null;
  order: Record<string, unknown> | null;
  affectedOrders: { orderNumber: string; fulfillment: string | null; reason: string; linkedState: string | null; caseId?: string | null }[] | null;
  nextMoves: LogMoveView[];
}
