import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, onSessionLost, request, setCsrfToken } from '../api/client';
import type { SessionInfo } from '../api/types';
import { SignInPage } from '../pages/sign-in-page';
import { makeSession, SessionContext } from './session';
import { DirectoryProvider } from './directory-provider';
import { Shell } from './shell';

type Phase =
  | { kind: 'loading' }
  | { kind: 'signed-out'; notice: string | null }
  | { kind: 'signed-in'; info: SessionInfo };

/**
 * Restores the session on load (GET /auth/me), otherwise shows sign-in. The CSRF token from either
 * answer is kept in memory only (api/client.ts); a 401 later means the session ended.
 */
export function App() {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });

  const signedIn = useCallback((info: SessionInfo) => {
    setCsrfToken(info.csrfToken);
    setPhase({ kind: 'signed-in', info });
  }, []);

  useEffect(() => {
    onSessionLost(() => {
      setCsrfToken(null);
      setPhase({ kind: 'signed-out', notice: 'Your session ended. Sign in again.' });
    });
    request<SessionInfo>('GET', '/auth/me', undefined, { quiet401: true }).then(
      signedIn,
      () => setPhase({ kind: 'signed-out', notice: null }),
    );
  }, [signedIn]);

  const signOut = useCallback(async () => {
    try {
      await api.post('/auth/sign-out');
    } finally {
      setCsrfToken(null);
      setPhase({ kind: 'signed-out', notice: 'You are signed out.' });
    }
  }, []);

  const session = useMemo(() => (phase.kind === 'signed-in' ? makeSession(phase.info, signOut) : null), [phase, signOut]);

  if (phase.kind === 'loading') {
    return <p className="boot" aria-live="polite">Loading Ladder…</p>;
  }
  if (phase.kind === 'signed-out' || !session) {
    return <SignInPage notice={phase.kind === 'signed-out' ? phase.notice : null} onSignedIn={signedIn} />;
  }
  return (
    <SessionContext.Provider value={session}>
      <DirectoryProvider>
        <Shell />
      </DirectoryProvider>
    </SessionContext.Provider>
  );
}
