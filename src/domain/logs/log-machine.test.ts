import { describe, expect, it } from 'vitest';
import { ROLES } from '../access/roles.js';
import { LOG_TYPES } from './log-registry.js';
import { checkMove, findTransition, nextMoves, unmetRequirements } from './log-machine.js';
import { ALL_EVIDENCE, NO_EVIDENCE, applyCondition, codeOf, satisfyingSnapshot } from '../../../test/logs/log-test-kit.js';
import type { LogTypeDef } from './log-type.js';

// Every allowed and every forbidden move of every log type (issue 5 item 1), for every role.

function pairs(type: LogTypeDef): [string, string][] {
  return type.states.flatMap((a) => type.states.filter((b) => b.key !== a.key).map((b): [string, string] => [a.key, b.key]));
}

describe.each(LOG_TYPES.map((t) => [t.key, t] as const))('the %s state machine', (_key, type) => {
  it('is well formed: states exist, terminal states have no way out, every state is reachable', () => {
    const keys = new Set(type.states.map((s) => s.key));
    expect(keys.has(type.initialState)).toBe(true);
    for (const t of type.transitions) {
      expect(keys.has(t.to), t.to).toBe(true);
      for (const f of t.from) expect(keys.has(f), f).toBe(true);
      for (const r of t.requires ?? []) if (r.kind === 'field') expect(type.fields.some((f) => f.key === r.field), r.field).toBe(true);
    }
    for (const s of type.states.filter((s) => s.terminal)) expect(type.transitions.filter((t) => t.from.includes(s.key))).toEqual([]);
    const reached = new Set([type.initialState]);
    for (let grown = true; grown;) {
      grown = false;
      for (const t of type.transitions) if (t.from.some((f) => reached.has(f)) && !reached.has(t.to)) { reached.add(t.to); grown = true; }
    }
    expect([...reached].sort()).toEqual([...keys].sort());
  });

  it('refuses every move the type does not define, whoever asks (409 invalid_transition)', () => {
    for (const [from, to] of pairs(type).filter(([f, t]) => !findTransition(type, f, t))) {
      for (const role of ROLES) {
        expect(codeOf(() => checkMove(type, { state: from, fields: {}, openedAt: '2026-11-22T09:00:00.000Z' }, to, role, ALL_EVIDENCE, 'why')), `${from} → ${to}`)
          .toEqual({ code: 'invalid_transition', field: 'to' });
      }
    }
  });

  it('allows each defined move to exactly the roles it names, once its requirements are met', () => {
    for (const [from, to] of pairs(type)) {
      const t = findTransition(type, from, to);
      if (!t) continue;
      const snap = satisfyingSnapshot(type, t, from);
      for (const role of ROLES) {
        const result = codeOf(() => checkMove(type, snap, to, role, ALL_EVIDENCE, 'a reason'));
        expect(result, `${role} ${from} → ${to}`).toEqual(t.by.includes(role) ? { code: 'ok' } : { code: 'forbidden', field: 'to' });
      }
    }
  });

  it('names each unmet requirement of a move by its field, and refuses the move with it (412)', () => {
    for (const [from, to] of pairs(type)) {
      const t = findTransition(type, from, to);
      if (!t) continue;
      const role = t.by[0]!;
      for (const req of t.requires ?? []) {
        const snap = satisfyingSnapshot(type, t, from);
        if (req.when) applyCondition(snap.fields, req.when);
        let evidence = ALL_EVIDENCE;
        let field: string;
        if (req.kind === 'evidence') {
          field = `evidence.${req.evidence}`;
          if (req.evidence === 'customer_confirmation') delete snap.fields.customerConfirmedAt;
          else evidence = NO_EVIDENCE;
        } else {
          field = `fields.${req.field}`;
          delete snap.fields[req.field];
        }
        expect(unmetRequirements(t, snap, evidence).map((m) => m.field), `${from} → ${to} without ${field}`).toContain(field);
        const refused = codeOf(() => checkMove(type, snap, to, role, evidence, 'a reason'));
        expect(refused.code).toBe('precondition_failed');
      }
    }
  });

  it('asks for a written reason where the move needs one', () => {
    for (const t of type.transitions.filter((t) => t.noteRequired)) {
      const snap = satisfyingSnapshot(type, t, t.from[0]!);
      expect(codeOf(() => checkMove(type, snap, t.to, t.by[0]!, ALL_EVIDENCE, '  '))).toEqual({ code: 'invalid_input', field: 'note' });
    }
  });

  it('refuses an unknown target state and a move to the current state', () => {
    const snap = { state: type.initialState, fields: {}, openedAt: '2026-11-22T09:00:00.000Z' };
    expect(codeOf(() => checkMove(type, snap, 'nowhere', 'admin', ALL_EVIDENCE, ''))).toEqual({ code: 'invalid_input', field: 'to' });
    expect(codeOf(() => checkMove(type, snap, type.initialState, 'admin', ALL_EVIDENCE, ''))).toEqual({ code: 'conflict', field: 'to' });
  });

  it('compliance reviews but moves nothing (R000-01), except in the chargebacks & fraud log it manages (R000-08)', () => {
    const manages = type.key === 'chargeback';
    for (const t of type.transitions) expect(t.by.includes('compliance')).toBe(manages);
    expect(type.openableBy.includes('compliance')).toBe(manages);
  });
});

describe('next moves', () => {
  it('lists the moves from the current state with what is still missing, for the form', () => {
    const oos = LOG_TYPES.find((t) => t.key === 'out_of_stock')!;
    const moves = nextMoves(oos, { state: 'reported', fields: { sku: 'A' }, openedAt: '2026-11-22T09:00:00.000Z' }, 'supplier', NO_EVIDENCE);
    expect(moves.map((m) => [m.to, m.allowed])).toEqual([['alternatives_proposed', false], ['resolved', false], ['cancelled', false]]);
    expect(moves[0]!.missing.map((m) => m.field)).toEqual(['fields.physicalCount', 'fields.alternatives']);
  });
});
