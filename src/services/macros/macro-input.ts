import { DomainError } from '../../domain/errors.js';
import { parseMacroTemplate } from '../../domain/macros/macro-template.js';

export const MAX_MACRO_BODY = 10_000;
export const MAX_FOLDER = 100;
export const MAX_TITLE = 200;
export const MAX_CHANGE_NOTE = 500;

export function parseMacroId(value: unknown, field = 'id'): number {
  const id = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) throw new DomainError('invalid_input', 'expected a macro id', field);
  return id;
}

function oneLine(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string' || !value.trim()) throw new DomainError('invalid_input', 'expected non-empty text', field);
  const text = value.trim().replace(/\s+/g, ' ');
  if (text.length > max) throw new DomainError('invalid_input', `must be at most ${max} characters`, field);
  return text;
}

export const parseFolder = (v: unknown, field = 'folder') => oneLine(v, field, MAX_FOLDER);
export const parseTitle = (v: unknown, field = 'title') => oneLine(v, field, MAX_TITLE);

/** A macro text: non-empty, bounded, and a valid template (problems with line and column). */
export function parseBody(value: unknown, field = 'body'): string {
  if (typeof value !== 'string' || !value.trim()) throw new DomainError('invalid_input', 'expected the macro text', field);
  if (value.length > MAX_MACRO_BODY) throw new DomainError('invalid_input', `must be at most ${MAX_MACRO_BODY} characters`, field);
  // Line endings are normalised so versions compare by what they say, not how they were typed.
  const body = value.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
  parseMacroTemplate(body, field);
  return body;
}

export function parseChangeNote(value: unknown, field = 'changeNote'): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new DomainError('invalid_input', 'expected text', field);
  const note = value.trim();
  if (note.length > MAX_CHANGE_NOTE) throw new DomainError('invalid_input', `must be at most ${MAX_CHANGE_NOTE} characters`, field);
  return note || null;
}
