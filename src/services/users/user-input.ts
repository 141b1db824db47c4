import { DomainError } from '../../domain/errors.js';
import { ROLES, isRole, type Role } from '../../domain/access/roles.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalizeEmail(value: unknown, field = 'email'): string {
  if (typeof value !== 'string' || !EMAIL.test(value.trim()) || value.length > 254) {
    throw new DomainError('invalid_input', 'expected an email address', field);
  }
  return value.trim().toLowerCase();
}

export function parseRole(value: unknown, field = 'role'): Role {
  if (!isRole(value)) throw new DomainError('invalid_input', `expected one of ${ROLES.join(', ')}`, field);
  return value;
}

/** At least 12 characters: long passphrases beat composition rules (NIST SP 800-63B). */
export function checkPassword(value: unknown, field = 'password'): string {
  if (typeof value !== 'string' || value.length < 12) {
    throw new DomainError('invalid_input', 'must be at least 12 characters', field);
  }
  if (value.length > 1024) throw new DomainError('invalid_input', 'must be at most 1024 characters', field);
  return value;
}
