import type { Store } from '../../store/database.js';
import { findLiveSession } from '../../store/repositories/session.repository.js';
import { findActiveTokens, touchApiToken, type ApiTokenRecord } from '../../store/repositories/api-token.repository.js';
import type { UserRecord } from '../../store/repositories/user.repository.js';
import { coalescedRead } from '../coalesced-read.js';
import { isRole, type Role } from '../../domain/access/roles.js';
import type { Actor } from '../actor.js';
import { clock } from '../clock.js';
import { API_TOKEN_PREFIX, hashApiToken, hashSessionToken } from './secrets.js';

export interface Authenticated {
  actor: Actor;
  via: 'session' | 'token';
  /** For sessions: the token unsafe requests must echo in X-CSRF-Token. */
  csrfToken: string | null;
}

export async function authenticateSession(store: Store, token: string, sessionSecret: string): Promise<Authenticated | null> {
  const found = await findLiveSession(store.db, hashSessionToken(token, sessionSecret), clock.now().toISOString());
  if (!found || found.user.disabledAt || !isRole(found.user.role)) return null;
  const { user } = found;
  return { actor: { id: user.id, role: user.role as Role, teamId: user.teamId, email: user.email }, via: 'session', csrfToken: found.session.csrfToken };
}

const recentlyTouched = new Map<number, number>();

// Every API request looks its token up; under load, requests arriving together share one read
// (issue 2 item 10) — each still sees revocations committed before it arrived.
type ActiveToken = { token: ApiTokenRecord; user: UserRecord };
const tokenReaders = new WeakMap<Store, (hash: string) => Promise<ActiveToken | undefined>>();
function tokenReaderOf(store: Store): (hash: string) => Promise<ActiveToken | undefined> {
  let read = tokenReaders.get(store);
  if (!read) tokenReaders.set(store, (read = coalescedRead((hashes: string[]) => findActiveTokens(store.db, hashes))));
  return read;
}

export async function authenticateApiToken(store: Store, token: string): Promise<Authenticated | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const found = await tokenReaderOf(store)(hashApiToken(token));
  if (!found || found.user.disabledAt || !isRole(found.user.role)) return null;
  const now = clock.now();
  // last_used_at is kept to the minute; skip the write when this instance recorded it lately.
  const last = recentlyTouched.get(found.token.id);
  if (last === undefined || now.getTime() - last > 60_000) {
    recentlyTouched.set(found.token.id, now.getTime());
    await touchApiToken(store.db, found.token.id, now.toISOString(), new Date(now.getTime() - 60_000).toISOString());
  }
  const { user } = found;
  return { actor: { id: user.id, role: user.role as Role, teamId: user.teamId, email: user.email }, via: 'token', csrfToken: null };
}
