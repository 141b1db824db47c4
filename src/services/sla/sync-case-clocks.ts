import type { Executor } from '../../store/database.js';
import type { CaseRecord } from '../../store/repositories/case.repository.js';
import {
  insertCaseClocks, listCaseClocks, updateCaseClock, type CaseClockFields, type CaseClockRecord,
} from '../../store/repositories/case-clock.repository.js';
import type { BusinessCalendar } from '../../domain/calendar/business-calendar.js';
import type { Channel, Priority } from '../../domain/policy/vocabulary.js';
import { readClock } from '../../domain/sla/clock-codec.js';
import { meetClock, retarget } from '../../domain/sla/evaluate-clock.js';
import { onAgentReply, onCustomerMessage } from '../../domain/sla/next-response.js';
import { pauseClock, resumeClock, startClock, type SlaClock, type SlaTarget } from '../../domain/sla/sla-clock.js';
import type { PolicyRuntime } from '../policy/policy-runtime.js';
import { CASE_CLOCK_KINDS, clockTarget, type CaseClockKind } from './clock-targets.js';
import { clockFields, sameFields } from './clock-fields.js';
import { slaPolicyOf, type SlaPolicy } from './sla-policy.js';

export interface ClockSyncEvent {
  type: string;
  at: string;
  data: Record<string, unknown>;
}

export interface SyncCaseClocksInput {
  runtime: PolicyRuntime;
  /** null when the case is being opened. */
  caseBefore: CaseRecord | null;
  caseAfter: CaseRecord;
  /** The timeline events this change appends, in order. */
  newEvents: ClockSyncEvent[];
  now: Date;
  /** The case's calendar (caseCalendar() in sla-policy.ts: the team's, else the policy's). */
  calendar: BusinessCalendar;
}

const isDone = (status: string | null | undefined) => status === 'resolved' || status === 'closed';

/** The clock's latest recorded instant: transitions are applied no earlier (events may carry older times). */
function notBefore(clock: SlaClock, at: Date): Date {
  let last = Date.parse(clock.startedAt);
  for (const pause of clock.pauses) last = Math.max(last, Date.parse(pause.to ?? pause.from));
  if (clock.metAt) last = Math.max(last, Date.parse(clock.metAt));
  return at.getTime() >= last ? at : new Date(last);
}

const sameTarget = (a: SlaTarget, b: SlaTarget) => a.minutes === b.minutes && a.basis === b.basis && a.warnFraction === b.warnFraction;

/**
 * Keeps a case's SLA clocks in step with a change to the case, inside the caller's transaction
 * (issue 4 item 2). Called by openCase and mutateCase after the case row is written:
 * - at opening, first-response and resolution clocks start (R001-12, R001-13, R004-01);
 * - a customer message after the first response starts a next-response cycle (the oldest
 *   unanswered message sets the due time); an agent reply meets first and next response;
 * - the policy's pause statuses (pending_customer, pending_supplier) stop every running clock and
 *   any other status resumes it; resolving meets the resolution clock and parks the response
 *   clocks; reopening starts a new resolution cycle;
 * - a priority or channel change retargets running clocks from where they started (a breach of
 *   the old target stays recorded).
 * Rows are written only when something changed; `due_at`/`warn_at` drive the sweeps.
 */
export async function syncCaseClocks(trx: Executor, input: SyncCaseClocksInput): Promise<CaseClockRecord[]> {
  const { caseBefore, caseAfter, now } = input;
  const policy = await slaPolicyOf(trx, input.runtime);
  const existing = caseBefore ? await listCaseClocks(trx, caseAfter.id) : [];
  const planned = planClockSync(policy, input, existing);

  const at = now.toISOString();
  const written = new Map<string, CaseClockRecord>();
  const inserts: { kind: string; fields: CaseClockFields }[] = [];
  for (const { kind, previous, fields, changed } of planned) {
    if (!previous) inserts.push({ kind, fields });
    else if (changed) written.set(kind, await updateCaseClock(trx, previous.id, fields, at));
    else written.set(kind, previous);
  }
  // New clocks (both of them when a case opens) go in one multi-row statement: one round trip fewer per opening.
  for (const [kind, row] of await insertCaseClocks(trx, caseAfter.id, inserts, at)) written.set(kind, row);
  return planned.map(({ kind }) => written.get(kind)!);
}

/** One clock after a change: its stored row (none: new), the fields it should have, and whether they differ. */
export interface PlannedClock {
  kind: string;
  previous: CaseClockRecord | undefined;
  fields: CaseClockFields;
  changed: boolean;
}

/**
 * What syncCaseClocks writes, without writing it: pure, from the clocks stored before the change.
 * A batch of changes (changeCaseStatusesTogether) plans every case's clocks this way and writes
 * them in one statement.
 */
