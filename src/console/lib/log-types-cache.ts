import type { LogTypeDescription } from '../api/log-types.js';

// The templates change only with a release, but the server trims them to the role, and an admin
// may change a person's role while they are signed in (which ends their sessions). One answer
// serves the nav, the queues and every case page for one person in one role; a sign-in in another
// role asks again, and so does each navigation to a Logs queue (the shell forgets the answer).

export interface LogTypesViewer { id: string; role: string }

export const logTypesKey = (viewer: LogTypesViewer) => `${viewer.id}:${viewer.role}`;

export interface LogTypesCache {
  load(viewer: LogTypesViewer): Promise<LogTypeDescription[]>;
  /** The next load asks the server again. */
  forget(): void;
}

export function createLogTypesCache(fetchTypes: () => Promise<LogTypeDescription[]>): LogTypesCache {
  let cached: { key: string; answer: Promise<LogTypeDescription[]> } | null = null;
  return {
    load(viewer) {
      const key = logTypesKey(viewer);
      if (!cached || cached.key !== key) {
        const answer = fetchTypes();
        // A failed answer is not kept: the next page asks again.
        answer.catch(() => { if (cached?.answer === answer) cached = null; });
        cached = { key, answer };
      }
      return cached.answer;
    },
    forget() {
      cached = null;
    },
  };
}
