import { createHash } from 'node:crypto';
import type { Executor } from '../../store/database.js';
import { enqueueJobs } from '../../store/repositories/job.repository.js';
import { deliveryJobOf, type OutboxRecord } from '../../store/repositories/outbox.repository.js';

/** The job that delivers one outbox row (src/jobs/deliver-outbox.job.ts). */
export const DELIVER_OUTBOX_JOB = { kind: 'deliver-outbox', maxAttempts: 10 } as const;

/**
 * The id a receiver sees for a notification (X-Ladder-Delivery, the email's Message-ID): derived
 * from the dedupe key, so every retry of one notification carries the same id.
 */
export function deliveryIdOf(dedupeKey: string): string {
  return createHash('sha256').update(dedupeKey).digest('hex').slice(0, 32);
}

/** Queues one delivery job per new outbox row, in the caller's transaction. */
export async function enqueueDeliveries(db: Executor, rows: OutboxRecord[], at: string): Promise<void> {
  await enqueueJobs(db, rows.map((row) => deliveryJobOf(row, at, DELIVER_OUTBOX_JOB)), at);
}
