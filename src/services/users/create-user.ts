import type { Store } from '../../store/database.js';
import { findUserByEmail, insertUser } from '../../store/repositories/user.repository.js';
import { findTeamById } from '../../store/repositories/team.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import { DomainError } from '../../domain/errors.js';
import { actorIdOf, requirePermission, type Actor } from '../actor.js';
import { nowIso } from '../clock.js';
import { hashPassword } from '../auth/secrets.js';
import { presentUser, type UserView } from './user-view.js';
import { checkPassword, normalizeEmail, parseRole } from './user-input.js';

export interface CreateUserInput {
  email: unknown;
  name?: unknown;
  role: unknown;
  password?: unknown;
  teamId?: unknown;
}

export async function createUser(store: Store, actor: Actor, input: CreateUserInput): Promise<UserView> {
  requirePermission(actor, 'users.manage');
  const email = normalizeEmail(input.email);
  const role = parseRole(input.role);
  const password = input.password === undefined ? null : checkPassword(input.password);
  if (input.name !== undefined && (typeof input.name !== 'string' || input.name.trim().length > 200)) {
    throw new DomainError('invalid_input', 'expected a name of at most 200 characters', 'name');
  }
  const name = typeof input.name === 'string' && input.name.trim() ? input.name.trim() : email.split('@')[0]!;
  let teamId: number | null = null;
  if (input.teamId !== undefined && input.teamId !== null) {
    teamId = Number(input.teamId);
    if (!Number.isInteger(teamId) || !(await findTeamById(store.db, teamId))) {
      throw new DomainError('invalid_input', 'no such team', 'teamId');
    }
  }
  const passwordHash = password ? await hashPassword(password) : null;
  const at = nowIso();
  return store.db.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, email)) throw new DomainError('conflict', 'a user with this email exists', 'email');
    const user = await insertUser(trx, { email, name, role, teamId, passwordHash, at });
    await insertAuditEvent(trx, { at, actorId: actorIdOf(actor), action: 'user.created', entityType: 'user', entityId: String(user.id), data: { email, role, teamId } });
    return presentUser(user);
  });
}
