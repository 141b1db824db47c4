import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_POLICY_TEXT, decideDefault, signalEvents, testDeps } from '../../../test/policy/policy-test-kit.js';
import { compilePolicy } from './compile-policy.js';
import { decide } from './decide.js';
import { parseCaseFacts } from './parse-case-facts.js';
import { parsePolicy } from './parse-policy.js';

const customer = (text: string) => ({ type: 'message', from: 'customer', text });
const agent = (text: string) => ({ type: 'message', from: 'agent', text });

describe('decide: level is the highest of category, offense and signals (decision.md)', () => {
  it('a category above L1 keeps its level and is not an escalation (R003-05)', () => {
    const d = decideDefault({ category: 'backorder' });
    expect(d).toMatchObject({ level: 'L3', escalate: false, actions: [], reasons: [] });
  });

  it('a lower signal level does not lower the category level, but still escalates (R004-08)', () => {
    const d = decideDefault({ category: 'backorder', timeline: signalEvents('manager_demand') });
    expect(d).toMatchObject({ level: 'L3', escalate: true });
    expect(d.actions).toContain('internal_note_required');
  });

  it('an offense band and a signal join to the higher (R003-05, R003-06)', () => {
    const d = decideDefault({
      category: 'damaged_item',
      customer: { priorIssues: [{ category: 'damaged_item' }] },
      timeline: signalEvents('misconduct_allegation'),
    });
    expect(d).toMatchObject({ level: 'L4', escalate: true, offense: 2 });
    expect(d.redFlags).toEqual(['repeat_complaint', 'misconduct_allegation']);
  });

  it('offense counting forgets issues older than the lookback when the policy sets one', () => {
    const text = DEFAULT_POLICY_TEXT.replace('offenses:\n  bands:', 'offenses:\n  lookbackDays: 365\n  bands:');
    const policy = parsePolicy(text, 'p.yaml');
    const facts = parseCaseFacts({
      now: '2026-11-20T15:00:00Z',
      category: 'damaged_item',
      customer: { priorIssues: [{ category: 'damaged_item', at: '2025-01-01T00:00:00Z' }, { category: 'wrong_item', at: '2026-10-01T00:00:00Z' }] },
    }, policy);
    expect(decide(facts, compilePolicy(policy), testDeps).offense).toBe(2);
  });
});

describe('decide: priority is the most urgent (R001-13)', () => {
  it('P1 beats P2 whatever the order of the signals', () => {
    const d = decideDefault({ category: 'shipping_delay', timeline: signalEvents('media_attention', 'cancellation_threat') });
    expect(d.priority).toBe('P1');
  });

  it('a category P2 is not lowered by nothing happening (R001-13)', () => {
    expect(decideDefault({ category: 'wrong_item' }).priority).toBe('P2');
  });

  it('needed-by days count local dates in the policy time zone', () => {
    // 03:00Z on the 21st is still the 20th in New York: the 24th is 4 local days away.
    expect(decideDefault({ now: '2026-11-21T03:00:00Z', category: 'order_status', order: { neededBy: '2026-11-24' } }).priority).toBe('P3');
    expect(decideDefault({ now: '2026-11-21T03:00:00Z', category: 'order_status', order: { neededBy: '2026-11-23' } }).priority).toBe('P1');
  });

  it('a deadline already past is not "within 3 days"', () => {
    expect(decideDefault({ now: '2026-11-20T15:00:00Z', category: 'order_status', order: { neededBy: '2026-11-19' } }).priority).toBe('P3');
  });
});

