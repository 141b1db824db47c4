import { describe, expect, it } from 'vitest';
import { ROLES } from '../access/roles.js';
import { checkMove } from './log-machine.js';
import { logTypeOf } from './log-registry.js';
import { roleMaySeeLog } from './log-exposure.js';
import { describeLogTypes } from './describe-log-types.js';
import { logDueAt } from './log-due.js';
import { logDueAlerts } from './log-due-alerts.js';
import { applyFieldPatch } from './log-fields.js';
import { chargebackStateForPlatform, isForwardChargebackMove } from './chargeback-status.js';
import { ALL_EVIDENCE, OPENED_AT, codeOf } from '../../../test/logs/log-test-kit.js';
import type { LogFields } from './log-type.js';

const type = logTypeOf('chargeback');
const move = (state: string, fields: LogFields, to: string, role: Parameters<typeof checkMove>[3], note = '') =>
  codeOf(() => checkMove(type, { state, fields, openedAt: OPENED_AT }, to, role, ALL_EVIDENCE, note));
const dispute = { source: 'platform_chargeback', amountMinor: 1150, currency: 'CAD', evidenceSummary: 'tracking + photos', evidenceSubmittedAt: '2026-12-01T10:00:00.000Z' };

describe('chargebacks & high fraud risk log (R000-08)', () => {
  it('agent cannot see chargebacks (R000-08): only back office, compliance, leadership and admin do', () => {
    const seeing = ROLES.filter((r) => roleMaySeeLog(type, 'needs_response', r));
    expect(seeing.sort()).toEqual(['admin', 'back_office', 'compliance', 'leadership']);
    expect(describeLogTypes('agent').map((t) => t.key)).not.toContain('chargeback');
    expect(describeLogTypes('lead').map((t) => t.key)).not.toContain('chargeback');
    expect(describeLogTypes('compliance').find((t) => t.key === 'chargeback')?.youMayOpen).toBe(true);
  });

  it('status runs needs_response → submitted → won | lost, by the chargeback desk', () => {
    expect(move('needs_response', dispute, 'submitted', 'compliance')).toEqual({ code: 'ok' });
    expect(move('submitted', dispute, 'won', 'back_office')).toEqual({ code: 'ok' });
    expect(move('submitted', dispute, 'lost', 'leadership')).toEqual({ code: 'ok' });
    expect(move('needs_response', dispute, 'submitted', 'lead')).toEqual({ code: 'forbidden', field: 'to' });
  });

  it('chargeback won cannot move back to needs_response (R000-08)', () => {
    expect(move('won', dispute, 'needs_response', 'admin')).toEqual({ code: 'invalid_transition', field: 'to' });
    expect(move('lost', dispute, 'submitted', 'admin')).toEqual({ code: 'invalid_transition', field: 'to' });
    expect(move('needs_response', dispute, 'won', 'admin')).toEqual({ code: 'invalid_transition', field: 'to' });
  });

  it('evidence is submitted with what was sent, when, and the disputed amount with its currency', () => {
    expect(move('needs_response', { ...dispute, evidenceSummary: undefined } as never, 'submitted', 'back_office')).toEqual({ code: 'precondition_failed', field: 'fields.evidenceSummary' });
    expect(move('needs_response', { source: 'chargeback_service', evidenceSummary: 'x', evidenceSubmittedAt: OPENED_AT }, 'submitted', 'back_office')).toEqual({ code: 'precondition_failed', field: 'fields.amountMinor' });
    expect(move('needs_response', { source: 'chargeback_service', evidenceSummary: 'x', evidenceSubmittedAt: OPENED_AT, amountMinor: 500 }, 'submitted', 'back_office')).toEqual({ code: 'precondition_failed', field: 'fields.currency' });
    expect(move('needs_response', { source: 'high_risk_order', evidenceSummary: 'x', evidenceSubmittedAt: OPENED_AT }, 'submitted', 'back_office')).toEqual({ code: 'ok' });
  });

  it('accepting without a response needs a reason', () => {
    expect(move('needs_response', dispute, 'lost', 'back_office')).toEqual({ code: 'invalid_input', field: 'note' });
    expect(move('needs_response', dispute, 'lost', 'back_office', 'amount below the cost of fighting')).toEqual({ code: 'ok' });
  });

  it('amounts are whole minor units with a known currency, each refusal naming the field', () => {
    expect(codeOf(() => applyFieldPatch(type, {}, { source: 'platform_chargeback', amountMinor: 11.5 }, 'back_office', 'open'))).toEqual({ code: 'invalid_input', field: 'fields.amountMinor' });
    expect(codeOf(() => applyFieldPatch(type, {}, { source: 'platform_chargeback', currency: 'XYZ' }, 'back_office', 'open'))).toEqual({ code: 'invalid_input', field: 'fields.currency' });
    expect(codeOf(() => applyFieldPatch(type, {}, { source: 'card' }, 'back_office', 'open'))).toEqual({ code: 'invalid_input', field: 'fields.source' });
    expect(codeOf(() => applyFieldPatch(type, {}, { source: 'platform_chargeback', platformStatus: 'won' }, 'back_office', 'open'))).toEqual({ code: 'invalid_input', field: 'fields.platformStatus' });
  });

  it('the evidence due date is the entry\'s clock until the evidence is submitted: warning 48 hours before, breach at it', () => {
    const due = '2026-12-10T17:00:00.000Z';
    expect(logDueAt(type, 'needs_response', { evidenceDueAt: due }, OPENED_AT)).toBe(due);
    expect(logDueAt(type, 'submitted', { evidenceDueAt: due }, OPENED_AT)).toBeNull();
    expect(logDueAt(type, 'needs_response', {}, OPENED_AT)).toBeNull();
    expect(logDueAlerts(type, due)).toEqual([
      { alert: 'warning', at: '2026-12-08T17:00:00.000Z', dueAt: due },
      { alert: 'breach', at: due, dueAt: due },
    ]);
    expect(logDueAlerts(logTypeOf('pickup'), due)).toEqual([]);
  });

  it('the platform\'s dispute status moves the entry forward only', () => {
    expect(chargebackStateForPlatform('under_review')).toBe('submitted');
    expect(chargebackStateForPlatform('accepted')).toBe('lost');
    expect(chargebackStateForPlatform('charge_refunded')).toBe('lost');
    expect(chargebackStateForPlatform('mystery')).toBeNull();
    expect(isForwardChargebackMove('needs_response', 'won')).toBe(true);
    expect(isForwardChargebackMove('submitted', 'needs_response')).toBe(false);
    expect(isForwardChargebackMove('won', 'lost')).toBe(false);
  });
});
