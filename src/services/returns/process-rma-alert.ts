import type { Executor, Store } from '../../store/database.js';
import { findRmaByIdForUpdate, updateRma, type RmaRecord } from '../../store/repositories/rma.repository.js';
import { insertRmaAlert, listRmaAlerts } from '../../store/repositories/rma-alert.repository.js';
import { findCaseById } from '../../store/repositories/case.repository.js';
import { appendCaseEvents } from '../../store/repositories/case-event.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import { findOrderById } from '../../store/repositories/order.repository.js';
import { findTeamByKey } from '../../store/repositories/team.repository.js';
import { findUserById, listUsers, type UserRecord } from '../../store/repositories/user.repository.js';
import type { RmaDue } from '../../domain/returns/rma-time-targets.js';
import {
  nextRmaAlertAt, pendingRmaAlerts, rmaAlertId, rmaAlertIsDue, rmaAlertRunAt, type RmaAlert, type RmaAlertItem,
} from '../../domain/returns/rma-alerts.js';
import { loadPolicyRuntime } from '../policy/load-policy-runtime.js';
import type { PolicyRuntime } from '../policy/policy-runtime.js';
import { queueCaseNotice } from '../notifications/queue-case-notice.js';
import { caseOwners, nextLevelOf, nextLevelTeam } from '../sla/sla-recipients.js';
import type { ClockAlertOptions } from '../sla/process-clock-alert.js';

export interface RmaAlertTarget {
  rmaId: number;
  /** The state the alert belongs to: a job for a state the RMA has left finds nothing to do. */
  state: string;
  dueKind: string;
  alert: RmaAlert;
}

export type RmaAlertOutcome =
  | { outcome: 'alerted'; outboxIds: number[] }
  /** Nothing pending: the RMA moved on, the target is gone, or the alert was already taken. */
  | { outcome: 'nothing_pending' }
  | { outcome: 'not_due'; runAgainAt: Date };

const LABEL: Record<string, string> = {
  confirmation: 'confirmation with the RMA number', label: 'return label', processing: 'processing after receipt', follow_up: 'supervisor follow-up',
};

/** Every alert of the RMA's current state still to take, given what rma_alerts holds. */
export async function pendingAlertsOf(db: Executor, rma: RmaRecord): Promise<RmaAlertItem[]> {
  const taken = new Set((await listRmaAlerts(db, rma.id)).filter((a) => a.state === rma.state).map((a) => rmaAlertId(a.dueKind, a.alert)));
  return pendingRmaAlerts(JSON.parse(rma.dueJson) as RmaDue[], taken);
}

/**
 * Takes one warning or breach of an RMA's time target (issue 6 item 5, R004-05, R004-07, R004-08)
 * in one transaction with the RMA row locked: the alert is recorded in rma_alerts (unique per rma,
 * state, due kind and alert), the linked case gets `sla_warning` / `sla_breached` on its timeline,
 * the owner — the case's owner, or the requester of an RMA without a case — is notified through
 * the outbox, and on a breach the next level's team too. rmas.alert_at moves to the next pending
 * alert. A second run of the same job, or a second worker, finds the alert taken and does nothing.
 */
