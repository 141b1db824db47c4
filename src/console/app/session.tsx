import { createContext, useContext } from 'react';
import type { SessionInfo, Team, User } from '../api/types';

export interface Session extends SessionInfo {
  can(permission: string): boolean;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a signed-in console');
  return s;
}

/** The ISO 4217 code every money form starts in: the desk's (DESK_CURRENCY), else USD. */
export function deskCurrency(session: Pick<SessionInfo, 'desk'>): string {
  return session.desk?.currency ?? 'USD';
}

export function makeSession(info: SessionInfo, signOut: () => Promise<void>): Session {
  const granted = new Set(info.permissions);
  return { ...info, can: (p) => granted.has(p), signOut };
}

/** People and teams, for names in lists; loaded once per session when the role may read them. */
export interface Directory {
  users: Map<string, User>;
  teams: Map<string, Team>;
  /** After an admin adds a person or a team. */
  reload(): void;
}

export const DirectoryContext = createContext<Directory>({ users: new Map(), teams: new Map(), reload: () => {} });

export function useDirectory(): Directory {
  return useContext(DirectoryContext);
}

export function userLabel(dir: Directory, me: User, id: string | null): string {
  if (id === null) return 'Unassigned';
  if (id === me.id) return `${me.name} (me)`;
  return dir.users.get(id)?.name ?? `User #${id}`;
}

export function teamLabel(dir: Directory, id: string | null): string {
  if (id === null) return 'No team';
  return dir.teams.get(id)?.name ?? `Team #${id}`;
}
