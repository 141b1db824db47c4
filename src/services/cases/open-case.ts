import type { Executor, Store } from '../../store/database.js';
import { insertCase, priorIssuesOfLinked, type CaseRecord } from '../../store/repositories/case.repository.js';
import { appendCaseEvents, type CaseEventRecord, type NewCaseEvent } from '../../store/repositories/case-event.repository.js';
import { linkCustomers, upsertCustomer, type CustomerRecord } from '../../store/repositories/customer.repository.js';
import { upsertOrder, type OrderRecord } from '../../store/repositories/order.repository.js';
import { teamIdByKey } from '../teams/team-keys.js';
import { DomainError } from '../../domain/errors.js';
import { actorIdOf, requirePermission, type Actor } from '../actor.js';
import { clock } from '../clock.js';
import { loadPolicyRuntime } from '../policy/load-policy-runtime.js';
import { parseOpenCaseRequest } from './open-case-input.js';
import { buildCaseFacts } from './case-facts-builder.js';
import { applyDecision } from './apply-decision.js';
import { unansweredCustomerMessageAt } from './reevaluate-case.js';
import { presentCase, type CaseView } from './case-view.js';
import { syncCaseClocks } from '../sla/sync-case-clocks.js';
import { caseCalendar } from '../sla/sla-policy.js';
import { publishCaseEvents } from '../notifications/publish-case-events.js';

export interface OpenCaseInput {
  /** The contract's case facts plus subject, customer and order details, as received. */
  body: unknown;
  actorKind?: 'user' | 'integration';
  /** Runs in the opening transaction after the case and its timeline are written (an email records itself here, all or nothing). */
  within?: (trx: Executor, written: { caseRow: CaseRecord; events: CaseEventRecord[] }) => Promise<void>;
}

/**
 * Opens a case: match or create its customer and order, decide it under the policy in force,
 * store the decision and the opening timeline in one transaction (issue 2 items 6–7).
 */
export async function openCase(store: Store, actor: Actor, input: OpenCaseInput): Promise<CaseView> {
  requirePermission(actor, 'cases.create');
  const runtime = await loadPolicyRuntime(store);
  const request = parseOpenCaseRequest(input.body, runtime);
  const now = clock.now();
  const at = now.toISOString();
  const actorId = actorIdOf(actor);

  return store.db.transaction().execute(async (trx) => {
    let customer: CustomerRecord | null = null;
    if (request.customer) {
      customer = await upsertCustomer(trx, request.customer.externalId, request.customer.fields, at);
      for (const linked of request.customer.linkedExternalIds) {
        const other = await upsertCustomer(trx, linked, {}, at);
        await linkCustomers(trx, customer.id, other.id, 'reported when opening a case', at);
      }
    }
    let order: OrderRecord | null = null;
    if (request.order) {
      order = await upsertOrder(trx, request.order.number, { ...request.order.fields, ...(customer ? { customerId: customer.id } : {}) }, at);
    }
    let teamId: number | null = null;
    if (request.teamKey) {
      teamId = await teamIdByKey(store, trx, request.teamKey);
      if (teamId === null) throw new DomainError('invalid_input', 'no such team', 'team');
    }

    const prior = customer ? await priorIssuesOfLinked(trx, customer.id, null) : [];
    const timeline = request.facts.timeline ?? [];
    const openingEvents = timeline.map((t) => {
      const eventAt = t.at ? new Date(t.at).toISOString() : at;
      if (t.type === 'message') return { type: 'message', at: eventAt, actorKind: t.from === 'customer' ? 'customer' : 'user', data: { from: t.from, text: t.text } };
      if (t.type === 'signal') return { type: 'signal', at: eventAt, actorKind: 'user', data: { signal: t.signal, source: 'reported' } };
      return { type: 'note', at: eventAt, actorKind: 'user', data: { text: t.text ?? '' } };
    });
    const { timeline: _t, ...storedFacts } = request.facts;
    const caseRow = {
      category: request.facts.category,
      severity: request.facts.severity ?? null,
      channel: request.facts.channel ?? null,
      storefront: request.facts.storefront ?? null,
      facts: storedFacts as Record<string, unknown>,
    };
    const facts = buildCaseFacts({ caseRow, customer, order, priorIssues: prior, events: openingEvents, now });
    // The contract lets the client pin the evaluation clock; stored cases are timed from now.
    const decision = runtime.decide(request.facts.now ? { ...facts, now: request.facts.now } : facts);
    const { patch } = applyDecision({
      current: null, decision, runtime, openedAt: now, lastCustomerMessageAt: unansweredCustomerMessageAt(openingEvents), at, actorId, caseId: 0,
    });
    if (teamId === null) {
      const routeKey = runtime.routeTeam(patch.level!, caseRow.storefront);
      teamId = routeKey ? await teamIdByKey(store, trx, routeKey) : null;
    }
    const partnerKey = decision.route?.partner;
    const partnerTeamId = partnerKey ? await teamIdByKey(store, trx, partnerKey) : null;

    const created = await insertCase(trx, {
      subject: request.subject,
      ...caseRow,
      status: 'new',
      priority: patch.priority!,
      level: patch.level!,
      escalated: patch.escalated!,
      levelOverride: null,
      priorityOverride: null,
      policyLevel: patch.policyLevel!,
      policyPriority: patch.policyPriority!,
      customerId: customer?.id ?? null,
      orderId: order?.id ?? null,
      assigneeId: null,
      teamId,
      partnerTeamId,
      promisedResolution: null,
      promisedBy: null,
      resolvedById: null,
      resolvedAt: null,
      closedAt: null,
      firstResponseAt: null,
      firstResponseDueAt: patch.firstResponseDueAt ?? null,
      nextResponseDueAt: patch.nextResponseDueAt ?? null,
      resolutionDueAt: patch.resolutionDueAt ?? null,
      decision: patch.decision!,
      policyVersion: runtime.version,
      createdById: actorId,
      createdAt: at,
    });

    const kind = input.actorKind ?? 'user';
    const events: NewCaseEvent[] = [
      {
        caseId: created.id, type: 'opened', actorId, actorKind: kind, at, internal: false,
        data: { category: created.category, channel: created.channel, subject: created.subject, priority: created.priority, level: created.level },
      },
      ...openingEvents.map((e) => ({ ...e, caseId: created.id, actorId: e.actorKind === 'customer' ? null : actorId, internal: e.type !== 'message' })),
    ];
    if (decision.escalate) {
      events.push({
        caseId: created.id, type: 'escalated', actorId: null, actorKind: 'system', at, internal: true,
        data: { from: 'L1', to: decision.level, reason: decision.reasons.map((r) => `${r.rule}: ${r.text}`).join('; '), by: 'policy' },
      });
    }
    const stored = await appendCaseEvents(trx, events);
    await input.within?.(trx, { caseRow: created, events: stored });
    await publishCaseEvents(trx, created, stored, at);
    // SLA clocks start with the case, in the same transaction (issue 4).
    await syncCaseClocks(trx, { runtime, caseBefore: null, caseAfter: created, newEvents: events, now, calendar: await caseCalendar(trx, runtime, created) });
    return presentCase(actor, created, { customer, order, events: stored, attachments: [] });
  });
}
