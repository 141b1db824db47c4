import type { Role } from '../access/roles.js';
import { DomainError, invalidInput } from '../errors.js';
import {
  conditionHolds, isFilled,
  type EvidenceKind, type LogFields, type LogRequirement, type LogTransitionDef, type LogTypeDef,
} from './log-type.js';

/** What the case holds that can count as evidence; gathered by the service, judged here. */
export interface EvidenceFacts {
  /** Images attached to the case: when, and whether the upload carried a note. */
  images: readonly { at: string; noted: boolean }[];
  /** When internal notes were written on the case. */
  notesAt: readonly string[];
}

export interface LogSnapshot {
  state: string;
  fields: LogFields;
  openedAt: string;
}

export interface UnmetRequirement {
  /** `fields.<key>` or `evidence.<kind>`: what to fill in or attach. */
  field: string;
  message: string;
}

/** The fields that record a customer's confirmation (R000-05, R000-06). */
export const CONFIRMATION_FIELDS = ['customerConfirmedAt', 'confirmationChannel'] as const;

export function evidenceHolds(kind: EvidenceKind, snap: LogSnapshot, evidence: EvidenceFacts): boolean {
  switch (kind) {
    case 'photo':
      return evidence.images.length > 0;
    case 'screenshot_note': {
      // The screenshot is of the log entry, so it can only exist once the entry does (R000-05).
      const after = evidence.images.filter((i) => i.at >= snap.openedAt);
      return after.some((i) => i.noted) || (after.length > 0 && evidence.notesAt.some((at) => at >= snap.openedAt));
    }
    case 'customer_confirmation':
      return CONFIRMATION_FIELDS.every((f) => isFilled(snap.fields[f]));
  }
}

function unmet(req: LogRequirement, snap: LogSnapshot, evidence: EvidenceFacts): UnmetRequirement | null {
  if (req.when && !conditionHolds(req.when, snap.fields)) return null;
  if (req.kind === 'evidence') {
    return evidenceHolds(req.evidence, snap, evidence) ? null : { field: `evidence.${req.evidence}`, message: req.why };
  }
  const value = snap.fields[req.field];
  const field = `fields.${req.field}`;
  if (!isFilled(value)) return { field, message: req.why };
  if (req.equals !== undefined && value !== req.equals) return { field, message: req.why };
  if (req.oneOf !== undefined && !(typeof value === 'string' && req.oneOf.includes(value))) return { field, message: req.why };
  if (req.memberOf !== undefined) {
    const list = snap.fields[req.memberOf];
    if (!(Array.isArray(list) && typeof value === 'string' && list.includes(value))) return { field, message: req.why };
  }
  return null;
}

export function unmetRequirements(t: LogTransitionDef, snap: LogSnapshot, evidence: EvidenceFacts): UnmetRequirement[] {
  return (t.requires ?? []).map((r) => unmet(r, snap, evidence)).filter((u): u is UnmetRequirement => u !== null);
}

export function findTransition(type: LogTypeDef, from: string, to: string): LogTransitionDef | undefined {
  return type.transitions.find((t) => t.to === to && t.from.includes(from));
}

/**
 * Whether `role` may move the entry to `to` now; throws the reason otherwise: not a state (422),
 * not a move the type allows from here (409), not this role's move (403), a note missing (422),
 * or the first unmet requirement, named by field, with all of them in the message (412).
 */
export function checkMove(type: LogTypeDef, snap: LogSnapshot, to: unknown, role: Role, evidence: EvidenceFacts, note: string): LogTransitionDef {
  if (typeof to !== 'string' || !type.states.some((s) => s.key === to)) {
    throw invalidInput('to', `expected a state of ${type.key}: ${type.states.map((s) => s.key).join(', ')}`);
  }
  if (to === snap.state) throw new DomainError('conflict', `the entry is already ${to}`, 'to');
  const t = findTransition(type, snap.state, to);
  if (!t) throw new DomainError('invalid_transition', `a ${type.key} entry cannot move from ${snap.state} to ${to}`, 'to');
  if (!t.by.includes(role)) throw new DomainError('forbidden', `the ${role} role may not move a ${type.key} entry from ${snap.state} to ${to}`, 'to');
  if (t.noteRequired && note.trim() === '') throw invalidInput('note', `a reason is required to move to ${to}`);
  const missing = unmetRequirements(t, snap, evidence);
  if (missing.length > 0) {
    const all = missing.map((m) => `${m.field} (${m.message})`).join('; ');
    throw new DomainError('precondition_failed', `cannot move to ${to} yet: ${all}`, missing[0]!.field);
  }
  return t;
}

export interface NextMove {
  to: string;
  label: string;
  /** This role may make the move (requirements aside). */
  allowed: boolean;
  noteRequired: boolean;
  missing: UnmetRequirement[];
}

/** The moves open from the current state, each with what is still missing: what a form shows next. */
export function nextMoves(type: LogTypeDef, snap: LogSnapshot, role: Role, evidence: EvidenceFacts): NextMove[] {
  return type.transitions
    .filter((t) => t.from.includes(snap.state))
    .map((t) => ({ to: t.to, label: t.label, allowed: t.by.includes(role), noteRequired: t.noteRequired === true, missing: unmetRequirements(t, snap, evidence) }));
}
