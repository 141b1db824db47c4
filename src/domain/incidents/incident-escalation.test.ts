import { describe, expect, it } from 'vitest';
import type { Decision } from '../policy/case-facts.js';
import { incidentEscalationReason, incidentEscalationTarget, withIncidentEscalations } from './incident-escalation.js';

const decision = (over: Partial<Decision> = {}): Decision => ({
  priority: 'P3', level: 'L1', escalate: false, signals: {}, redFlags: [], actions: [], due: {}, reasons: [], route: { team: 'first_line' }, ...over,
});

describe('incident red flag escalation (R001-15)', () => {
  it('escalates at least one level up and at least to escalateTo; nothing above L4 (R001-15)', () => {
    expect(incidentEscalationTarget('L1', 'L2')).toBe('L2');
    expect(incidentEscalationTarget('L1', 'L3')).toBe('L3');
    expect(incidentEscalationTarget('L2', 'L2')).toBe('L3');
    expect(incidentEscalationTarget('L3', 'L2')).toBe('L4');
    expect(incidentEscalationTarget('L4', 'L2')).toBeNull();
  });

  it('a re-made decision keeps the escalation level, the red flag and the reason naming the incident (R001-15)', () => {
    const reason = incidentEscalationReason({ id: 7, title: 'Clasp breaking' });
    const events = [{ type: 'escalated', data: { from: 'L1', to: 'L2', by: 'incident', reason } }, { type: 'escalated', data: { from: 'L1', to: 'L3', by: 'person' } }];
    const out = withIncidentEscalations(decision(), events, (level) => (level === 'L2' ? 'leads' : null));
    expect(out).toMatchObject({ level: 'L2', escalate: true, redFlags: ['multiple_complaints_same_issue'], route: { team: 'leads' } });
    expect(out.reasons).toEqual([{ rule: 'R001-15', text: reason }]);
    expect(reason).toContain('incident #7 "Clasp breaking"');
    expect(withIncidentEscalations(decision({ level: 'L4' }), events).level).toBe('L4');
    expect(withIncidentEscalations(decision(), [events[1]!])).toEqual(decision());
  });
});
