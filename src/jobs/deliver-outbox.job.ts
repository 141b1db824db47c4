import { DELIVER_OUTBOX_JOB } from '../services/notifications/outbox-jobs.js';
import { deliverOutboxRow, recordDeliveryFailure, UndeliverableError } from '../services/notifications/deliver-outbox-row.js';
import { markOutboxDead } from '../store/repositories/outbox.repository.js';
import { describeError, LeaseLostError, PermanentJobError, readPositiveInt, type JobDefinition } from './job-definition.js';
import type { WorkerServices } from './worker-services.js';
import type { Executor } from '../store/database.js';

/**
 * Delivers one outbox row by email, webhook or in-app notification. Retries back off from 5 s to
 * 30 min over ten attempts (about three hours), so a receiver that is down for a while still gets
 * its notifications; then the job is dead and `ladder jobs retry` sends it again.
 */
export const deliverOutboxJob: JobDefinition<{ outboxId: number; channel?: string }, WorkerServices> = {
  kind: DELIVER_OUTBOX_JOB.kind,
  maxAttempts: DELIVER_OUTBOX_JOB.maxAttempts,
  backoff: { baseMs: 5_000, maxMs: 1_800_000 },
  parse: (payload) => {
    const channel = (payload as { channel?: unknown }).channel;
    return { outboxId: readPositiveInt(payload, 'outboxId'), ...(typeof channel === 'string' ? { channel } : {}) };
  },
  async run(ctx, { outboxId, channel }) {
    let leaseLost: LeaseLostError | null = null;
    // Completing with the sent mark: a lost lease must not undo the mark of a message that went out.
    const completeKeepingMark = async (trx: Executor) => {
      try {
        await ctx.complete(trx);
      } catch (err) {
        if (!(err instanceof LeaseLostError)) throw err;
        leaseLost = err;
      }
    };
    try {
      await deliverOutboxRow(ctx.store, ctx.services.transports, outboxId, ctx.now(), ctx.complete, channel, completeKeepingMark);
      if (leaseLost) throw leaseLost;
    } catch (err) {
      if (err instanceof LeaseLostError) throw err;
      const permanent = err instanceof UndeliverableError;
      await recordDeliveryFailure(ctx.store, outboxId, describeError(err), permanent ? null : ctx.retryAt, ctx.now());
      throw permanent ? new PermanentJobError(err.message) : err;
    }
  },
  async onDead(ctx, { outboxId }, error) {
    // The failed attempt itself was counted in run(): the delivery log shows N attempts, not N + 1.
    await markOutboxDead(ctx.store.db, outboxId, error);
  },
};
