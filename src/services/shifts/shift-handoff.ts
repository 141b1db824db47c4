import type { Store } from '../../store/database.js';
import {
  acknowledgeHandoff as ackRow, casesOpenedBetween, escalationsBetween, findHandoff, handoffLists, insertHandoff, latestHandoff, listHandoffs,
  type HandoffRecord,
} from '../../store/repositories/shift.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import { DomainError } from '../../domain/errors.js';
import { actorIdOf, requirePermission, type Actor } from '../actor.js';
import { clock } from '../clock.js';
import { presentCaseSummary, type CaseSummaryView } from '../cases/case-view.js';
import { shiftScopeOf } from './shift-scope.js';

/** Without an earlier handoff, a shift is taken to be the last 12 hours. */
const DEFAULT_SHIFT_MS = 12 * 3_600_000;
/** Promises falling due in the next shift are handed over too. */
const PROMISE_HORIZON_MS = 12 * 3_600_000;

export interface HandoffSnapshot {
  periodStart: string;
  periodEnd: string;
  escalationsDuringShift: { at: string; caseId: string; to: string | null; reason: string | null }[];
  openEscalations: CaseSummaryView[];
  promisesDue: CaseSummaryView[];
  breached: CaseSummaryView[];
  waitingOnSupplierOrInternal: CaseSummaryView[];
}

async function buildSnapshot(store: Store, actor: Actor, team: unknown): Promise<{ snapshot: HandoffSnapshot; teamId: number | null }> {
  const scope = shiftScopeOf(actor, team);
  const now = clock.now();
  const previous = await latestHandoff(store.db, scope.teamId);
  const periodStart = previous?.signedOffAt ?? new Date(now.getTime() - DEFAULT_SHIFT_MS).toISOString();
  const periodEnd = now.toISOString();
  const [escalations, lists] = await Promise.all([
    escalationsBetween(store.db, scope, periodStart, periodEnd),
    handoffLists(store.db, scope, periodEnd, new Date(now.getTime() + PROMISE_HORIZON_MS).toISOString()),
  ]);
  return {
    teamId: scope.teamId,
    snapshot: {
      periodStart,
      periodEnd,
      escalationsDuringShift: escalations.map((e) => ({ at: e.at, caseId: String(e.caseId), to: e.to, reason: e.reason })),
      openEscalations: lists.openEscalations.map(presentCaseSummary),
      promisesDue: lists.promisesDue.map(presentCaseSummary),
      breached: lists.breached.map(presentCaseSummary),
      waitingOnSupplierOrInternal: lists.waiting.map(presentCaseSummary),
    },
  };
}

/** What the outgoing shift would hand over right now (R001-12: close resolved, hand off open issues). */
export async function previewHandoff(store: Store, actor: Actor, input: { team?: unknown }): Promise<HandoffSnapshot> {
  requirePermission(actor, 'cases.read');
  return (await buildSnapshot(store, actor, input.team)).snapshot;
}

export interface HandoffView extends Omit<HandoffRecord, 'id' | 'teamId' | 'signedOffById' | 'acknowledgedById' | 'snapshot'> {
  id: string;
  teamId: string | null;
  signedOffById: string;
  acknowledgedById: string | null;
  snapshot: HandoffSnapshot;
}

function present(h: HandoffRecord): HandoffView {
  return {
    ...h,
    id: String(h.id),
    teamId: h.teamId === null ? null : String(h.teamId),
    signedOffById: String(h.signedOffById),
    acknowledgedById: h.acknowledgedById === null ? null : String(h.acknowledgedById),
    snapshot: h.snapshot as unknown as HandoffSnapshot,
  };
}

/** The outgoing lead signs the handoff off; its snapshot is kept as handed over. */
export async function signOffHandoff(store: Store, actor: Actor, input: { team?: unknown; shift?: unknown; note?: unknown }): Promise<HandoffView> {
  requirePermission(actor, 'handoffs.sign');
  if (actor.id === 0) throw new DomainError('forbidden', 'a handoff is signed by a person');
  if (input.shift !== undefined && (typeof input.shift !== 'string' || !input.shift.trim() || input.shift.length > 60)) {
    throw new DomainError('invalid_input', 'expected a shift name of at most 60 characters', 'shift');
  }
  if (input.note !== undefined && (typeof input.note !== 'string' || input.note.length > 5000)) {
    throw new DomainError('invalid_input', 'expected a note of at most 5000 characters', 'note');
  }
  const { snapshot, teamId } = await buildSnapshot(store, actor, input.team);
  const at = clock.now().toISOString();
  return store.db.transaction().execute(async (trx) => {
    const h = await insertHandoff(trx, {
      teamId, shift: (input.shift as string | undefined)?.trim() ?? 'shift', periodStart: snapshot.periodStart, periodEnd: snapshot.periodEnd,
      note: (input.note as string | undefined) ?? null, snapshot: snapshot as unknown as Record<string, unknown>, signedOffById: actor.id, signedOffAt: at,
    });
    await insertAuditEvent(trx, { at, actorId: actorIdOf(actor), action: 'handoff.signed_off', entityType: 'handoff', entityId: String(h.id), data: { teamId, open: snapshot.openEscalations.length } });
    return present(h);
  });
}

/** The incoming lead acknowledges — someone other than who signed it off (two people, one handover). */
export async function acknowledgeHandoff(store: Store, actor: Actor, input: { id: unknown }): Promise<HandoffView> {
  requirePermission(actor, 'handoffs.sign');
  const id = Number(input.id);
  const h = Number.isSafeInteger(id) ? await findHandoff(store.db, id) : undefined;
  if (!h) throw new DomainError('not_found', 'no such handoff', 'id');
  if (h.signedOffById === actor.id) throw new DomainError('conflict', 'the incoming lead acknowledges; you signed this handoff off', 'id');
  if (h.acknowledgedAt) throw new DomainError('conflict', 'this handoff is already acknowledged', 'id');
  const at = clock.now().toISOString();
  await store.db.transaction().execute(async (trx) => {
    if (!(await ackRow(trx, id, actor.id, at))) throw new DomainError('conflict', 'this handoff is already acknowledged', 'id');
    await insertAuditEvent(trx, { at, actorId: actorIdOf(actor), action: 'handoff.acknowledged', entityType: 'handoff', entityId: String(id) });
  });
  return present({ ...h, acknowledgedById: actor.id, acknowledgedAt: at });
}

export async function listShiftHandoffs(store: Store, actor: Actor, input: { team?: unknown; limit?: number }): Promise<HandoffView[]> {
  requirePermission(actor, 'cases.read');
  const scope = shiftScopeOf(actor, input.team);
  return (await listHandoffs(store.db, { teamId: scope.teamId, limit: Math.min(Math.max(input.limit ?? 20, 1), 200) })).map(present);
}

/**
 * The morning review (R001-12): what arrived and what escalated since the last handoff, what is
 * already breached, and the promises falling due today.
 */
export async function overnightDigest(store: Store, actor: Actor, input: { team?: unknown }): Promise<{ since: string; opened: CaseSummaryView[] } & Omit<HandoffSnapshot, 'periodStart' | 'periodEnd'>> {
  requirePermission(actor, 'cases.read');
  const { snapshot, teamId } = await buildSnapshot(store, actor, input.team);
  const scope = shiftScopeOf(actor, teamId === null ? undefined : teamId);
  const opened = await casesOpenedBetween(store.db, scope, snapshot.periodStart, snapshot.periodEnd);
  const { periodStart, periodEnd: _end, ...rest } = snapshot;
  return { since: periodStart, opened: opened.map(presentCaseSummary), ...rest };
}
