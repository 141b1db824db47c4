import type { Executor, Store } from '../../store/database.js';
import { findTeamById, updateTeam, type TeamRecord } from '../../store/repositories/team.repository.js';
import { listCaseClocks, updateCaseClock, type CaseClockRecord } from '../../store/repositories/case-clock.repository.js';
import { listOpenCaseIdsOfTeam } from '../../store/repositories/team-clock.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import type { BusinessCalendar, BusinessCalendarSpec } from '../../domain/calendar/business-calendar.js';
import { createBusinessCalendar } from '../../domain/calendar/create-business-calendar.js';
import { DomainError, invalidInput } from '../../domain/errors.js';
import { readClock } from '../../domain/sla/clock-codec.js';
import { actorIdOf, requirePermission, type Actor } from '../actor.js';
import { clock } from '../clock.js';
import { loadPolicyRuntime } from '../policy/load-policy-runtime.js';
import { clockFields, sameFields } from '../sla/clock-fields.js';
import { slaPolicyOf } from '../sla/sla-policy.js';

// A team's business calendar (issue 4 item 1): its working week, time zone and days off decide when
// the team's case clocks fall due. Without one, the policy's calendar applies.

export interface TeamCalendarView {
  teamId: string;
  key: string;
  /** The team's own calendar; null when it follows the policy's. */
  calendar: BusinessCalendarSpec | null;
  /** The calendar its clocks count in now: the team's, or the policy's. */
  effective: { source: 'team' | 'policy'; calendar: BusinessCalendarSpec };
}

const SPEC_KEYS = ['timeZone', 'week', 'holidays', 'holidayPreset'];

async function teamOrNotFound(db: Executor, teamId: unknown): Promise<TeamRecord> {
  const id = typeof teamId === 'string' && /^\d{1,15}$/.test(teamId) ? Number(teamId) : typeof teamId === 'number' ? teamId : NaN;
  const team = Number.isInteger(id) && id > 0 ? await findTeamById(db, id) : undefined;
  if (!team) throw new DomainError('not_found', 'no such team', 'id');
  return team;
}

async function viewOf(store: Store, team: TeamRecord): Promise<TeamCalendarView> {
  const policy = await slaPolicyOf(store.db, await loadPolicyRuntime(store));
  const own = (team.calendar ?? null) as BusinessCalendarSpec | null;
  return {
    teamId: String(team.id),
    key: team.key,
    calendar: own,
    effective: own ? { source: 'team', calendar: own } : { source: 'policy', calendar: policy.calendar.spec },
  };
}

export async function getTeamCalendar(store: Store, actor: Actor, input: { teamId: unknown }): Promise<TeamCalendarView> {
  requirePermission(actor, 'teams.read');
  return viewOf(store, await teamOrNotFound(store.db, input.teamId));
}

/**
 * Validates a calendar as the policy's is validated — an IANA zone, non-overlapping "HH:MM"
 * windows, holidays as local dates, a date-holidays country preset — with errors naming the field
 * ("calendar.week.mon[0].end"). Returns the canonical spec that is stored.
 */
export function parseTeamCalendar(body: unknown): BusinessCalendarSpec {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalidInput('calendar', 'must be an object {timeZone, week, holidays?, holidayPreset?}');
  for (const key of Object.keys(body)) {
    if (!SPEC_KEYS.includes(key)) throw invalidInput(`calendar.${key}`, `is not a calendar field (${SPEC_KEYS.join(', ')})`);
  }
  return createBusinessCalendar(body as BusinessCalendarSpec, { field: 'calendar' }).spec;
}

/**
 * Sets a team's calendar and, in the same transaction, recomputes the pending warning and breach
 * instants of every clock of the team's open cases in the new calendar, so the sweeps alert on
 * the team's real hours (a clock already breached stays breached). Audited with before and after.
 */
export async function setTeamCalendar(store: Store, actor: Actor, input: { teamId: unknown; body: unknown }): Promise<TeamCalendarView & { recomputedClocks: number }> {
  requirePermission(actor, 'teams.manage');
  const spec = parseTeamCalendar(input.body);
  const calendar = createBusinessCalendar(spec);
  const now = clock.now();
  const at = now.toISOString();
  const { team, recomputed } = await store.db.transaction().execute(async (trx) => {
    const before = await teamOrNotFound(trx, input.teamId);
    const updated = (await updateTeam(trx, before.id, { calendar: spec }))!;
    const recomputedClocks = await recomputeTeamClocks(trx, updated.id, calendar, now);
    await insertAuditEvent(trx, {
      at, actorId: actorIdOf(actor), action: 'team.calendar_changed', entityType: 'team', entityId: String(updated.id),
      data: { key: updated.key, before: before.calendar ?? null, after: spec, recomputedClocks },
    });
    return { team: updated, recomputed: recomputedClocks };
  });
  return { ...(await viewOf(store, team)), recomputedClocks: recomputed };
}

/**
 * Takes the team back to the policy's calendar (DELETE /teams/:id/calendar): its own calendar is
 * removed and its open cases' clocks are recomputed in the policy's, in one transaction, audited
 * with the calendar it had. A team already on the policy's calendar is left as it is (no audit).
 */
export async function resetTeamCalendar(store: Store, actor: Actor, input: { teamId: unknown }): Promise<TeamCalendarView & { recomputedClocks: number }> {
  requirePermission(actor, 'teams.manage');
  const policyCalendar = (await slaPolicyOf(store.db, await loadPolicyRuntime(store))).calendar;
  const now = clock.now();
  const at = now.toISOString();
  const { team, recomputed } = await store.db.transaction().execute(async (trx) => {
    const before = await teamOrNotFound(trx, input.teamId);
    if ((before.calendar ?? null) === null) return { team: before, recomputed: 0 };
    const updated = (await updateTeam(trx, before.id, { calendar: null }))!;
    const recomputedClocks = await recomputeTeamClocks(trx, updated.id, policyCalendar, now);
    await insertAuditEvent(trx, {
      at, actorId: actorIdOf(actor), action: 'team.calendar_reset', entityType: 'team', entityId: String(updated.id),
      data: { key: updated.key, before: before.calendar ?? null, after: null, recomputedClocks },
    });
    return { team: updated, recomputed: recomputedClocks };
  });
  return { ...(await viewOf(store, team)), recomputedClocks: recomputed };
}

/** Rewrites the stored instants of the open cases' clocks under `calendar`; returns how many changed. */
export async function recomputeTeamClocks(trx: Executor, teamId: number, calendar: BusinessCalendar, now: Date): Promise<number> {
  let changed = 0;
  const at = now.toISOString();
  for (const caseId of await listOpenCaseIdsOfTeam(trx, teamId)) {
    for (const row of await listCaseClocks(trx, caseId)) {
      const fields = clockFields(readClock(row.clock, `case_clocks[${row.id}]`), row, now, calendar);
      if (sameFields(fieldsOf(row), fields)) continue;
      await updateCaseClock(trx, row.id, fields, at);
      changed += 1;
    }
  }
  return changed;
}

function fieldsOf(row: CaseClockRecord) {
  return { clock: row.clock, state: row.state, dueAt: row.dueAt, warnAt: row.warnAt, warnedAt: row.warnedAt, breachedAt: row.breachedAt };
}
