// Domain errors carry a stable code and, for bad input, the offending field path. They never carry
// an HTTP status: the edge (src/http/error-map.ts, the CLI) maps codes to statuses and exit codes.

export type ErrorCode =
  | 'invalid_input'
  | 'invalid_json'
  | 'invalid_policy'
  /** A policy version whose own tests (its `examples:`) fail; applied only when overridden. */
  | 'policy_tests_failed'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unauthenticated'
  | 'invalid_transition'
  | 'rate_limited'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'approval_required'
  | 'precondition_failed';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(field ? `${field}: ${message}` : message);
    this.name = 'DomainError';
  }
}

export function invalidInput(field: string, message: string): DomainError {
  return new DomainError('invalid_input', message, field);
}
