import type { Executor } from '../../store/database.js';
import type { CaseRecord, CasePatch } from '../../store/repositories/case.repository.js';
import { priorIssuesOfLinked } from '../../store/repositories/case.repository.js';
import { listCaseEvents, type CaseEventRecord, type NewCaseEvent } from '../../store/repositories/case-event.repository.js';
import { findCustomerById } from '../../store/repositories/customer.repository.js';
import { findOrderById } from '../../store/repositories/order.repository.js';
import type { PolicyRuntime } from '../policy/policy-runtime.js';
import { buildCaseFacts } from './case-facts-builder.js';
import { applyDecision } from './apply-decision.js';
import { withIncidentEscalations } from '../../domain/incidents/incident-escalation.js';

/** The customer's latest message if no agent has answered it since: the next-response clock's start. */
export function unansweredCustomerMessageAt(events: Pick<CaseEventRecord, 'type' | 'at' | 'data'>[]): Date | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.type !== 'message') continue;
    return e.data.from === 'customer' ? new Date(e.at) : null;
  }
  return null;
}

/** Re-decides a stored case from everything known now (issue 2 item 7). */
export async function reevaluateCase(
  db: Executor,
  runtime: PolicyRuntime,
  current: CaseRecord,
  options: { now: Date; actorId: number | null; extraEvents?: Pick<CaseEventRecord, 'type' | 'at' | 'actorKind' | 'data'>[] },
): Promise<{ patch: CasePatch; events: NewCaseEvent[] }> {
  const [customer, order, stored] = await Promise.all([
    current.customerId !== null ? findCustomerById(db, current.customerId) : undefined,
    current.orderId !== null ? findOrderById(db, current.orderId) : undefined,
    listCaseEvents(db, current.id, { includeInternal: true }),
  ]);
  const events = [...stored, ...(options.extraEvents ?? [])];
  // Offenses are cases opened before this one (R003-02: first offense = no earlier case).
  const prior = current.customerId !== null
    ? (await priorIssuesOfLinked(db, current.customerId, current.id)).filter((p) => p.at < current.createdAt)
    : [];
  const facts = buildCaseFacts({
    caseRow: current,
    customer: customer ?? null,
    order: order ?? null,
    priorIssues: prior,
    events,
    now: options.now,
  });
  // A red flag from an incident (R001-15) stays part of the decision however often it is re-made.
  const decision = withIncidentEscalations(runtime.decide(facts), events, (level) => runtime.routeTeam(level, current.storefront));
  const at = options.now.toISOString();
  const applied = applyDecision({
    current,
    decision,
    runtime,
    openedAt: new Date(current.createdAt),
    lastCustomerMessageAt: unansweredCustomerMessageAt(events),
    at,
    actorId: options.actorId,
    caseId: current.id,
  });
  return { patch: applied.patch, events: applied.events.map((e) => ({ ...e, caseId: current.id })) };
}
