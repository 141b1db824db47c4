import type { JobDefinition } from './job-definition.js';
import type { WorkerServices } from './worker-services.js';
import { slaBreachJob } from './sla-breach.job.js';
import { slaWarningJob } from './sla-warning.job.js';
import { deliverOutboxJob } from './deliver-outbox.job.js';
import { orderSlaCaseJob } from './order-sla-sweep.job.js';
import { rmaBreachJob, rmaWarningJob } from './rma-alert.job.js';
import { logDueAlertJob } from './log-due-alert.job.js';
import { incidentEscalationNoticeJob } from './incident-escalation-notice.job.js';
import { shopifyParkedReturnExpiryJob } from './shopify-parked-return-expiry.job.js';

/** Every kind of job a worker runs. */
export const JOB_DEFINITIONS: readonly JobDefinition<any, WorkerServices>[] = [slaBreachJob, slaWarningJob, deliverOutboxJob, orderSlaCaseJob, rmaWarningJob, rmaBreachJob, logDueAlertJob, incidentEscalationNoticeJob, shopifyParkedReturnExpiryJob];
