import type { Store } from '../../store/database.js';
import { findApiToken, revokeApiToken } from '../../store/repositories/api-token.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import { DomainError } from '../../domain/errors.js';
import { can } from '../../domain/access/permissions.js';
import { actorIdOf, type Actor } from '../actor.js';
import { nowIso } from '../clock.js';

export async function revokeToken(store: Store, actor: Actor, input: { tokenId: number }): Promise<void> {
  const token = await findApiToken(store.db, input.tokenId);
  if (!token || (token.userId !== actor.id && !can(actor.role, 'tokens.manage'))) {
    throw new DomainError('not_found', 'no such token', 'tokenId');
  }
  if (token.revokedAt) return;
  const at = nowIso();
  await store.db.transaction().execute(async (trx) => {
    await revokeApiToken(trx, token.id, at);
    await insertAuditEvent(trx, { at, actorId: actorIdOf(actor), action: 'token.revoked', entityType: 'api_token', entityId: String(token.id) });
  });
}
