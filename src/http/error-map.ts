import type { ErrorCode } from '../domain/errors.js';

/** The one map from domain error codes to HTTP statuses (DEVELOPERS.md style 3). Exhaustive by type. */
export const STATUS_OF: Record<ErrorCode, number> = {
  invalid_input: 422,
  invalid_json: 400,
  invalid_policy: 422,
  policy_tests_failed: 422,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
  invalid_transition: 409,
  rate_limited: 429,
  payload_too_large: 413,
  unsupported_media_type: 415,
  approval_required: 409,
  precondition_failed: 412,
};

export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

export function errorBody(code: string, message: string, field?: string): ErrorBody {
  return { error: { code, message, ...(field !== undefined && field !== '' ? { field } : {}) } };
}
