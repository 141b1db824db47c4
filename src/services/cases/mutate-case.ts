import type { Store, Executor } from '../../store/database.js';
import { findCaseForUpdate, updateCase, type CaseRecord, type CasePatch } from '../../store/repositories/case.repository.js';
import { appendCaseEvents, listCaseEvents, type CaseEventRecord, type NewCaseEvent } from '../../store/repositories/case-event.repository.js';
import { findCustomerById } from '../../store/repositories/customer.repository.js';
import { findOrderById } from '../../store/repositories/order.repository.js';
import { listAttachments } from '../../store/repositories/attachment.repository.js';
import { DomainError } from '../../domain/errors.js';
import { actorIdOf, type Actor } from '../actor.js';
import { clock } from '../clock.js';
import { loadPolicyRuntime } from '../policy/load-policy-runtime.js';
import type { PolicyRuntime } from '../policy/policy-runtime.js';
import { assertCanSee } from './case-access.js';
import { reevaluateCase } from './reevaluate-case.js';
import { followLevel } from './follow-level.js';
import { presentCase, type CaseView } from './case-view.js';
import { teamIdByKey } from '../teams/team-keys.js';
import { syncCaseClocks } from '../sla/sync-case-clocks.js';
import { caseCalendar } from '../sla/sla-policy.js';
import { publishCaseEvents } from '../notifications/publish-case-events.js';
import { queueSatisfactionSurvey } from '../surveys/queue-survey.js';

export type CaseChange = { patch: CasePatch; events: Omit<NewCaseEvent, 'caseId'>[] };

export interface MutationContext {
  trx: Executor;
  current: CaseRecord;
  now: Date;
  at: string;
  actorId: number | null;
  runtime: PolicyRuntime;
}

/**
 * The frame every change to a case runs in: one transaction, the case row locked, visibility
 * checked (invisible = not found), the change and its timeline events written together, and —
 * when the change brings new facts — the decision re-evaluated in the same transaction.
 */
export async function mutateCase(
  store: Store,
  actor: Actor,
  caseId: number,
  options: {
    reevaluate: boolean;
    /** Runs in the same transaction after the case and its new events are written. */
    within?: (trx: Executor, written: { caseRow: CaseRecord; events: CaseEventRecord[] }) => Promise<void>;
    /** History brought in (a sheet import, the demo): no webhooks, no survey to the customer. */
    quiet?: boolean;
  },
  change: (ctx: MutationContext) => Promise<CaseChange> | CaseChange,
): Promise<CaseView> {
  const runtime = await loadPolicyRuntime(store);
  return store.db.transaction().execute(async (trx) => {
    const current = await findCaseForUpdate(trx, caseId, store.dialect);
    if (!current) throw new DomainError('not_found', 'no such case', 'id');
    assertCanSee(actor, current);
    const now = clock.now();
    const at = now.toISOString();
    const actorId = actorIdOf(actor);
    const { patch, events } = await change({ trx, current, now, at, actorId, runtime });
    let merged: CaseRecord = { ...current, ...patch };
    const allEvents: NewCaseEvent[] = events.map((e) => ({ ...e, caseId }));
    if (options.reevaluate) {
      const re = await reevaluateCase(trx, runtime, merged, {
        now,
        actorId,
        extraEvents: allEvents.map((e) => ({ type: e.type, at: e.at, actorKind: e.actorKind, data: e.data })),
      });
      merged = { ...merged, ...re.patch };
      Object.assign(patch, re.patch);
      allEvents.push(...re.events);
      if (merged.level !== current.level) {
        const follow = await followLevel(trx, runtime, merged, at, (key) => teamIdByKey(store, trx, key));
        merged = { ...merged, ...follow.patch };
        Object.assign(patch, follow.patch);
        allEvents.push(...follow.events.map((e) => ({ ...e, caseId })));
      }
    }
    const written = await appendCaseEvents(trx, allEvents);
    const updated = await updateCase(trx, caseId, { ...patch, updatedAt: at });
    await options.within?.(trx, { caseRow: updated, events: written });
    // Outgoing webhooks leave with the change or not at all (issue 7 item 5).
    if (!options.quiet) {
      await publishCaseEvents(trx, updated, written, at);
      // A resolution asks the customer for a rating, in the same transaction (issue 7 item 3).
      await queueSatisfactionSurvey(trx, updated, written, at);
    }
    // Clocks pause, resume, meet and retarget with the change, in the same transaction (issue 4).
    await syncCaseClocks(trx, { runtime, caseBefore: current, caseAfter: updated, newEvents: allEvents, now, calendar: await caseCalendar(trx, runtime, updated) });
    return loadCaseView(trx, actor, updated);
  });
}

export async function loadCaseView(db: Executor, actor: Actor, c: CaseRecord): Promise<CaseView> {
  const [customer, order, events, attachments] = await Promise.all([
    c.customerId !== null ? findCustomerById(db, c.customerId) : undefined,
    c.orderId !== null ? findOrderById(db, c.orderId) : undefined,
    listCaseEvents(db, c.id, { includeInternal: true }),
    listAttachments(db, c.id),
  ]);
  return presentCase(actor, c, { customer: customer ?? null, order: order ?? null, events, attachments });
}
