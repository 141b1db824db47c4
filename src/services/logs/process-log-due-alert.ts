import type { Executor, Store } from '../../store/database.js';
import { findCaseForUpdate } from '../../store/repositories/case.repository.js';
import { findCaseLogById, insertLogAlert } from '../../store/repositories/case-log-alert.repository.js';
import { appendCaseEvents } from '../../store/repositories/case-event.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import type { UserRecord } from '../../store/repositories/user.repository.js';
import { isRole } from '../../domain/access/roles.js';
import { roleMaySeeLog } from '../../domain/logs/log-exposure.js';
import { logDueAlerts, type LogDueAlert } from '../../domain/logs/log-due-alerts.js';
import { findLogType } from '../../domain/logs/log-registry.js';
import { loadPolicyRuntime } from '../policy/load-policy-runtime.js';
import { queueCaseNotice } from '../notifications/queue-case-notice.js';
import { caseOwners, nextLevelTeam } from '../sla/sla-recipients.js';
import type { ClockAlertOptions } from '../sla/process-clock-alert.js';

export type LogDueAlertOutcome =
  | { outcome: 'alerted'; outboxIds: number[] }
  /** The entry closed, its deadline moved, or the alert was already taken. */
  | { outcome: 'nothing_pending' }
  | { outcome: 'not_due'; runAgainAt: Date };

/**
 * Takes the warning or breach of a log entry's deadline (R000-08: a chargeback's evidence due
 * date) in one transaction with the case locked: the alert row (once per entry, due instant and
 * alert), `sla_warning` / `sla_breached` on the case's timeline, an audit event, and the notices to
 * the case's owner — on a breach the next level's team too — only to people who may see the entry.
 */
export async function processLogDueAlert(
  store: Store,
  input: { logId: number; dueAt: string; alert: LogDueAlert; now: Date; finish?: (trx: Executor) => Promise<void> } & ClockAlertOptions,
): Promise<LogDueAlertOutcome> {
  const runtime = await loadPolicyRuntime(store);
  const at = input.now.toISOString();
  return store.db.transaction().execute(async (trx): Promise<LogDueAlertOutcome> => {
    const settled = async (): Promise<LogDueAlertOutcome> => {
      await input.finish?.(trx);
      return { outcome: 'nothing_pending' };
    };
    const head = await findCaseLogById(trx, input.logId);
    if (!head) return settled();
    const c = await findCaseForUpdate(trx, head.caseId, store.dialect);
    const log = await findCaseLogById(trx, input.logId);
    const type = log ? findLogType(log.type) : undefined;
    if (!c || !log || !type || log.closedAt !== null || log.dueAt !== input.dueAt) return settled();
    const item = logDueAlerts(type, log.dueAt).find((i) => i.alert === input.alert);
    if (!item) return settled();
    if (item.at > at) return { outcome: 'not_due', runAgainAt: new Date(item.at) };
    if (!(await insertLogAlert(trx, { logId: log.id, dueAt: log.dueAt, alert: item.alert, at }))) return settled();

    const event = item.alert === 'warning' ? 'sla_warning' : 'sla_breached';
    const data = { log: type.key, state: log.state, due: type.dueFromField?.field ?? 'due', dueAt: log.dueAt, rules: type.rules, ...(item.alert === 'warning' ? { warnAt: item.at } : { breachedAt: log.dueAt }) };
    await appendCaseEvents(trx, [{ caseId: c.id, type: event, actorId: null, actorKind: 'system', at, internal: true, data }]);
    await insertAuditEvent(trx, { at, actorId: null, action: `case_log.${event}`, entityType: 'case_log', entityId: String(log.id), data: { caseId: c.id, ...data } });

    const mayHear = (u: UserRecord) => u.disabledAt === null && isRole(u.role) && roleMaySeeLog(type, log.state, u.role);
    const owners = await caseOwners(trx, c);
    const recipients = (item.alert === 'breach' ? [...owners, ...(await nextLevelTeam(trx, runtime, c)).members] : owners).filter(mayHear);
    const what = `${type.label} on case #${c.id}`;
    const subject = item.alert === 'warning' ? `[Ladder] ${what}: due ${log.dueAt}` : `[Ladder] Deadline missed: ${what} was due ${log.dueAt}`;
    let text = item.alert === 'warning'
      ? `${what} (${log.state.replace(/_/g, ' ')}) is due at ${log.dueAt}.`
      : `${what} (${log.state.replace(/_/g, ' ')}) was due at ${log.dueAt} and is still open.`;
    if (input.publicUrl) text += `\n\n${input.publicUrl}/cases/${c.id}`;
    const outbox = await queueCaseNotice(
      trx,
      { caseId: c.id, event, occurrence: `log:${log.id}:${log.dueAt}:${item.alert}`, subject, text, data },
      recipients.map((u) => ({ id: u.id, email: u.email })),
      input.channels,
      at,
    );
    await input.finish?.(trx);
    return { outcome: 'alerted', outboxIds: outbox.map((o) => o.id) };
  });
}
