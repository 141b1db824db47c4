import type { Store } from '../../store/database.js';
import { findUserByEmail } from '../../store/repositories/user.repository.js';
import { insertSession } from '../../store/repositories/session.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import { DomainError } from '../../domain/errors.js';
import { clock } from '../clock.js';
import { DUMMY_PASSWORD_HASH, hashSessionToken, randomToken, verifyPassword } from './secrets.js';
import { presentUser, type UserView } from '../users/user-view.js';

export interface SignInInput {
  email: string;
  password: string;
  sessionSecret: string;
  sessionTtlHours: number;
}

export interface SignInResult {
  token: string;
  csrfToken: string;
  expiresAt: string;
  user: UserView;
}

export async function signIn(store: Store, input: SignInInput): Promise<SignInResult> {
  const user = await findUserByEmail(store.db, input.email.trim().toLowerCase());
  // Always pay for one scrypt, so a wrong email and a wrong password take the same time.
  const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !ok || user.disabledAt) {
    throw new DomainError('unauthenticated', 'email or password is wrong, or the account is disabled');
  }
  const now = clock.now();
  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(now.getTime() + input.sessionTtlHours * 3_600_000).toISOString();
  await store.db.transaction().execute(async (trx) => {
    await insertSession(trx, {
      tokenHash: hashSessionToken(token, input.sessionSecret),
      userId: user.id,
      csrfToken,
      at: now.toISOString(),
      expiresAt,
    });
    await insertAuditEvent(trx, { at: now.toISOString(), actorId: user.id, action: 'session.signed_in', entityType: 'user', entityId: String(user.id) });
  });
  return { token, csrfToken, expiresAt, user: presentUser(user) };
}
