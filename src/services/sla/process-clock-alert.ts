import type { Executor, Store } from '../../store/database.js';
import type { CasePatch, CaseRecord } from '../../store/repositories/case.repository.js';
import { listWebhookEndpoints } from '../../store/repositories/webhook-endpoint.repository.js';
import type { NewCaseEvent } from '../../store/repositories/case-event.repository.js';
import { findCaseClock, findClockWithCaseForUpdate, recordClockAlert, updateCaseClock, type CaseClockFields } from '../../store/repositories/case-clock.repository.js';
import type { UserRecord } from '../../store/repositories/user.repository.js';
import { readClock } from '../../domain/sla/clock-codec.js';
import { evaluateClock, recordBreach } from '../../domain/sla/evaluate-clock.js';
import type { ClockKind } from '../../domain/sla/sla-clock.js';
import { loadPolicyRuntime } from '../policy/load-policy-runtime.js';
import { queueCaseNotice, type NotificationChannels } from '../notifications/queue-case-notice.js';
import { clockFields } from './clock-fields.js';
import { calendarOfTeam, slaPolicyOf } from './sla-policy.js';
import { breachRecipients, caseOwners } from './sla-recipients.js';
import { slaEscalation } from './sla-escalation.js';
import { publishCaseEvents } from '../notifications/publish-case-events.js';

export type ClockAlert = 'warning' | 'breach';

export interface ClockAlertOptions {
  channels: NotificationChannels;
  /** The console's address for links in messages (PUBLIC_URL), when known. */
  publicUrl: string | null;
}

export type ClockAlertOutcome =
  | { outcome: 'alerted'; outboxIds: number[]; escalatedTo: string | null }
  /** Nothing pending any more: met, paused, already alerted, or the clock is gone. */
  | { outcome: 'nothing_pending' }
  /** Pending, but not yet: the job should run again at `runAgainAt`. */
  | { outcome: 'not_due'; runAgainAt: Date };

const LABEL: Partial<Record<ClockKind, string>> = { first_response: 'first response', next_response: 'next response', resolution: 'resolution' };
const labelOf = (kind: ClockKind) => LABEL[kind] ?? kind.replace(/_/g, ' ');

/**
 * Handles a clock's pending warning or breach (issue 4 item 5), in one transaction with the case
 * row locked: the clock is re-evaluated (it may have been met, paused or retargeted since the
 * sweep queued the job), the timeline gets `sla_warning` / `sla_breached`, a breach raises the case
 * one level when the policy says so (default: resolution breaches), and the notifications go into
 * the outbox — the owner on a warning; the owner and the next level's team on a breach.
 * Idempotent: the row's pending instant is cleared in the same transaction, so a second run of the
 * same job finds nothing pending.
 */
