import type { WorkerServices } from '../../src/jobs/worker-services.js';

/** Worker services for sweeps that only queue alerts: email and in-app on, no mailer, webhooks answered 200. */
export const QUEUE_ONLY_SERVICES: WorkerServices = {
  alerts: { channels: { email: true, inApp: true, webhooks: false }, publicUrl: null },
  transports: { mailer: null, mailDomain: 'shop.test', sendWebhook: async () => ({ status: 200 }) } as unknown as WorkerServices['transports'],
  slaLookAheadMs: 0,
  sweepBatchLimit: 1000,
};
