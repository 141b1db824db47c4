import type { Store, Executor } from '../../store/database.js';
import { findRmaForUpdate, updateRma, type RmaPatch, type RmaRecord } from '../../store/repositories/rma.repository.js';
import { insertMoneyMovement, listMovementsOfRma, type MoneyMovementRecord, type NewMoneyMovement } from '../../store/repositories/money-movement.repository.js';
import { appendCaseEvents } from '../../store/repositories/case-event.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import type { Permission } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import { normalizeRmaNumber, transitionRma, type RmaEvent, type RmaState } from '../../domain/returns/rma.js';
import { rmaDueTimes } from '../../domain/returns/rma-time-targets.js';
import { nextRmaAlertAt, pendingRmaAlerts } from '../../domain/returns/rma-alerts.js';
import type { Resolution } from '../../domain/returns/return-vocabulary.js';
import { actorIdOf, requirePermission, type Actor } from '../actor.js';
import { clock } from '../clock.js';
import { loadReturnsSettings, type ReturnsSettings } from './returns-settings.js';
import { parseRmaRecord, type ParsedRma } from './rma-snapshot.js';
import { presentRma, type RmaView } from './rma-view.js';

export interface RmaChangeContext extends ParsedRma {
  trx: Executor;
  rma: RmaRecord;
  now: Date;
  at: string;
  actorId: number | null;
  settings: ReturnsSettings;
}

export type RmaMovement = Pick<NewMoneyMovement, 'kind' | 'amountMinor' | 'bonusMinor' | 'method' | 'requestedBy' | 'approvedBy' | 'note'>;

export interface RmaChange {
  patch?: RmaPatch;
  movements?: RmaMovement[];
  /** Extra facts for the case timeline and the audit trail (a reason, a tracking number, amounts). */
  data?: Record<string, unknown>;
}

/** The column that records when a state was reached. */
const REACHED_AT: Record<RmaState, keyof RmaPatch | null> = {
  requested: 'requestedAt',
  approved: 'approvedAt',
  denied: 'deniedAt',
  label_sent: 'labelSentAt',
  in_transit: 'inTransitAt',
  received: 'receivedAt',
  inspected: 'inspectedAt',
  refunded: 'refundedAt',
  credited: 'creditedAt',
  cancelled: 'cancelledAt',
};

/**
 * due_at/warn_at/due_json for an RMA entering `state`, and alert_at: the first of its warnings and
 * breaches, which is what the RMA alert sweep looks for (a new state has none taken yet).
 */
export function dueFields(
  facts: { state: RmaState; resolution: Resolution; approvalRequired: boolean; requestedAt: string; approvedAt: string | null; receivedAt: string | null },
  settings: ReturnsSettings,
): Pick<RmaRecord, 'dueKind' | 'dueAt' | 'warnAt' | 'dueJson' | 'alertAt'> {
  const due = rmaDueTimes(facts, settings.rma.timeTargets, settings.calendar);
  const first = due[0];
  return {
    dueKind: first?.kind ?? null, dueAt: first?.dueAt ?? null, warnAt: first?.warnAt ?? null, dueJson: JSON.stringify(due),
    alertAt: nextRmaAlertAt(pendingRmaAlerts(due, new Set())),
  };
}

/** "RMA-20261120-7KQ3" or as typed; anything that cannot be an RMA number is simply not found. */
export function parseRmaNumber(input: unknown): string {
  const number = typeof input === 'string' ? normalizeRmaNumber(input) : undefined;
  if (!number) throw new DomainError('not_found', 'no such RMA', 'number');
  return number;
}

/**
 * The frame of every RMA transition: permission, one transaction with the row locked, the move
 * checked against the state machine before anything else (a forbidden move is invalid_transition
 * whoever asks), the change and its money movements written, the due times of the new state, an
 * event on the linked case's timeline and an audit event.
 */
