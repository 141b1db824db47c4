import { useCallback } from 'react';
import { api } from '../api/client';
import type { LogTypeDescription } from '../api/log-types';
import { createLogTypesCache, logTypesKey, type LogTypesViewer } from './log-types-cache';
import { useResource, type Resource } from './use-resource';

const cache = createLogTypesCache(() => api.get<{ types: LogTypeDescription[] }>('/logs/types').then((r) => r.types));

/** The log templates for this person in this role (log-types-cache.ts); refresh asks again. */
export function useLogTypes(viewer: LogTypesViewer, enabled = true): Resource<LogTypeDescription[]> & { refresh(): void } {
  const resource = useResource(enabled ? `log-types:${logTypesKey(viewer)}` : null, () => cache.load(viewer));
  const { reload } = resource;
  // Keeps the current answer on screen until the new one arrives.
  const refresh = useCallback(() => {
    cache.forget();
    reload();
  }, [reload]);
  return { ...resource, refresh };
}
