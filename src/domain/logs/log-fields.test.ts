import { describe, expect, it } from 'vitest';
import { applyFieldPatch } from './log-fields.js';
import { logTypeOf } from './log-registry.js';
import { codeOf } from '../../../test/logs/log-test-kit.js';

const oos = logTypeOf('out_of_stock');
const rush = logTypeOf('rush_change');
const address = logTypeOf('incorrect_address');

describe('templated fields', () => {
  it('opening needs the template\'s required fields, named (R000-12: every request logged with its template)', () => {
    expect(codeOf(() => applyFieldPatch(oos, {}, {}, 'agent', 'open'))).toEqual({ code: 'invalid_input', field: 'fields.sku' });
    expect(codeOf(() => applyFieldPatch(address, {}, { problem: 'no house number' }, 'supplier', 'open'))).toEqual({ code: 'invalid_input', field: 'fields.fieldsToConfirm' });
    expect(applyFieldPatch(oos, {}, { sku: ' RING-7 ', quantity: 2 }, 'supplier', 'open')).toEqual({ fields: { sku: 'RING-7', quantity: 2 }, changed: ['sku', 'quantity'] });
  });

  it('checks each value against its type and names the field', () => {
    const bad: [object, string][] = [
      [{ nope: 1 }, 'fields.nope'],
      [{ quantity: -1 }, 'fields.quantity'],
      [{ quantity: 1.5 }, 'fields.quantity'],
      [{ restockDate: '2026-02-30' }, 'fields.restockDate'],
      [{ outcome: 'shrug' }, 'fields.outcome'],
      [{ alternatives: ['A', 'A'] }, 'fields.alternatives[1]'],
      [{ alternatives: ['ok', 'bad sku'] }, 'fields.alternatives[1]'],
      [{ note: '' }, 'fields.note'],
      [{ affectedOrderNumbers: [] }, 'fields.affectedOrderNumbers'],
    ];
    for (const [input, field] of bad) expect(codeOf(() => applyFieldPatch(oos, { sku: 'A' }, input, 'back_office', 'update')), field).toEqual({ code: 'invalid_input', field });
    expect(codeOf(() => applyFieldPatch(address, {}, { fieldsToConfirm: ['zip'] }, 'agent', 'update'))).toEqual({ code: 'invalid_input', field: 'fields.fieldsToConfirm[0]' });
    expect(codeOf(() => applyFieldPatch(address, {}, { customerConfirmedAt: '2026-11-22 10:00' }, 'agent', 'update'))).toEqual({ code: 'invalid_input', field: 'fields.customerConfirmedAt' });
  });

  it('stores times in UTC with milliseconds', () => {
    const { fields } = applyFieldPatch(address, {}, { customerConfirmedAt: '2026-11-22T10:00:00+02:00' }, 'agent', 'update');
    expect(fields.customerConfirmedAt).toBe('2026-11-22T08:00:00.000Z');
  });

  it('null clears a field; unchanged values are not reported as changed', () => {
    expect(applyFieldPatch(oos, { sku: 'A', note: 'x' }, { note: null, sku: 'A' }, 'agent', 'update')).toEqual({ fields: { sku: 'A' }, changed: ['note'] });
  });

  it('only back office proposes alternatives; the supplier sources from them (R000-02)', () => {
    expect(codeOf(() => applyFieldPatch(oos, { sku: 'A' }, { alternatives: ['B'] }, 'supplier', 'update'))).toEqual({ code: 'forbidden', field: 'fields.alternatives' });
    expect(applyFieldPatch(oos, { sku: 'A' }, { alternatives: ['B'] }, 'back_office', 'update').changed).toEqual(['alternatives']);
    expect(applyFieldPatch(oos, { sku: 'A' }, { substituteSku: 'B', outcome: 'substitute' }, 'supplier', 'update').changed).toEqual(['substituteSku', 'outcome']);
  });

  it('the rush answer is derived from the order, never typed (R001-05)', () => {
    expect(codeOf(() => applyFieldPatch(rush, {}, { requestKind: 'rush', answer: 'yes' }, 'lead', 'open'))).toEqual({ code: 'invalid_input', field: 'fields.answer' });
  });
});
