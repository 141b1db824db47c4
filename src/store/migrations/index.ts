import type { LadderMigration } from './migration-kit.js';
import { migration as createCoreTables } from './202611220400-create-core-tables.js';
import { migration as addCasePartnerTeam } from './202611220500-add-case-partner-team.js';
import { migration as createJobs } from './202611220600-create-jobs.js';
import { migration as createCaseClocks } from './202611220610-create-case-clocks.js';
import { migration as createOutbox } from './202611220620-create-outbox.js';
import { migration as createWebhookDeliveries } from './202611220700-create-webhook-deliveries.js';
import { migration as createRmas } from './202611220730-create-rmas.js';
import { migration as createHandoffs } from './202611220800-create-handoffs.js';
import { migration as createMacros } from './202611220840-create-macros.js';
import { migration as createCaseLogs } from './202611220900-create-case-logs.js';
import { migration as createEmailMessages } from './202611221000-create-email-messages.js';
import { migration as addRmaAlerts } from './202611221020-add-rma-alerts.js';
import { migration as addOrderLabelScan } from './202611221025-add-order-label-scan.js';
import { migration as createCaseLogAlerts } from './202612061400-create-case-log-alerts.js';
import { migration as createIncidents } from './202612061410-create-incidents.js';
import { migration as createFinanceEntries } from './202612061420-create-finance-entries.js';
import { migration as extendWebhookEndpoints } from './202612061430-extend-webhook-endpoints.js';
import { migration as createSurveyInvitations } from './202612061440-create-survey-invitations.js';
import { migration as createOrderLineSnapshots } from './202612061520-create-order-line-snapshots.js';
import { migration as createParkedShopifyReturns } from './202612061610-create-parked-shopify-returns.js';
import { migration as addParkedShopifyReturnExpiry } from './202612061730-add-parked-shopify-return-expiry.js';

/**
 * Every schema change, in order, named YYYYMMDDHHMM-verb-noun. Listed statically (not read from
 * the directory) so the compiled build and the test runner see exactly the same set.
 */
export const MIGRATIONS: Record<string, LadderMigration> = {
  '202611220400-create-core-tables': createCoreTables,
  '202611220500-add-case-partner-team': addCasePartnerTeam,
  '202611220600-create-jobs': createJobs,
  '202611220610-create-case-clocks': createCaseClocks,
  '202611220620-create-outbox': createOutbox,
  '202611220700-create-webhook-deliveries': createWebhookDeliveries,
  '202611220730-create-rmas': createRmas,
  '202611220800-create-handoffs': createHandoffs,
  '202611220840-create-macros': createMacros,
  '202611220900-create-case-logs': createCaseLogs,
  '202611221000-create-email-messages': createEmailMessages,
  '202611221020-add-rma-alerts': addRmaAlerts,
  '202611221025-add-order-label-scan': addOrderLabelScan,
  '202612061400-create-case-log-alerts': createCaseLogAlerts,
  '202612061410-create-incidents': createIncidents,
  '202612061420-create-finance-entries': createFinanceEntries,
  '202612061430-extend-webhook-endpoints': extendWebhookEndpoints,
  '202612061440-create-survey-invitations': createSurveyInvitations,
  '202612061520-create-order-line-snapshots': createOrderLineSnapshots,
  '202612061610-create-parked-shopify-returns': createParkedShopifyReturns,
  '202612061730-add-parked-shopify-return-expiry': addParkedShopifyReturnExpiry,
};
