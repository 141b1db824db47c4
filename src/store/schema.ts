// Table shapes shared by SQLite and PostgreSQL. Conventions that keep one migration set working on
// both: times are ISO-8601 UTC text with milliseconds (fixed width, so text order is time order);
// flags are integers 0/1; money is bigint minor units (pg's int8 is parsed to number, safe far
// beyond any order total); JSON is text; ids are integer identities.

// The tables live by area in ./schema/*.tables.ts; this is the database Kysely sees.

import type { CoreTables } from './schema/core.tables.js';
import type { JobTables } from './schema/jobs.tables.js';
import type { IntegrationTables } from './schema/integrations.tables.js';
import type { ReturnTables } from './schema/returns.tables.js';
import type { LogTables } from './schema/logs.tables.js';

export type { TeamsTable, UsersTable, SessionsTable, ApiTokensTable, CustomersTable, CustomerLinksTable, OrdersTable, CasesTable, CaseEventsTable, AttachmentsTable, AuditEventsTable, PoliciesTable, HandoffsTable } from './schema/core.tables.js';
export type { JobsTable, SweepSlotsTable, CaseClocksTable, OutboxTable, NotificationsTable, WebhookEndpointsTable } from './schema/jobs.tables.js';
export type { WebhookDeliveriesTable, IntegrationRefsTable, EmailMessagesTable, OrderLineSnapshotsTable, SurveyInvitationsTable, ParkedShopifyReturnsTable } from './schema/integrations.tables.js';
export type { RmasTable, RmaAlertsTable, MoneyMovementsTable, FinanceEntriesTable } from './schema/returns.tables.js';
export type { MacrosTable, MacroVersionsTable, CaseLogsTable, CaseLogLinksTable, CaseLogAlertsTable, IncidentsTable, IncidentCasesTable } from './schema/logs.tables.js';

export interface DB extends CoreTables, JobTables, IntegrationTables, ReturnTables, LogTables {}
