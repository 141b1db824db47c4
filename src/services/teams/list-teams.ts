import type { Store } from '../../store/database.js';
import { listTeams as listTeamRows } from '../../store/repositories/team.repository.js';
import { requirePermission, type Actor } from '../actor.js';
import { presentTeam, type TeamView } from './team-view.js';

export async function listTeams(store: Store, actor: Actor): Promise<TeamView[]> {
  requirePermission(actor, 'teams.read');
  return (await listTeamRows(store.db)).map(presentTeam);
}
