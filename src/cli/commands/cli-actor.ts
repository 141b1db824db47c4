import { CliInputError } from '../cli-io.js';
import type { Store } from '../../store/database.js';
import type { Actor } from '../../services/actor.js';

/**
 * Who acts in a CLI command: `--as EMAIL` names a user, whose role and identity apply (four eyes
 * counts them); without it the operator acts as the system.
 */
export async function actorFor(store: Store, email: string | undefined): Promise<Actor> {
  const { SYSTEM_ACTOR } = await import('../../services/actor.js');
  if (email === undefined) return SYSTEM_ACTOR;
  const { findUserByEmail } = await import('../../store/repositories/user.repository.js');
  const { isRole } = await import('../../domain/access/roles.js');
  const user = await findUserByEmail(store.db, email.trim().toLowerCase());
  if (!user || user.disabledAt !== null || !isRole(user.role)) throw new CliInputError(`--as: no active user ${email}`);
  return { id: user.id, role: user.role, teamId: user.teamId, email: user.email };
}
