import { DomainError } from '../errors.js';
import { canTransition, isOpenStatus, type CaseStatus } from '../cases/case-status.js';
import { findLogType, LOG_TYPES, stateOf } from './log-registry.js';
import type { LogTypeDef } from './log-type.js';

// A case follows its log entry (issue 5): while the entry waits on the supplier or the customer the
// case is pending_supplier / pending_customer, which pauses its SLA clocks (the policy's pause
// statuses); when the entry comes back to the desk the case is open again; and a final state of
// the entry resolves the case where the policy's `caseLogs:` section says so.
//
//   caseLogs:
//     resolveCase:                 # log type → its final states that resolve the case
//       pickup: [collected]
//       return_to_sender: [reshipped]
//
// Nothing resolves a case unless listed: an entry's end is often not the customer's (they still
// need the "problem fixed" message, R001-10).

export interface CaseLogSettings {
  /** Log type key → final states of that type that resolve the case. */
  resolveCase: Readonly<Record<string, readonly string[]>>;
}

export const DEFAULT_CASE_LOG_SETTINGS: CaseLogSettings = Object.freeze({ resolveCase: Object.freeze({}) });

/** `section` is the policy's `caseLogs:` value (undefined/null: nothing resolves a case). */
export function parseCaseLogSettings(section: unknown, source: string): CaseLogSettings {
  if (section === undefined || section === null) return DEFAULT_CASE_LOG_SETTINGS;
  const fail = (path: string, message: string): never => {
    throw new DomainError('invalid_policy', `${message} (${source})`, `caseLogs${path ? `.${path}` : ''}`);
  };
  if (typeof section !== 'object' || Array.isArray(section)) fail('', 'expected a mapping');
  const top = section as Record<string, unknown>;
  for (const key of Object.keys(top)) if (key !== 'resolveCase') fail(key, 'unknown key (expected resolveCase)');
  const raw = top.resolveCase ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('resolveCase', 'expected a mapping of log type → final states');
  const resolveCase: Record<string, readonly string[]> = {};
  for (const [typeKey, states] of Object.entries(raw as Record<string, unknown>)) {
    const type = findLogType(typeKey);
    if (!type) fail(`resolveCase.${typeKey}`, `not a log type (${LOG_TYPES.map((t) => t.key).join(', ')})`);
    if (!Array.isArray(states)) fail(`resolveCase.${typeKey}`, 'expected a list of final states');
    const finals = (type as LogTypeDef).states.filter((s) => s.terminal).map((s) => s.key);
    (states as unknown[]).forEach((state, i) => {
      if (typeof state !== 'string' || !finals.includes(state)) fail(`resolveCase.${typeKey}[${i}]`, `expected a final state of ${typeKey}: ${finals.join(', ')}`);
    });
    resolveCase[typeKey] = Object.freeze([...(states as string[])]);
  }
  return Object.freeze({ resolveCase: Object.freeze(resolveCase) });
}

/** Who the desk waits on while an entry is in `state`: its supplier queue, or a customer's answer. */
export function logWaitsOn(type: LogTypeDef, state: string | null): 'supplier' | 'customer' | null {
  const def = state === null ? undefined : stateOf(type, state);
  if (!def || def.terminal) return null;
  if (def.awaits === 'customer') return 'customer';
  return def.waitingOn === 'supplier' ? 'supplier' : null;
}

const PENDING_FOR = { supplier: 'pending_supplier', customer: 'pending_customer' } as const;

export interface CaseStatusFollow {
  to: CaseStatus;
  /** Why the case moved, for the status event a person reads on the timeline. */
  reason: string;
}

/**
 * Where the case goes when its entry moves from `from` (null: just opened) to `to`; null to stay.
 * A resolved or closed case is never moved by its entry, and a pending status a person set for
 * another reason is left alone unless the entry itself now waits on someone.
 */
export function caseStatusAfterLogMove(input: {
  type: LogTypeDef;
  from: string | null;
  to: string;
  caseStatus: CaseStatus;
  settings: CaseLogSettings;
}): CaseStatusFollow | null {
  const { type, from, to, caseStatus, settings } = input;
  if (!isOpenStatus(caseStatus)) return null;
  const target = stateOf(type, to);
  const entry = `the ${type.label.toLowerCase()} entry moved to "${target?.label ?? to}"`;
  const move = (status: CaseStatus, why: string): CaseStatusFollow | null =>
    status !== caseStatus && canTransition(caseStatus, status) ? { to: status, reason: `${entry}: ${why}` } : null;

  if (target?.terminal) {
    if ((settings.resolveCase[type.key] ?? []).includes(to)) return move('resolved', `the policy resolves the case when a ${type.key} entry ends ${to}`);
  }
  const waits = logWaitsOn(type, to);
  if (waits !== null) return move(PENDING_FOR[waits], `waiting on the ${waits}, so the SLA clocks pause`);
  const waited = logWaitsOn(type, from);
  if (waited !== null && caseStatus === PENDING_FOR[waited]) {
    return move('open', target?.terminal ? `no longer waiting on the ${waited}` : `back with the desk, no longer waiting on the ${waited}`);
  }
  return null;
}
