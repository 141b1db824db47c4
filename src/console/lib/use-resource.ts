import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client';

export interface Resource<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
  /** Replace the data with what an action returned (every case action answers with the case). */
  set(value: T): void;
}

/** Loads once per key; a newer key's answer wins over a slower older one. */
export function useResource<T>(key: string | null, load: () => Promise<T>): Resource<T> {
  const [state, setState] = useState<{ key: string | null; data: T | null; error: ApiError | null; loading: boolean }>({
    key, data: null, error: null, loading: key !== null,
  });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    setState((s) => ({ key, data: s.key === key ? s.data : null, error: null, loading: true }));
    load().then(
      (data) => live && setState({ key, data, error: null, loading: false }),
      (err: unknown) => live && setState({ key, data: null, error: err instanceof ApiError ? err : new ApiError(0, 'client_error', String(err)), loading: false }),
    );
    return () => {
      live = false;
    };
    // `load` is a fresh closure each render on purpose: the key alone says when to load again.
  }, [key, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const set = useCallback((value: T) => setState((s) => ({ ...s, data: value, error: null })), []);
  const current = state.key === key;
  return { data: current ? state.data : null, error: current ? state.error : null, loading: current ? state.loading : key !== null, reload, set };
}
