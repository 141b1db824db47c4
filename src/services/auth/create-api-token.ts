import type { Store } from '../../store/database.js';
import { findUserByEmail, findUserById } from '../../store/repositories/user.repository.js';
import { insertApiToken, type ApiTokenRecord } from '../../store/repositories/api-token.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import { DomainError } from '../../domain/errors.js';
import { can } from '../../domain/access/permissions.js';
import { actorIdOf, type Actor } from '../actor.js';
import { nowIso } from '../clock.js';
import { API_TOKEN_PREFIX, hashApiToken, randomToken } from './secrets.js';

export interface CreateApiTokenInput {
  /** Whose token: by email or id; defaults to the actor. */
  email?: string;
  userId?: number;
  name?: string;
}

/** Returns the token once; only its hash is kept (issue 2 item 5). */
export async function createApiToken(store: Store, actor: Actor, input: CreateApiTokenInput): Promise<{ token: string; record: ApiTokenRecord }> {
  const owner = input.email !== undefined
    ? await findUserByEmail(store.db, input.email.trim().toLowerCase())
    : await findUserById(store.db, input.userId ?? actor.id);
  if (!owner) throw new DomainError('not_found', 'no such user', input.email !== undefined ? 'email' : 'userId');
  if (owner.disabledAt) throw new DomainError('conflict', 'the user is disabled', 'email');
  if (owner.id !== actor.id && !can(actor.role, 'tokens.manage')) {
    throw new DomainError('forbidden', 'only an admin may create tokens for someone else');
  }
  const name = (input.name ?? 'api').trim();
  if (name.length === 0 || name.length > 100) throw new DomainError('invalid_input', 'must be 1 to 100 characters', 'name');
  const token = API_TOKEN_PREFIX + randomToken(32);
  const at = nowIso();
  const record = await store.db.transaction().execute(async (trx) => {
    const rec = await insertApiToken(trx, { userId: owner.id, name, tokenHash: hashApiToken(token), prefix: token.slice(0, 10), at });
    await insertAuditEvent(trx, { at, actorId: actorIdOf(actor), action: 'token.created', entityType: 'api_token', entityId: String(rec.id), data: { userId: owner.id, name } });
    return rec;
  });
  return { token, record };
}
