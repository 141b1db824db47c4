import { api } from '../api/client';
import type { LogTypeDescription } from '../api/log-types';
import { useResource, type Resource } from './use-resource';

// The templates change only with a release, so one answer per signed-in person serves the nav, the
// queues and every case page; keyed by user because the server trims them to the role.
let cached: { userId: string; answer: Promise<LogTypeDescription[]> } | null = null;

export function loadLogTypes(userId: string): Promise<LogTypeDescription[]> {
  if (!cached || cached.userId !== userId) {
    const answer = api.get<{ types: LogTypeDescription[] }>('/logs/types').then((r) => r.types);
    answer.catch(() => { if (cached?.answer === answer) cached = null; });
    cached = { userId, answer };
  }
  return cached.answer;
}

export function useLogTypes(userId: string, enabled = true): Resource<LogTypeDescription[]> {
  return useResource(enabled ? `log-types:${userId}` : null, () => loadLogTypes(userId));
}