export async function processClockAlert(
  store: Store,
  input: {
    clockId: number;
    /** The clock's case when the caller knows it (saves a read). */
    caseId?: number;
    alert: ClockAlert;
    now: Date;
    /** Runs last inside the transaction when the alert is settled (the job runner marks its job done there). */
    finish?: (trx: Executor) => Promise<void>;
  } & ClockAlertOptions,
): Promise<ClockAlertOutcome> {
  const caseId = input.caseId ?? (await findCaseClock(store.db, input.clockId))?.caseId;
  if (caseId === undefined) return { outcome: 'nothing_pending' };
  const runtime = await loadPolicyRuntime(store);
  const at = input.now.toISOString();

  return store.db.transaction().execute(async (trx): Promise<ClockAlertOutcome> => {
    // The case, the clock and the team's calendar in one locked read (issue 4 burst).
    const locked = await findClockWithCaseForUpdate(trx, { caseId, clockId: input.clockId }, store.dialect);
    const settled = async <T extends ClockAlertOutcome>(outcome: T): Promise<T> => {
      await input.finish?.(trx);
      return outcome;
    };
    if (!locked) return settled({ outcome: 'nothing_pending' });
    const { case: current, clock: row } = locked;
    const pendingAt = input.alert === 'breach' ? row.dueAt : row.warnAt;
    if (pendingAt === null) return settled({ outcome: 'nothing_pending' });
    if (Date.parse(pendingAt) > input.now.getTime()) return { outcome: 'not_due', runAgainAt: new Date(Date.parse(pendingAt) + 1) };

    const policy = await slaPolicyOf(trx, runtime);
    const calendar = calendarOfTeam(policy, locked.team);
    const clock = readClock(row.clock, `case_clocks[${row.id}]`);
    const evaluation = evaluateClock(clock, input.now, calendar);
    const happened = input.alert === 'breach' ? evaluation.breachedAt !== null && evaluation.state !== 'met' : evaluation.warning;
    if (!happened) {
      // The stored instant went stale (e.g. the team's calendar changed): store the true one.
      const fields = clockFields(clock, row, input.now, calendar);
      await updateCaseClock(trx, row.id, fields, at);
      const next = input.alert === 'breach' ? fields.dueAt : fields.warnAt;
      return next !== null && Date.parse(next) > input.now.getTime()
        ? { outcome: 'not_due', runAgainAt: new Date(Date.parse(next) + 1) }
        : settled({ outcome: 'nothing_pending' });
    }

    const label = labelOf(clock.kind);
    const events: NewCaseEvent[] = [];
    const base = { caseId: current.id, actorId: null, actorKind: 'system', at, internal: true };
    let recipients: UserRecord[];
    let escalatedTo: string | null = null;
    let escalated: CaseRecord | undefined;
    let casePatch: CasePatch | null = null;
    let clockUpdate: CaseClockFields;
    let subject: string;
    let text: string;
    let event: 'sla_warning' | 'sla_breached';
    let occurrence: string;

    if (input.alert === 'warning') {
      event = 'sla_warning';
      occurrence = `${clock.kind}:${clock.startedAt}:warn`;
      recipients = await caseOwners(trx, current);
      clockUpdate = { ...clockFields(clock, row, input.now, calendar), warnedAt: at, warnAt: null };
      events.push({ ...base, type: 'sla_warning', data: { clock: clock.kind, dueAt: evaluation.dueAt, warnAt: evaluation.warnAt, elapsedMinutes: evaluation.elapsedMinutes, remainingMinutes: evaluation.remainingMinutes } });
      subject = `[Ladder] Case #${current.id}: ${label} due ${evaluation.dueAt ?? 'soon'}`;
      text = `The ${label} promise on case #${current.id} (${current.priority}, ${current.level}, ${current.category}) is due at ${evaluation.dueAt ?? 'soon'}; ${evaluation.remainingMinutes} minutes are left.`;
    } else {
      event = 'sla_breached';
      const breachedAt = evaluation.breachedAt!;
      occurrence = `${clock.kind}:${clock.startedAt}:breach`;
      const recorded = recordBreach(clock, input.now, calendar);
      clockUpdate = { clock: recorded, state: 'breached', dueAt: null, warnAt: null, warnedAt: row.warnedAt, breachedAt };
      events.push({ ...base, type: 'sla_breached', data: { clock: clock.kind, dueAt: evaluation.dueAt, breachedAt, overdueMinutes: evaluation.overdueMinutes } });
      const { owners, ...next } = await breachRecipients(store, trx, runtime, current);
      recipients = [...owners, ...next.members];
      if (policy.breach.escalateOn.includes(clock.kind)) {
        const assignee = current.assigneeId === null ? null : owners.find((u) => u.id === current.assigneeId) ?? null;
        const escalation = slaEscalation(current, { at, detail: `${label} was due ${breachedAt}`, nextTeam: next.team, assignee });
        if (escalation) {
          casePatch = escalation.patch;
          // The case row is locked: patched, it is what the database now holds.
          escalated = { ...current, ...escalation.patch };
          events.push(...escalation.events);
          escalatedTo = escalation.to;
        }
      }
      subject = `[Ladder] SLA breached on case #${current.id}: ${label} was due ${breachedAt}`;
      text = `The ${label} promise on case #${current.id} (${current.priority}, ${current.level}, ${current.category}) was due at ${breachedAt} and has not been met.`
        + (escalatedTo ? ` The case moved to ${escalatedTo}.` : '');
    }
    if (input.publicUrl) text += `\n\n${input.publicUrl}/cases/${current.id}`;
    // The clock, the case's raise and the timeline in one write (issue 4 burst: round trips per breach).
    const written = await recordClockAlert(trx, { clockId: row.id, fields: clockUpdate, at, caseId: current.id, casePatch, events });
    // One read of the endpoints (on PostgreSQL, part of the locked read above) serves both the
    // case.escalated announcement and the notice below.
    const endpoints = escalated || input.channels.webhooks ? locked.endpoints ?? await listWebhookEndpoints(trx, { activeOnly: true }) : [];
    // A breach that raised the case announces case.escalated too; sla.* leaves through the notice below.
    if (escalated) await publishCaseEvents(trx, escalated, written, at, endpoints);
    const outbox = await queueCaseNotice(
      trx,
      {
        caseId: current.id, event, occurrence, subject, text,
        data: { clock: clock.kind, dueAt: evaluation.dueAt, breachedAt: evaluation.breachedAt, priority: current.priority, level: escalatedTo ?? current.level, escalatedTo },
      },
      recipients.map((u) => ({ id: u.id, email: u.email })),
      input.channels,
      at,
      { endpoints, category: current.category },
    );
    return settled({ outcome: 'alerted', outboxIds: outbox.map((o) => o.id), escalatedTo });
  });
}
