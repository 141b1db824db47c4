import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { CASE_STATUSES } from '../cases/case-status.js';
import { findLogType, LOG_TYPES } from './log-registry.js';
import { caseStatusAfterLogMove, DEFAULT_CASE_LOG_SETTINGS, logWaitsOn, parseCaseLogSettings } from './log-case-status.js';

const type = (key: string) => findLogType(key)!;
const none = DEFAULT_CASE_LOG_SETTINGS;

describe('a case follows its log entry (issue 5)', () => {
  it('every state in the supplier\'s queue makes an open case pending_supplier, with the reason given', () => {
    for (const t of LOG_TYPES) {
      for (const s of t.states.filter((x) => x.waitingOn === 'supplier' && !x.terminal && x.awaits === undefined)) {
        const follow = caseStatusAfterLogMove({ type: t, from: null, to: s.key, caseStatus: 'open', settings: none });
        expect(follow, `${t.key}.${s.key}`).toEqual({ to: 'pending_supplier', reason: expect.stringContaining('waiting on the supplier, so the SLA clocks pause') });
      }
    }
  });

  it('states that wait on the customer\'s answer or visit make the case pending_customer (R000-05, R000-06)', () => {
    const waiting = LOG_TYPES.flatMap((t) => t.states.filter((s) => logWaitsOn(t, s.key) === 'customer').map((s) => `${t.key}.${s.key}`));
    expect(waiting).toEqual(['incorrect_address.contacting_customer', 'pickup.customer_notified', 'return_to_sender.customer_contacted']);
    expect(caseStatusAfterLogMove({ type: type('incorrect_address'), from: 'reported', to: 'contacting_customer', caseStatus: 'open', settings: none }))
      .toEqual({ to: 'pending_customer', reason: 'the incorrect address entry moved to "Contacting the customer": waiting on the customer, so the SLA clocks pause' });
  });

  it('an entry back with the desk reopens the case it had made pending', () => {
    const delay = type('processing_delay');
    expect(caseStatusAfterLogMove({ type: delay, from: 'supplier_follow_up', to: 'cause_confirmed', caseStatus: 'pending_supplier', settings: none }))
      .toEqual({ to: 'open', reason: 'the processing delay entry moved to "Cause and new date confirmed": back with the desk, no longer waiting on the supplier' });
  });

  it('a pending status a person set for another reason is kept while the entry moves between desk states', () => {
    const delay = type('processing_delay');
    expect(caseStatusAfterLogMove({ type: delay, from: 'at_risk', to: 'cause_confirmed', caseStatus: 'pending_internal', settings: none })).toBeNull();
    expect(caseStatusAfterLogMove({ type: delay, from: 'supplier_follow_up', to: 'cause_confirmed', caseStatus: 'pending_customer', settings: none })).toBeNull();
  });

  it('a resolved or closed case is never moved by its entry', () => {
    for (const status of ['resolved', 'closed'] as const) {
      expect(caseStatusAfterLogMove({ type: type('out_of_stock'), from: 'reported', to: 'alternatives_proposed', caseStatus: status, settings: none })).toBeNull();
    }
  });

  it('a final state resolves the case only where the policy lists it; otherwise the case is open again', () => {
    const pickup = type('pickup');
    const policy = parseCaseLogSettings({ resolveCase: { pickup: ['collected'] } }, 'test');
    expect(caseStatusAfterLogMove({ type: pickup, from: 'customer_notified', to: 'collected', caseStatus: 'pending_customer', settings: policy }))
      .toEqual({ to: 'resolved', reason: 'the pickup order entry moved to "Collected": the policy resolves the case when a pickup entry ends collected' });
    expect(caseStatusAfterLogMove({ type: pickup, from: 'customer_notified', to: 'collected', caseStatus: 'pending_customer', settings: none }))
      .toEqual({ to: 'open', reason: 'the pickup order entry moved to "Collected": no longer waiting on the customer' });
    expect(caseStatusAfterLogMove({ type: pickup, from: 'customer_notified', to: 'cancelled', caseStatus: 'pending_customer', settings: policy })?.to).toBe('open');
  });

  it('no mapping leads to a status the case machine forbids', () => {
    for (const t of LOG_TYPES) {
      for (const from of [null, ...t.states.map((s) => s.key)]) {
        for (const to of t.states) {
          for (const caseStatus of CASE_STATUSES) {
            const follow = caseStatusAfterLogMove({ type: t, from, to: to.key, caseStatus, settings: none });
            if (follow) expect(follow.to).not.toBe(caseStatus);
          }
        }
      }
    }
  });
});

describe('the policy\'s caseLogs section', () => {
  const fieldOf = (section: unknown): string | undefined => {
    try {
      parseCaseLogSettings(section, 'test');
      return undefined;
    } catch (err) {
      return err instanceof DomainError ? err.field : 'thrown';
    }
  };

  it('names the field of every mistake', () => {
    expect(fieldOf({ resolve: {} })).toBe('caseLogs.resolve');
    expect(fieldOf({ resolveCase: { parcel: ['done'] } })).toBe('caseLogs.resolveCase.parcel');
    expect(fieldOf({ resolveCase: { pickup: ['ready'] } })).toBe('caseLogs.resolveCase.pickup[0]');
    expect(fieldOf({ resolveCase: { pickup: 'collected' } })).toBe('caseLogs.resolveCase.pickup');
    expect(fieldOf({ resolveCase: { pickup: ['collected'] } })).toBeUndefined();
    expect(parseCaseLogSettings(undefined, 'test')).toEqual({ resolveCase: {} });
  });
});
