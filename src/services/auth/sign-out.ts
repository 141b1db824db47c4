import type { Store } from '../../store/database.js';
import { deleteSession } from '../../store/repositories/session.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import { nowIso } from '../clock.js';
import { hashSessionToken } from './secrets.js';

export async function signOut(store: Store, input: { token: string; userId: number; sessionSecret: string }): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    await deleteSession(trx, hashSessionToken(input.token, input.sessionSecret));
    await insertAuditEvent(trx, { at: nowIso(), actorId: input.userId, action: 'session.signed_out', entityType: 'user', entityId: String(input.userId) });
  });
}
