import type { Store } from '../../store/database.js';
import { findUserByEmail, findUserById, updateUser } from '../../store/repositories/user.repository.js';
import { findTeamById } from '../../store/repositories/team.repository.js';
import { deleteSessionsOfUser } from '../../store/repositories/session.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import { DomainError } from '../../domain/errors.js';
import { actorIdOf, requirePermission, type Actor } from '../actor.js';
import { nowIso } from '../clock.js';
import { hashPassword } from '../auth/secrets.js';
import { presentUser, type UserView } from './user-view.js';
import { checkPassword, normalizeEmail, parseRole } from './user-input.js';

export type UserRef = { id: number } | { email: string };

async function resolveUser(store: Store, ref: UserRef) {
  const user = 'id' in ref ? await findUserById(store.db, ref.id) : await findUserByEmail(store.db, normalizeEmail(ref.email));
  if (!user) throw new DomainError('not_found', 'no such user', 'id' in ref ? 'id' : 'email');
  return user;
}

export interface UpdateUserInput {
  user: UserRef;
  name?: unknown;
  role?: unknown;
  teamId?: unknown;
  disabled?: unknown;
}

/** Role, team, name and disabling; disabling or a role change ends the user's sessions. */
export async function updateUserAccount(store: Store, actor: Actor, input: UpdateUserInput): Promise<UserView> {
  requirePermission(actor, 'users.manage');
  const user = await resolveUser(store, input.user);
  const patch: Parameters<typeof updateUser>[2] = {};
  if (input.name !== undefined) {
    if (typeof input.name !== 'string' || !input.name.trim() || input.name.length > 200) throw new DomainError('invalid_input', 'expected a name', 'name');
    patch.name = input.name.trim();
  }
  if (input.role !== undefined) patch.role = parseRole(input.role);
  if (input.teamId !== undefined) {
    if (input.teamId === null) patch.teamId = null;
    else {
      const teamId = Number(input.teamId);
      if (!Number.isInteger(teamId) || !(await findTeamById(store.db, teamId))) throw new DomainError('invalid_input', 'no such team', 'teamId');
      patch.teamId = teamId;
    }
  }
  if (input.disabled !== undefined) {
    if (typeof input.disabled !== 'boolean') throw new DomainError('invalid_input', 'expected true or false', 'disabled');
    if (input.disabled && user.id === actor.id) throw new DomainError('conflict', 'you cannot disable yourself', 'disabled');
    patch.disabledAt = input.disabled ? (user.disabledAt ?? nowIso()) : null;
  }
  const at = nowIso();
  return store.db.transaction().execute(async (trx) => {
    const updated = await updateUser(trx, user.id, patch, at);
    if (!updated) throw new DomainError('not_found', 'no such user', 'id');
    if (patch.disabledAt || (patch.role && patch.role !== user.role)) await deleteSessionsOfUser(trx, user.id);
    const { passwordHash: _omit, ...changes } = patch as Record<string, unknown>;
    await insertAuditEvent(trx, { at, actorId: actorIdOf(actor), action: 'user.updated', entityType: 'user', entityId: String(user.id), data: { changes } });
    return presentUser(updated);
  });
}

export async function resetPassword(store: Store, actor: Actor, input: { user: UserRef; password: unknown }): Promise<void> {
  const user = await resolveUser(store, input.user);
  if (user.id !== actor.id) requirePermission(actor, 'users.manage');
  const passwordHash = await hashPassword(checkPassword(input.password));
  const at = nowIso();
  await store.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { passwordHash }, at);
    await deleteSessionsOfUser(trx, user.id);
    await insertAuditEvent(trx, { at, actorId: actorIdOf(actor), action: 'user.password_reset', entityType: 'user', entityId: String(user.id) });
  });
}
