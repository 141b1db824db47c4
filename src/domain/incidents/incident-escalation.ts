import { levelRank } from '../access/roles.js';
import type { Decision } from '../policy/case-facts.js';
import { LEVELS, type Level } from '../policy/vocabulary.js';

/** The red flag R001-15 names: "multiple complaints same issue" — escalate up, don't handle alone. */
export const MULTIPLE_COMPLAINTS_FLAG = 'multiple_complaints_same_issue';

/** `escalated` events written for an incident's red flag carry this `by`. */
export const INCIDENT_ESCALATION_BY = 'incident';

export const INCIDENT_ESCALATION_RULE = 'R001-15';

/**
 * Where a red-flagged case goes: at least one level above where it is ("escalate up", R001-15)
 * and at least the policy's `incidents.escalateTo`. Null at the top level.
 */
export function incidentEscalationTarget(current: string, escalateTo: Level): Level | null {
  const rank = (LEVELS as readonly string[]).includes(current) ? levelRank(current as Level) : 1;
  if (rank >= LEVELS.length) return null;
  return LEVELS[Math.max(rank, levelRank(escalateTo) - 1)]!;
}

export function incidentEscalationReason(incident: { id: number | string; title: string }): string {
  return `Red flag (R001-15): multiple complaints about the same issue — incident #${incident.id} "${incident.title}"`;
}

interface TimelineEventLike {
  type: string;
  data: Record<string, unknown>;
}

/**
 * Folds a case's incident escalations into a fresh decision, so re-deciding the case (a new
 * message, a category change) keeps it where the red flag sent it and the decision explains why:
 * the level is at least the escalation's, `escalate` holds, the red flag and its reason are listed.
 * Decide() itself stays a function of the facts; the incident is a fact about other cases.
 */
export function withIncidentEscalations(
  decision: Decision,
  events: readonly TimelineEventLike[],
  /** The team owning a level (the policy's routing), so the decision's route follows the raised level. */
  teamOf?: (level: Level) => string | null,
): Decision {
  const escalations = events.filter((e) => e.type === 'escalated' && e.data.by === INCIDENT_ESCALATION_BY);
  if (escalations.length === 0) return decision;
  let rank = levelRank(decision.level);
  const reasons = [...decision.reasons];
  for (const e of escalations) {
    const to = e.data.to;
    if (typeof to === 'string' && (LEVELS as readonly string[]).includes(to)) rank = Math.max(rank, levelRank(to as Level));
    const text = typeof e.data.reason === 'string' ? e.data.reason : incidentEscalationReason({ id: String(e.data.incidentId ?? '?'), title: '' });
    if (!reasons.some((r) => r.rule === INCIDENT_ESCALATION_RULE && r.text === text)) reasons.push({ rule: INCIDENT_ESCALATION_RULE, text });
  }
  const level = LEVELS[rank - 1]!;
  const team = level !== decision.level && teamOf ? teamOf(level) : null;
  return {
    ...decision,
    level,
    ...(team && decision.route ? { route: { ...decision.route, team } } : {}),
    escalate: true,
    redFlags: decision.redFlags.includes(MULTIPLE_COMPLAINTS_FLAG) ? decision.redFlags : [...decision.redFlags, MULTIPLE_COMPLAINTS_FLAG],
    reasons,
  };
}
