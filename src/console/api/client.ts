// One fetch wrapper for /api/v1. The session cookie is HttpOnly; the CSRF token the server returns
// at sign-in (or from /auth/me) lives only in this module's memory and goes out as X-CSRF-Token on
// every unsafe request (README: API).

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The input the server blames, as a path like `order.total` or `timeline[0].text`. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => {};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request comes back 401 after sign-in: the session expired or was revoked. */
export function onSessionLost(handler: () => void): void {
  onUnauthenticated = handler;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function toError(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string; field?: string } };
    const e = body.error;
    if (e?.code) return new ApiError(res.status, e.code, e.message ?? e.code, e.field || undefined);
  } catch {
    // not JSON: fall through to a generic error
  }
  return new ApiError(res.status, 'http_error', `the server answered ${res.status} ${res.statusText}`);
}

export async function request<T>(method: string, path: string, body?: unknown, init?: { quiet401?: boolean }): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, { method, headers, body: payload ?? null, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network_error', 'cannot reach the Ladder server; check that it is running');
  }
  if (!res.ok) {
    const err = await toError(res);
    if (res.status === 401 && !init?.quiet401) onUnauthenticated();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', query ? withQuery(path, query) : path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  del: (path: string) => request<void>('DELETE', path),
};

export function attachmentUrl(caseId: string, attachmentId: string): string {
  return `/api/v1/cases/${encodeURIComponent(caseId)}/attachments/${encodeURIComponent(attachmentId)}`;
}
