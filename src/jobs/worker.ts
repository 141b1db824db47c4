import type { Config } from '../config.js';
import type { Store } from '../store/database.js';
import type { Mailer } from '../integrations/email/mailer.js';
import { createSmtpMailer } from '../integrations/email/smtp-mailer.js';
import { createWebhookSender, type WebhookSender } from '../integrations/webhooks/webhook-sender.js';
import { JobRunner, newWorkerId } from './job-runner.js';
import { SweepScheduler, type SweepRun } from './recurring-sweeps.js';
import { JOB_DEFINITIONS } from './job-definitions.js';
import { slaSweep } from './sla-sweep.job.js';
import { orderSlaSweep } from './order-sla-sweep.job.js';
import { rmaAlertSweep } from './rma-alert-sweep.job.js';
import { logDueAlertSweep } from './log-due-alert.job.js';
import { incidentSuggestSweep } from './incident-suggest.sweep.js';
import type { WorkerServices } from './worker-services.js';
import type { OpenMailbox } from '../integrations/email/inbound-mailbox.js';
import { imapMailbox } from '../integrations/email/imap-mailbox.js';
import { inboundSettingsOf, type MailLog } from '../services/email/inbound-settings.js';
import { imapPollSweep } from './imap-poll.sweep.js';
import { shopifyParkedReturnExpirySweep } from './shopify-parked-return-expiry.job.js';

export interface WorkerOptions {
  workerId?: string;
  /** Replaces the SMTP mailer built from config.smtpUrl (tests). */
  mailer?: Mailer | null;
  sendWebhook?: WebhookSender;
  concurrency?: number;
  leaseMs?: number;
  orderSlaIntervalMs?: number;
  now?: () => Date;
  onError?: (err: unknown, where: string) => void;
  onSweep?: (run: SweepRun) => void;
  /** Replaces the IMAP mailbox built from config.imapUrl (tests). */
  openMailbox?: OpenMailbox;
  mailLog?: MailLog;
}

export interface Worker {
  workerId: string;
  runner: JobRunner<WorkerServices>;
  /** Graceful: stops sweeping and claiming, finishes or releases running jobs, closes SMTP. */
  stop(): Promise<void>;
  /** Tests only: stop as a killed process would, leaving claims to expire. */
  crash(): Promise<void>;
}

const ORDER_SLA_INTERVAL_MS = 3_600_000;

function mailDomainOf(mailFrom: string): string {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom;
  return address.split('@')[1]?.trim() || 'ladder.invalid';
}

/**
 * The background worker of one instance (issue 4 items 4–6): recurring sweeps (SLA clocks every
 * SLA_SWEEP_INTERVAL_MS, order SLAs hourly), each slot run by one instance only, and a job runner
 * sharing the queue with every other instance.
 */
export function startWorker({ store, config, options = {} }: { store: Store; config: Config; options?: WorkerOptions }): Worker {
  const workerId = options.workerId ?? newWorkerId();
  const ownsMailer = options.mailer === undefined;
  const mailer = options.mailer !== undefined ? options.mailer : config.smtpUrl ? createSmtpMailer({ url: config.smtpUrl, from: config.mailFrom }) : null;
  const services: WorkerServices = {
    alerts: { channels: { email: mailer !== null, inApp: true, webhooks: true }, publicUrl: config.publicUrl },
    transports: {
      mailer, mailDomain: mailDomainOf(config.mailFrom), sendWebhook: options.sendWebhook ?? createWebhookSender(),
      survey: { publicUrl: config.publicUrl, linkTtlDays: config.surveyLinkTtlDays },
    },
    // Twice the interval: a due instant is always queued by a sweep before it passes.
    slaLookAheadMs: 2 * config.slaSweepIntervalMs + 1_000,
    sweepBatchLimit: 5_000,
    shopifyParkedReturnExpiryHours: config.shopifyParkedReturnExpiryHours,
  };
  const openMailbox = options.openMailbox ?? (config.imapUrl ? imapMailbox({ url: config.imapUrl, processedMailbox: config.imapProcessedMailbox }) : null);
  if (openMailbox) services.inboundMail = { openMailbox, settings: inboundSettingsOf(config), ...(options.mailLog ? { log: options.mailLog } : {}) };
  const onError = options.onError ?? (() => undefined);
  const runner = new JobRunner<WorkerServices>({
    store,
    definitions: JOB_DEFINITIONS,
    services,
    workerId,
    // SQLite: every job's transaction joins the one writer's group commit, so more jobs in flight
    // share each WAL sync — a 1,000-breach burst drained with p99 3.3–3.8 s at 4, 2.6 s at 16
    // (bench:sla --phase burst). PostgreSQL got slower above 8 (each transaction holds a pooled
    // connection and waits on its own WAL flush).
    concurrency: options.concurrency ?? (store.dialect === 'postgres' ? 8 : 16),
    leaseMs: options.leaseMs ?? 60_000,
    pollMs: config.jobPollIntervalMs,
    ...(options.now ? { now: options.now } : {}),
    onError: (err, job) => onError(err, job ? `job ${job.kind} #${job.id}` : 'job runner'),
  });
  const scheduler = new SweepScheduler<WorkerServices>({
    store,
    services,
    workerId,
    sweeps: [
      slaSweep(config.slaSweepIntervalMs),
      orderSlaSweep(options.orderSlaIntervalMs ?? ORDER_SLA_INTERVAL_MS),
      rmaAlertSweep(config.slaSweepIntervalMs),
      logDueAlertSweep(config.slaSweepIntervalMs),
      incidentSuggestSweep(),
      shopifyParkedReturnExpirySweep(),
      ...(openMailbox ? [imapPollSweep(config.imapPollIntervalMs)] : []),
    ],
    ...(options.now ? { now: options.now } : {}),
    onRun: (run) => {
      options.onSweep?.(run);
      if (run.result.queued > 0) runner.nudge();
    },
    onError: (err, sweep) => onError(err, `sweep ${sweep}`),
  });
  runner.start();
  scheduler.start();
  return {
    workerId,
    runner,
    async stop() {
      await scheduler.stop();
      await runner.stop();
      if (ownsMailer) mailer?.close();
    },
    async crash() {
      await scheduler.stop();
      await runner.crash();
    },
  };
}
