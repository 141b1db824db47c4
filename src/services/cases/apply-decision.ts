import type { Decision } from '../../domain/policy/case-facts.js';
import type { CaseRecord, CasePatch } from '../../store/repositories/case.repository.js';
import type { NewCaseEvent } from '../../store/repositories/case-event.repository.js';
import type { PolicyRuntime } from '../policy/policy-runtime.js';
import type { Level, Priority } from '../../domain/policy/vocabulary.js';

/**
 * Turns a fresh decision into the case's stored fields and the events that record any change
 * (issue 2 item 7). A manual level or priority (escalate, de-escalate, change priority) stands
 * until new facts move the policy's own answer: then the policy speaks again and the override
 * is dropped, with the reason on the timeline.
 */
export function applyDecision(input: {
  current: Pick<CaseRecord, 'id' | 'priority' | 'level' | 'escalated' | 'levelOverride' | 'priorityOverride' | 'policyLevel' | 'policyPriority' | 'decision' | 'channel' | 'createdAt' | 'firstResponseDueAt' | 'nextResponseDueAt' | 'resolutionDueAt'> | null;
  decision: Decision;
  runtime: PolicyRuntime;
  openedAt: Date;
  lastCustomerMessageAt: Date | null;
  at: string;
  actorId: number | null;
  caseId: number;
}): { patch: CasePatch; events: Omit<NewCaseEvent, 'caseId'>[] } {
  const { current, decision } = input;
  const events: Omit<NewCaseEvent, 'caseId'>[] = [];
  let levelOverride = current?.levelOverride ?? null;
  let priorityOverride = current?.priorityOverride ?? null;
  if (current && levelOverride && decision.level !== current.policyLevel) levelOverride = null;
  if (current && priorityOverride && decision.priority !== current.policyPriority) priorityOverride = null;

  const level = (levelOverride ?? decision.level) as Level;
  const priority = (priorityOverride ?? decision.priority) as Priority;
  const escalated = levelOverride ? level !== 'L1' : decision.escalate;
  const due = input.runtime.dueTimes({
    priority,
    channel: (current?.channel ?? null) as Parameters<PolicyRuntime['dueTimes']>[0]['channel'],
    openedAt: input.openedAt,
    lastCustomerMessageAt: input.lastCustomerMessageAt,
  });

  const patch: CasePatch = {
    decision: { ...decision, policyRevision: input.runtime.version } as unknown as Record<string, unknown>,
    policyVersion: input.runtime.version,
    policyLevel: decision.level,
    policyPriority: decision.priority,
    level,
    priority,
    escalated,
    levelOverride,
    priorityOverride,
    firstResponseDueAt: due.firstResponse,
    nextResponseDueAt: due.nextResponse,
    resolutionDueAt: due.resolution,
  };

  if (current) {
    const before = current.decision as Partial<Decision>;
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    if (current.priority !== priority) changed.priority = { from: current.priority, to: priority };
    if (current.level !== level) changed.level = { from: current.level, to: level };
    if (current.escalated !== escalated) changed.escalate = { from: current.escalated, to: escalated };
    if (JSON.stringify(before.signals ?? {}) !== JSON.stringify(decision.signals)) changed.signals = { from: before.signals ?? {}, to: decision.signals };
    if (JSON.stringify(before.redFlags ?? []) !== JSON.stringify(decision.redFlags)) changed.redFlags = { from: before.redFlags ?? [], to: decision.redFlags };
    if (JSON.stringify(before.actions ?? []) !== JSON.stringify(decision.actions)) changed.actions = { from: before.actions ?? [], to: decision.actions };
    if (current.resolutionDueAt !== due.resolution) changed.resolutionDue = { from: current.resolutionDueAt, to: due.resolution };
    if (current.levelOverride && !levelOverride) changed.levelOverrideCleared = { from: current.levelOverride, to: null };
    if (current.priorityOverride && !priorityOverride) changed.priorityOverrideCleared = { from: current.priorityOverride, to: null };
    if (Object.keys(changed).length > 0) {
      events.push({
        type: 'decision_changed',
        actorId: input.actorId,
        actorKind: 'system',
        at: input.at,
        internal: true,
        data: { changed, reasons: decision.reasons, policyVersion: input.runtime.version },
      });
    }
  }
  return { patch, events };
}