export function planClockSync(policy: SlaPolicy, input: SyncCaseClocksInput, existing: readonly CaseClockRecord[]): PlannedClock[] {
  const rows = new Map(existing.map((r) => [r.kind, r]));
  return [...planCaseClocks(policy, input, existing)].map(([kind, clock]) => {
    const previous = rows.get(kind);
    const fields = clockFields(clock, previous, input.now, input.calendar);
    return { kind, previous, fields, changed: !previous || !sameFields(fieldsOf(previous), fields) };
  });
}

function fieldsOf(row: CaseClockRecord): CaseClockFields {
  return { clock: row.clock, state: row.state, dueAt: row.dueAt, warnAt: row.warnAt, warnedAt: row.warnedAt, breachedAt: row.breachedAt };
}

/**
 * The clocks a case should have after the change: pure, from the clocks stored before it. Split from
 * the writes so a batch of openings (openCases) plans every case's clocks and inserts them all in
 * one statement.
 */
function planCaseClocks(policy: SlaPolicy, input: SyncCaseClocksInput, existing: readonly CaseClockRecord[]): Map<CaseClockKind, SlaClock> {
  const { caseBefore, caseAfter, now, calendar } = input;
  const clocks = new Map<CaseClockKind, SlaClock>();
  for (const row of existing) {
    if ((CASE_CLOCK_KINDS as readonly string[]).includes(row.kind)) clocks.set(row.kind as CaseClockKind, readClock(row.clock, `case_clocks[${row.id}]`));
  }
  const priority = caseAfter.priority as Priority;
  const channel = caseAfter.channel as Channel | null;
  const targetFrom = (kind: CaseClockKind, start: Date) => clockTarget(policy, kind, priority, channel, start, calendar);
  const start = (kind: CaseClockKind, at: Date) => {
    const target = targetFrom(kind, at);
    if (target) clocks.set(kind, startClock({ kind, target, at }));
  };

  if (!caseBefore) {
    const openedAt = new Date(caseAfter.createdAt);
    start('first_response', openedAt);
    start('resolution', openedAt);
  } else if (caseBefore.priority !== caseAfter.priority || caseBefore.channel !== caseAfter.channel) {
    for (const [kind, clock] of clocks) {
      if (clock.metAt !== undefined) continue;
      const target = targetFrom(kind, new Date(clock.startedAt));
      if (target && !sameTarget(target, clock.target)) clocks.set(kind, retarget(clock, target, notBefore(clock, now), calendar));
    }
  }

  for (const event of input.newEvents) {
    if (event.type !== 'message') continue;
    const at = new Date(event.at);
    const first = clocks.get('first_response');
    const next = clocks.get('next_response');
    if (event.data.from === 'customer') {
      // Before the first answer the first-response clock already covers the customer's wait.
      if (first && first.metAt === undefined) continue;
      if (!next) {
        start('next_response', at);
      } else {
        const cycled = onCustomerMessage(next, notBefore(next, at));
        if (cycled === next) continue;
        const target = targetFrom('next_response', new Date(cycled.startedAt));
        if (target) clocks.set('next_response', { ...cycled, target });
        else clocks.delete('next_response');
      }
    } else if (event.data.from === 'agent') {
      if (first && first.metAt === undefined) clocks.set('first_response', meetClock(first, notBefore(first, at), calendar));
      if (next && next.metAt === undefined) clocks.set('next_response', onAgentReply(next, notBefore(next, at), calendar));
    }
  }

  const before = caseBefore?.status;
  const after = caseAfter.status;
  const resolution = clocks.get('resolution');
  if (isDone(after) && !isDone(before) && resolution && resolution.metAt === undefined) {
    clocks.set('resolution', meetClock(resolution, notBefore(resolution, now), calendar));
  }
  if (caseBefore && isDone(before) && !isDone(after)) start('resolution', now);
  const stopped = isDone(after) || input.runtime.pauseStatuses.includes(after);
  for (const [kind, clock] of clocks) {
    if (clock.metAt !== undefined) continue;
    const at = notBefore(clock, now);
    clocks.set(kind, stopped ? pauseClock(clock, at) : resumeClock(clock, at));
  }
  return clocks;
}

/** The clocks a case starts with when it is opened, to be inserted by the caller (insertClocksOfCases). */
export async function planOpeningClocks(trx: Executor, input: Omit<SyncCaseClocksInput, 'caseBefore'>): Promise<{ kind: string; fields: CaseClockFields }[]> {
  const policy = await slaPolicyOf(trx, input.runtime);
  const clocks = planCaseClocks(policy, { ...input, caseBefore: null }, []);
  return [...clocks].map(([kind, clock]) => ({ kind, fields: clockFields(clock, undefined, input.now, input.calendar) }));
}
