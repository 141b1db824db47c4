import type { Store } from '../../store/database.js';
import { findTeamByKey, insertTeam } from '../../store/repositories/team.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import { DomainError } from '../../domain/errors.js';
import { actorIdOf, requirePermission, type Actor } from '../actor.js';
import { nowIso } from '../clock.js';
import { TEAM_KINDS, presentTeam, type TeamView } from './team-view.js';
import { forgetMissingTeams } from './team-keys.js';

export async function createTeam(store: Store, actor: Actor, input: { key: unknown; name: unknown; kind: unknown; calendar?: unknown }): Promise<TeamView> {
  requirePermission(actor, 'teams.manage');
  if (typeof input.key !== 'string' || !/^[a-z][a-z0-9_-]{1,40}$/.test(input.key)) {
    throw new DomainError('invalid_input', 'expected a lowercase key of 2 to 41 letters, digits, - or _', 'key');
  }
  if (typeof input.name !== 'string' || !input.name.trim() || input.name.length > 100) throw new DomainError('invalid_input', 'expected a name', 'name');
  if (typeof input.kind !== 'string' || !(TEAM_KINDS as readonly string[]).includes(input.kind)) {
    throw new DomainError('invalid_input', `expected one of ${TEAM_KINDS.join(', ')}`, 'kind');
  }
  const at = nowIso();
  const view = await store.db.transaction().execute(async (trx) => {
    if (await findTeamByKey(trx, input.key as string)) throw new DomainError('conflict', 'a team with this key exists', 'key');
    const team = await insertTeam(trx, { key: input.key as string, name: (input.name as string).trim(), kind: input.kind as string, calendar: input.calendar ?? null, at });
    await insertAuditEvent(trx, { at, actorId: actorIdOf(actor), action: 'team.created', entityType: 'team', entityId: String(team.id), data: { key: team.key, kind: team.kind } });
    return presentTeam(team);
  });
  forgetMissingTeams(store);
  return view;
}
