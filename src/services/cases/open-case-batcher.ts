import type { Store } from '../../store/database.js';
import type { Actor } from '../actor.js';
import type { CaseView } from './case-view.js';
import { openCase } from './open-case.js';
import { openCasesTogether, type OpenCaseInput, type OpenCaseItem, type OpenCaseOutcome } from './open-cases.js';

export interface OpenCaseBatcher {
  open(actor: Actor, input: OpenCaseInput): Promise<CaseView>;
}

export interface OpenCaseBatcherOptions {
  /** The most openings written in one transaction. */
  maxBatch: number;
  /** Batches written at once; openings arriving meanwhile wait and go together in the next. */
  maxInFlight: number;
}

interface Waiting {
  item: OpenCaseItem;
  resolve: (view: CaseView) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for case openings (issue 2 item 10). An opening arriving while the store is idle is
 * written at once, alone, so a quiet desk pays no delay; openings arriving while `maxInFlight`
 * batches are being written queue up and are written together, one statement per table and one
 * commit for all of them. Under load that removes most of the per-case round trips and commits.
 *
 * Each opening still gets its own answer: one refused before writing (role, body, team) fails
 * alone; if a batch's transaction fails (a constraint, a deadlock between two instances), nothing
 * of it was written and each of its openings is retried alone, so only the faulty one fails.
 */
export function createOpenCaseBatcher(store: Store, options: OpenCaseBatcherOptions): OpenCaseBatcher {
  const queue: Waiting[] = [];
  let inFlight = 0;

  const settle = (w: Waiting, outcome: OpenCaseOutcome) => (outcome.ok ? w.resolve(outcome.view) : w.reject(outcome.error));

  async function write(batch: Waiting[]): Promise<void> {
    try {
      const outcomes = await openCasesTogether(store, batch.map((w) => w.item));
      batch.forEach((w, i) => settle(w, outcomes[i]!));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      await Promise.all(batch.map(async (w) => {
        try {
          settle(w, (await openCasesTogether(store, [w.item]))[0]!);
        } catch (alone) {
          w.reject(alone);
        }
      }));
    }
  }

  function pump(): void {
    while (inFlight < options.maxInFlight && queue.length > 0) {
      const batch = queue.splice(0, options.maxBatch);
      inFlight++;
      void write(batch).finally(() => {
        inFlight--;
        pump();
      });
    }
  }

  return {
    open(actor, input) {
      // Batching off: every opening is its own transaction, as many at once as arrive.
      if (options.maxBatch <= 1) return openCase(store, actor, input);
      return new Promise<CaseView>((resolve, reject) => {
        queue.push({ item: { actor, input }, resolve, reject });
        pump();
      });
    },
  };
}
