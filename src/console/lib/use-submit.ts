import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../api/client';

export interface Submit {
  busy: boolean;
  error: ApiError | null;
  /** Runs one request; its error (with the field it names) stays until the next attempt. */
  run<T>(action: () => Promise<T>): Promise<T | undefined>;
  clear(): void;
}

export function useSubmit(): Submit {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const inFlight = useRef(false);
  const run = useCallback(async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    if (inFlight.current) return undefined;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'client_error', err instanceof Error ? err.message : String(err)));
      return undefined;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => setError(null), []);
  return { busy, error, run, clear };
}