export async function changeRma(
  store: Store,
  actor: Actor,
  input: { number: unknown; event: RmaEvent; permission: Permission },
  build: (ctx: RmaChangeContext) => Promise<RmaChange> | RmaChange,
): Promise<RmaView> {
  requirePermission(actor, input.permission);
  const number = parseRmaNumber(input.number);
  const settings = await loadReturnsSettings(store);
  return store.db.transaction().execute(async (trx) => {
    const rma = await findRmaForUpdate(trx, number, store.dialect);
    if (!rma) throw new DomainError('not_found', 'no such RMA', 'number');
    const from = rma.state as RmaState;
    const to = transitionRma(from, input.event);
    const now = clock.now();
    const at = now.toISOString();
    const actorId = actorIdOf(actor);
    const change = await build({ trx, rma, now, at, actorId, settings, ...parseRmaRecord(rma) });

    const reached = REACHED_AT[to];
    const patch: RmaPatch = { ...change.patch, state: to, ...(reached ? { [reached]: at } : {}), updatedAt: at };
    const merged = { ...rma, ...patch };
    Object.assign(patch, dueFields({
      state: to,
      resolution: merged.resolution as Resolution,
      approvalRequired: merged.approvalRequired,
      requestedAt: merged.requestedAt,
      approvedAt: merged.approvedAt,
      receivedAt: merged.receivedAt,
    }, settings));
    const updated = await updateRma(trx, rma.id, patch);

    const via = integrationOf(actor);
    const movements: MoneyMovementRecord[] = [];
    for (const m of change.movements ?? []) {
      const stored = await insertMoneyMovement(trx, { ...m, rmaId: rma.id, orderId: rma.orderId, currency: rma.currency, performedBy: actorId, createdAt: at });
      movements.push(stored);
      await insertAuditEvent(trx, {
        at, actorId, action: `money.${m.kind}`, entityType: 'rma', entityId: rma.number,
        data: {
          movementId: stored.id, amount: m.amountMinor, bonus: m.bonusMinor, currency: rma.currency, method: m.method, requestedBy: m.requestedBy, approvedBy: m.approvedBy,
          ...(via ? { actor: via } : {}),
        },
      });
    }
    const data = {
      rma: rma.number, event: input.event, from, to, ...change.data,
      ...(movements.length > 0 ? { movements: movements.map((m) => ({ kind: m.kind, amount: m.amountMinor, bonus: m.bonusMinor, currency: m.currency, method: m.method })) } : {}),
    };
    await recordRmaEvent(trx, { caseId: rma.caseId, rmaNumber: rma.number, action: `rma.${input.event}`, at, actorId, via, data });
    return presentRma(updated, await listMovementsOfRma(trx, rma.id));
  });
}

/**
 * The platform an integration actor stands for ("shopify" for integration:shopify), or null for a
 * person or the operator. It has no user row, so its name is what the timeline and audit keep.
 */
export function integrationOf(actor: Actor): string | null {
  return actor.id === 0 && actor.email.startsWith('integration:') ? actor.email.slice('integration:'.length) : null;
}

/** The case timeline entry (when the RMA is linked to a case) and the audit event of an RMA change. */
export async function recordRmaEvent(
  trx: Executor,
  e: { caseId: number | null; rmaNumber: string; action: string; at: string; actorId: number | null; via?: string | null; data: Record<string, unknown> },
): Promise<void> {
  const data = e.via ? { ...e.data, actor: e.via } : e.data;
  const actorKind = e.via ? 'integration' : e.actorId === null ? 'system' : 'user';
  if (e.caseId !== null) {
    await appendCaseEvents(trx, [{ caseId: e.caseId, type: 'rma_changed', actorId: e.actorId, actorKind, at: e.at, internal: true, data }]);
  }
  await insertAuditEvent(trx, { at: e.at, actorId: e.actorId, action: e.action, entityType: 'rma', entityId: e.rmaNumber, data });
}
