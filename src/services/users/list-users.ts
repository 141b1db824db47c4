import type { Store } from '../../store/database.js';
import { listUsers as listUserRows } from '../../store/repositories/user.repository.js';
import { requirePermission, type Actor } from '../actor.js';
import { presentUser, type UserView } from './user-view.js';

export async function listUsers(store: Store, actor: Actor, filter: { role?: string; includeDisabled?: boolean } = {}): Promise<UserView[]> {
  requirePermission(actor, 'users.read');
  return (await listUserRows(store.db, filter)).map(presentUser);
}
