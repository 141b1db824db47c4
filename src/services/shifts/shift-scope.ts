import { caseListScope } from '../../domain/access/case-visibility.js';
import { DomainError } from '../../domain/errors.js';
import { localDayBounds, parseIsoDate } from '../../domain/calendar/zoned-time.js';
import type { ShiftScope } from '../../store/repositories/shift.repository.js';
import type { Actor } from '../actor.js';

/** What a person may see of the shift views: the restricted log stays out unless they may read it. */
export function shiftScopeOf(actor: Actor, teamId: unknown): ShiftScope {
  let team: number | null = null;
  if (teamId !== undefined && teamId !== null && teamId !== '') {
    team = Number(teamId);
    if (!Number.isSafeInteger(team) || team <= 0) throw new DomainError('invalid_input', 'expected a team id', 'team');
  }
  return { excludeCategories: caseListScope({ id: actor.id, role: actor.role, teamId: actor.teamId }).excludeCategories, teamId: team };
}

/** A desk's "date" is a local calendar day in the policy's time zone (a shift log is kept by local date). */
export function localDateWindow(date: unknown, timeZone: string): { from: string; to: string } {
  const day = typeof date === 'string' ? parseIsoDate(date) : undefined;
  if (day === undefined) throw new DomainError('invalid_input', 'expected a date YYYY-MM-DD', 'date');
  const bounds = localDayBounds(timeZone, day);
  return { from: new Date(bounds.startMs).toISOString(), to: new Date(bounds.endMs).toISOString() };
}

export function parseInstant(value: unknown, field: string): string {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw new DomainError('invalid_input', 'expected an ISO 8601 date-time', field);
  return new Date(value).toISOString();
}