describe('decide: signal counting (decision.md: signals)', () => {
  it('counts an agent-recorded signal event once each', () => {
    expect(decideDefault({ category: 'order_status', timeline: signalEvents('uncooperative', 'uncooperative') }).signals).toEqual({ uncooperative: 2 });
  });

  it('counts a customer message once per signal however often it repeats it', () => {
    const d = decideDefault({ category: 'order_status', timeline: [customer('My attorney and my lawyer will sue you')] });
    expect(d.signals).toEqual({ legal_threat: 1 });
  });

  it('adds text detections and recorded events together', () => {
    const d = decideDefault({ category: 'order_status', timeline: [customer('chargeback!'), ...signalEvents('chargeback_threat'), customer('a chargeback')] });
    expect(d.signals).toEqual({ chargeback_threat: 3 });
  });

  it('never reads agent messages (R002: only the customer threatens)', () => {
    const detectSignals = vi.fn(testDeps.detectSignals);
    const facts = parseCaseFacts({ category: 'order_status', timeline: [agent('attorney'), customer('hello')] }, parsePolicy(DEFAULT_POLICY_TEXT, 'p'));
    const d = decide(facts, compilePolicy(parsePolicy(DEFAULT_POLICY_TEXT, 'p')), { ...testDeps, detectSignals });
    expect(d.signals).toEqual({});
    expect(detectSignals).toHaveBeenCalledTimes(1);
    expect(detectSignals).toHaveBeenCalledWith('hello');
  });

  it('leaves signals with a zero count out of the decision', () => {
    expect(decideDefault({ category: 'order_status', timeline: [{ type: 'note', text: 'lawyer' }] }).signals).toEqual({});
  });
});

describe('decide: actions, reasons and routing', () => {
  it('every escalation requires an internal note (R002-08)', () => {
    const d = decideDefault({ category: 'order_status', timeline: signalEvents('legal_threat') });
    expect(d.actions).toEqual(['internal_note_required']);
    expect(d.reasons.map((r) => r.rule)).toEqual(['R003-06', 'R002-08']);
  });

  it('a refund over 500.00 explains both the level and the approval (R004-08)', () => {
    const d = decideDefault({ category: 'refund_request', refund: { amount: '650.00' } });
    expect(d).toMatchObject({ level: 'L2', escalate: true, route: { team: 'leads' } });
    expect(d.reasons).toContainEqual({ rule: 'R004-08', text: 'refund over 500.00 needs supervisor approval' });
  });

  it('a decision equal to the category default needs no reasons', () => {
    expect(decideDefault({ category: 'order_status' }).reasons).toEqual([]);
  });

  it('routes second-line work to the storefront contact and falls back to the shared team (R002-01)', () => {
    const facts = { category: 'order_status', timeline: signalEvents('chargeback_threat') };
    expect(decideDefault({ ...facts, storefront: 'web' }).route).toEqual({ team: 'second_line_web' });
    expect(decideDefault(facts).route).toEqual({ team: 'second_line' });
  });

  it('names the policy version that decided', () => {
    expect(decideDefault({ category: 'spam' }).policyVersion).toBe(parsePolicy(DEFAULT_POLICY_TEXT, 'p').version);
  });
});

describe('decide: time', () => {
  it('uses facts.now before the injected clock', () => {
    const d = decideDefault({ now: '2026-11-20T12:00:00Z', category: 'injury' });
    expect(d.due.firstResponse).toBe('2026-11-20T12:30:00Z');
    expect(decideDefault({ category: 'injury' }).due.firstResponse).toBe('2026-11-20T15:30:00Z');
  });

  it('business-time targets skip the weekend (R001-13, calendar)', () => {
    // Saturday: the 60 business minutes of P2 start Monday 09:00 New York time.
    const d = decideDefault({ now: '2026-11-21T15:00:00Z', category: 'wrong_item' });
    expect(d.due.firstResponse).toBe('2026-11-23T15:00:00Z');
  });
});

describe('decide: rules are data', () => {
  it('a team adds its own rule in YAML without touching the engine', () => {
    const text = DEFAULT_POLICY_TEXT.replace(
      '\nescalation:\n',
      '\n  - { rule: R001-13, when: { channel: [social] }, priority: P1, text: "public complaint" }\n\nescalation:\n',
    );
    const policy = parsePolicy(text, 'team.yaml');
    const d = decide(parseCaseFacts({ category: 'order_status', channel: 'social' }, policy), compilePolicy(policy), testDeps);
    expect(d.priority).toBe('P1');
    expect(d.reasons).toEqual([{ rule: 'R001-13', text: 'public complaint' }]);
  });

  it('rejects facts of a category the policy does not define', () => {
    const compiled = compilePolicy(parsePolicy(DEFAULT_POLICY_TEXT, 'p'));
    expect(() => decide({ category: 'nope' }, compiled, testDeps)).toThrow(/not in policy/);
  });
});
