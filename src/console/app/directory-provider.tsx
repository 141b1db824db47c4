import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import type { Team, User } from '../api/types';
import { DirectoryContext, useSession, type Directory } from './session';

/** Loads people and teams once per session (names in queues, timelines and pickers). */
export function DirectoryProvider({ children }: { children: ReactNode }) {
  const session = useSession();
  const [users, setUsers] = useState<Map<string, User>>(new Map());
  const [teams, setTeams] = useState<Map<string, Team>>(new Map());
  const [generation, setGeneration] = useState(0);
  const canUsers = session.can('users.read');
  const canTeams = session.can('teams.read');

  useEffect(() => {
    let live = true;
    if (canUsers) {
      api.get<{ items: User[] }>('/users', { includeDisabled: true }).then(
        (r) => live && setUsers(new Map(r.items.map((u) => [u.id, u]))),
        () => {},
      );
    }
    if (canTeams) {
      api.get<{ items: Team[] }>('/teams').then(
        (r) => live && setTeams(new Map(r.items.map((t) => [t.id, t]))),
        () => {},
      );
    }
    return () => {
      live = false;
    };
  }, [canUsers, canTeams, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const value = useMemo<Directory>(() => ({ users, teams, reload }), [users, teams, reload]);
  return <DirectoryContext.Provider value={value}>{children}</DirectoryContext.Provider>;
}
