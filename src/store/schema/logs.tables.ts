import type { Id } from './column-types.js';

// Macros, case log entries, their links and deadlines, incident reports (issue 5).

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

export interface CaseLogAlertsTable {
  log_id: number;
  /** The due instant the alert belongs to. */
  due_at: string;
  /** warning | breach */
  alert: string;
  created_at: string;
}

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

export interface LogTables {
  macros: MacrosTable;
  macro_versions: MacroVersionsTable;
  case_logs: CaseLogsTable;
  case_log_links: CaseLogLinksTable;
  case_log_alerts: CaseLogAlertsTable;
  incidents: IncidentsTable;
  incident_cases: IncidentCasesTable;
}