export async function processRmaAlert(
  store: Store,
  input: RmaAlertTarget & { now: Date; finish?: (trx: Executor) => Promise<void> } & ClockAlertOptions,
): Promise<RmaAlertOutcome> {
  const runtime = await loadPolicyRuntime(store);
  const at = input.now.toISOString();
  return store.db.transaction().execute(async (trx): Promise<RmaAlertOutcome> => {
    const settled = async <T extends RmaAlertOutcome>(outcome: T): Promise<T> => {
      await input.finish?.(trx);
      return outcome;
    };
    const rma = await findRmaByIdForUpdate(trx, input.rmaId, store.dialect);
    if (!rma || rma.state !== input.state) return settled({ outcome: 'nothing_pending' });
    const pending = await pendingAlertsOf(trx, rma);
    const item = pending.find((p) => p.dueKind === input.dueKind && p.alert === input.alert);
    if (!item) return settled({ outcome: 'nothing_pending' });
    if (!rmaAlertIsDue(item, input.now)) return { outcome: 'not_due', runAgainAt: rmaAlertRunAt(item) };

    if (!(await insertRmaAlert(trx, { rmaId: rma.id, state: rma.state, dueKind: item.dueKind, alert: item.alert, dueAt: item.at, createdAt: at }))) {
      return settled({ outcome: 'nothing_pending' });
    }
    const rest = pending.filter((p) => p !== item && !(item.alert === 'breach' && p.dueKind === item.dueKind));
    await updateRma(trx, rma.id, { alertAt: nextRmaAlertAt(rest) });

    const event = item.alert === 'warning' ? 'sla_warning' : 'sla_breached';
    const label = LABEL[item.dueKind] ?? item.dueKind.replace(/_/g, ' ');
    const data = { rma: rma.number, state: rma.state, due: item.dueKind, rule: item.rule, dueAt: item.dueAt, ...(item.alert === 'warning' ? { warnAt: item.at } : { breachedAt: item.dueAt }) };
    const recipients = await recipientsOf(trx, runtime, rma, item.alert);
    if (rma.caseId !== null) {
      await appendCaseEvents(trx, [{ caseId: rma.caseId, type: event, actorId: null, actorKind: 'system', at, internal: true, data }]);
    }
    await insertAuditEvent(trx, { at, actorId: null, action: `rma.${event}`, entityType: 'rma', entityId: rma.number, data });

    const subject = item.alert === 'warning'
      ? `[Ladder] ${rma.number}: ${label} due ${item.dueAt}`
      : `[Ladder] Return target missed on ${rma.number}: ${label} was due ${item.dueAt}`;
    let text = item.alert === 'warning'
      ? `The ${label} of return ${rma.number} (order ${rma.orderNumber}, ${rma.state.replace(/_/g, ' ')}) is due at ${item.dueAt} (${item.rule}).`
      : `The ${label} of return ${rma.number} (order ${rma.orderNumber}, ${rma.state.replace(/_/g, ' ')}) was due at ${item.dueAt} and has not happened (${item.rule}).`;
    if (input.publicUrl) text += `\n\n${input.publicUrl}${rma.caseId !== null ? `/cases/${rma.caseId}` : `/rmas/${rma.number}`}`;
    const outbox = await queueCaseNotice(
      trx,
      {
        caseId: rma.caseId, scope: `rma:${rma.number}`, event, occurrence: `${rma.state}:${item.dueKind}:${item.alert}`, subject, text,
        data,
      },
      recipients.map((u) => ({ id: u.id, email: u.email })),
      input.channels,
      at,
    );
    return settled({ outcome: 'alerted', outboxIds: outbox.map((o) => o.id) });
  });
}

/**
 * Who hears of an RMA alert: the linked case's owner, or — for an RMA without a case — its
 * requester, else the L1 team of the order's storefront; on a breach also the next level's team.
 */
async function recipientsOf(trx: Executor, runtime: PolicyRuntime, rma: RmaRecord, alert: RmaAlert): Promise<UserRecord[]> {
  const linked = rma.caseId === null ? undefined : await findCaseById(trx, rma.caseId);
  if (linked) {
    const owners = await caseOwners(trx, linked);
    return alert === 'breach' ? [...owners, ...(await nextLevelTeam(trx, runtime, linked)).members] : owners;
  }
  const storefront = (await findOrderById(trx, rma.orderId))?.storefront ?? null;
  const teamOf = async (level: string) => {
    const key = runtime.routeTeam(level, storefront);
    const team = key ? await findTeamByKey(trx, key) : undefined;
    return team ? listUsers(trx, { teamId: team.id }) : [];
  };
  const requester = rma.requestedBy === null ? undefined : await findUserById(trx, rma.requestedBy);
  const owners = requester && requester.disabledAt === null ? [requester] : await teamOf('L1');
  return alert === 'breach' ? [...owners, ...(await teamOf(nextLevelOf('L1')))] : owners;
}
