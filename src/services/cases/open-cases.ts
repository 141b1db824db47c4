import type { Executor, Store } from '../../store/database.js';
import { insertCases, linkedCustomersAndIssues, type CaseRecord, type NewCase } from '../../store/repositories/case.repository.js';
import { appendCaseEvents, type CaseEventRecord, type NewCaseEvent } from '../../store/repositories/case-event.repository.js';
import { linkCustomers, upsertCustomer, type CustomerRecord } from '../../store/repositories/customer.repository.js';
import { upsertCustomers, upsertOrders } from '../../store/repositories/shopify-mapping-batch.repository.js';
import type { OrderRecord } from '../../store/repositories/order.repository.js';
import { insertClocksOfCases } from '../../store/repositories/case-clock.repository.js';
import type { BusinessCalendar } from '../../domain/calendar/business-calendar.js';
import { DomainError } from '../../domain/errors.js';
import { actorIdOf, requirePermission, type Actor } from '../actor.js';
import { clock } from '../clock.js';
import { loadPolicyRuntime } from '../policy/load-policy-runtime.js';
import type { PolicyRuntime } from '../policy/policy-runtime.js';
import { teamIdByKey } from '../teams/team-keys.js';
import { parseOpenCaseRequest, type OpenCaseRequest } from './open-case-input.js';
import { buildCaseFacts } from './case-facts-builder.js';
import { applyDecision } from './apply-decision.js';
import { unansweredCustomerMessageAt } from './reevaluate-case.js';
import { presentCase, type CaseView } from './case-view.js';
import { planOpeningClocks } from '../sla/sync-case-clocks.js';
import { caseCalendar } from '../sla/sla-policy.js';
import { publishEventsOfCases } from '../notifications/publish-case-events.js';

export interface OpenCaseInput {
  /** The contract's case facts plus subject, customer and order details, as received. */
  body: unknown;
  actorKind?: 'user' | 'integration';
  /** Runs in the opening transaction after the case and its timeline are written (an email records itself here, all or nothing). */
  within?: (trx: Executor, written: { caseRow: CaseRecord; events: CaseEventRecord[] }) => Promise<void>;
  /** History brought in (a sheet import, the demo): recorded, but not announced to webhooks (issue 7 item 5). */
  quiet?: boolean;
}

export interface OpenCaseItem {
  actor: Actor;
  input: OpenCaseInput;
}

/** Per opening: its case, or why it was refused before anything was written (role, body, team). */
export type OpenCaseOutcome = { ok: true; view: CaseView } | { ok: false; error: unknown };

interface Prepared {
  index: number;
  actor: Actor;
  input: OpenCaseInput;
  request: OpenCaseRequest;
  teamId: number | null;
}

/**
 * Opens several cases in one transaction (issue 2 items 6–7): each is matched to its customer and
 * order, decided under the policy in force, and stored with its decision, opening timeline, SLA
 * clocks and webhook outbox rows, exactly as if opened one after another — but with one statement
 * per table for the whole batch instead of one per case. openCase is a batch of one.
 *
 * An opening refused before the transaction (role, body, unknown team) is reported in its slot
 * and the others go ahead. A failure inside the transaction rolls back the whole batch and
 * rejects; the caller decides whether to retry the openings one by one (open-case-batcher.ts).
 */
export async function openCasesTogether(store: Store, items: readonly OpenCaseItem[]): Promise<OpenCaseOutcome[]> {
  const outcomes: OpenCaseOutcome[] = new Array(items.length);
  const prepared: Prepared[] = [];
  let runtime: PolicyRuntime | null = null;
  for (const [index, { actor, input }] of items.entries()) {
    try {
      requirePermission(actor, 'cases.create');
      runtime ??= await loadPolicyRuntime(store);
      const request = parseOpenCaseRequest(input.body, runtime);
      // Teams are never deleted, so a key resolved outside the transaction stays valid inside it.
      const teamId = request.teamKey ? await teamIdByKey(store, store.db, request.teamKey) : null;
      if (request.teamKey && teamId === null) throw new DomainError('invalid_input', 'no such team', 'team');
      prepared.push({ index, actor, input, request, teamId });
    } catch (error) {
      outcomes[index] = { ok: false, error };
    }
  }
  if (prepared.length === 0 || runtime === null) return outcomes;
  const policy = runtime;
  const now = clock.now();
  const views = await store.db.transaction().execute(async (trx) => {
    const out: { index: number; view: CaseView }[] = [];
    for (const wave of wavesOf(prepared)) out.push(...await openWave(store, trx, policy, wave, now));
    return out;
  });
  for (const { index, view } of views) outcomes[index] = { ok: true, view };
  return outcomes;
}

const keysOf = (r: OpenCaseRequest) => [
  ...(r.customer ? [`c:${r.customer.externalId}`, ...r.customer.linkedExternalIds.map((id) => `c:${id}`)] : []),
  ...(r.order ? [`o:${r.order.number}`] : []),
];

/**
 * Splits a batch into waves that never name the same customer or order twice, so each wave's
 * multi-row upserts touch a row once and every opening sees the customer and order exactly as the
 * openings before it left them. An opening that links accounts goes alone: its links change
 * whose earlier cases count as prior issues (R003-03) for the openings after it.
 */
function wavesOf(list: readonly Prepared[]): Prepared[][] {
  const waves: Prepared[][] = [];
  let current: Prepared[] = [];
  let keys = new Set<string>();
  const close = () => {
    if (current.length > 0) waves.push(current);
    current = [];
    keys = new Set();
  };
  for (const p of list) {
    const own = keysOf(p.request);
    const alone = (p.request.customer?.linkedExternalIds.length ?? 0) > 0;
    if (alone || own.some((k) => keys.has(k))) close();
    current.push(p);
    for (const k of own) keys.add(k);
    if (alone) close();
  }
  close();
  return waves;
}

async function openWave(store: Store, trx: Executor, runtime: PolicyRuntime, wave: readonly Prepared[], now: Date): Promise<{ index: number; view: CaseView }[]> {
  const at = now.toISOString();
  const customers = await upsertCustomers(trx, wave.flatMap((p) => (p.request.customer ? [p.request.customer] : [])), at);
  for (const p of wave) {
    const c = p.request.customer;
    if (!c) continue;
    for (const linked of c.linkedExternalIds) {
      const other = await upsertCustomer(trx, linked, {}, at);
      await linkCustomers(trx, customers.get(c.externalId)!.id, other.id, 'reported when opening a case', at);
    }
  }
  const customerOf = (p: Prepared): CustomerRecord | null => (p.request.customer ? customers.get(p.request.customer.externalId)! : null);
  const orders = await upsertOrders(trx, wave.flatMap((p) => {
    const o = p.request.order;
    if (!o) return [];
    const customer = customerOf(p);
    return [{ number: o.number, fields: { ...o.fields, ...(customer ? { customerId: customer.id } : {}) } }];
  }), at);
  const orderOf = (p: Prepared): OrderRecord | null => (p.request.order ? orders.get(p.request.order.number)! : null);
  const linked = await linkedCustomersAndIssues(trx, wave.flatMap((p) => customerOf(p)?.id ?? []));

  const drafts: { p: Prepared; customer: CustomerRecord | null; order: OrderRecord | null; row: NewCase; escalation: NewCaseEvent | null; opening: OpeningEvent[] }[] = [];
  for (const p of wave) {
    const customer = customerOf(p);
    const order = orderOf(p);
    const actorId = actorIdOf(p.actor);
    const { request } = p;
    const opening = openingEventsOf(request, at);
    const { timeline: _t, ...storedFacts } = request.facts;
    const caseRow = {
      category: request.facts.category,
      severity: request.facts.severity ?? null,
      channel: request.facts.channel ?? null,
      storefront: request.facts.storefront ?? null,
      facts: storedFacts as Record<string, unknown>,
    };
    // Earlier cases of the customer and its linked accounts: those stored, then those opened
    // earlier in this wave (not yet visible to the read), as a one-by-one opening would see them.
    const own = customer ? linked.get(customer.id) : undefined;
    const prior = own
      ? [...own.issues, ...drafts.filter((d) => d.customer && own.linked.has(d.customer.id)).map((d) => ({ category: d.row.category, at: d.row.createdAt }))]
      : [];
    const facts = buildCaseFacts({ caseRow, customer, order, priorIssues: prior, events: opening, now });
    // The contract lets the client pin the evaluation clock; stored cases are timed from now.
    const decision = runtime.decide(request.facts.now ? { ...facts, now: request.facts.now } : facts);
    const { patch } = applyDecision({
      current: null, decision, runtime, openedAt: now, lastCustomerMessageAt: unansweredCustomerMessageAt(opening), at, actorId, caseId: 0,
    });
    let teamId = p.teamId;
    if (teamId === null) {
      const routeKey = runtime.routeTeam(patch.level!, caseRow.storefront);
      teamId = routeKey ? await teamIdByKey(store, trx, routeKey) : null;
    }
    const partnerKey = decision.route?.partner;
    const partnerTeamId = partnerKey ? await teamIdByKey(store, trx, partnerKey) : null;
    drafts.push({
      p, customer, order, opening,
      row: {
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
      },
      escalation: decision.escalate
        ? {
          caseId: 0, type: 'escalated', actorId: null, actorKind: 'system', at, internal: true,
          data: { from: 'L1', to: decision.level, reason: decision.reasons.map((r) => `${r.rule}: ${r.text}`).join('; '), by: 'policy' },
        }
        : null,
    });
  }

  const created = await insertCases(trx, drafts.map((d) => d.row));
  const newEvents = drafts.map((d, i) => {
    const c = created[i]!;
    const actorId = actorIdOf(d.p.actor);
    const events: NewCaseEvent[] = [
      {
        caseId: c.id, type: 'opened', actorId, actorKind: d.p.input.actorKind ?? 'user', at, internal: false,
        data: { category: c.category, channel: c.channel, subject: c.subject, priority: c.priority, level: c.level },
      },
      ...d.opening.map((e) => ({ ...e, caseId: c.id, actorId: e.actorKind === 'customer' ? null : actorId, internal: e.type !== 'message' })),
    ];
    if (d.escalation) events.push({ ...d.escalation, caseId: c.id });
    return events;
  });
  const stored = await appendCaseEvents(trx, newEvents.flat());
  const byCase = new Map<number, CaseEventRecord[]>();
  for (const e of stored) {
    const list = byCase.get(e.caseId);
    if (list) list.push(e);
    else byCase.set(e.caseId, [e]);
  }
  const storedOf = (caseId: number) => byCase.get(caseId) ?? [];

  for (const [i, d] of drafts.entries()) await d.p.input.within?.(trx, { caseRow: created[i]!, events: storedOf(created[i]!.id) });
  // Announced to webhooks unless quiet (history brought in), all of the wave's in one statement.
  await publishEventsOfCases(trx, drafts.flatMap((d, i) => (d.p.input.quiet ? [] : [{ caseRow: created[i]!, events: storedOf(created[i]!.id) }])), at);
  // SLA clocks start with the case, in the same transaction (issue 4); one insert for the wave.
  const calendars = new Map<number | null, BusinessCalendar>();
  const clockRows: { caseId: number; kind: string; fields: Parameters<typeof insertClocksOfCases>[1][number]['fields'] }[] = [];
  for (const [i, c] of created.entries()) {
    let calendar = calendars.get(c.teamId);
    if (!calendar) calendars.set(c.teamId, (calendar = await caseCalendar(trx, runtime, c)));
    for (const row of await planOpeningClocks(trx, { runtime, caseAfter: c, newEvents: newEvents[i]!, now, calendar })) clockRows.push({ caseId: c.id, ...row });
  }
  await insertClocksOfCases(trx, clockRows, at);

  return drafts.map((d, i) => ({
    index: d.p.index,
    view: presentCase(d.p.actor, created[i]!, { customer: d.customer, order: d.order, events: storedOf(created[i]!.id), attachments: [] }),
  }));
}

type OpeningEvent = { type: string; at: string; actorKind: string; data: Record<string, unknown> };

function openingEventsOf(request: OpenCaseRequest, at: string): OpeningEvent[] {
  return (request.facts.timeline ?? []).map((t) => {
    const eventAt = t.at ? new Date(t.at).toISOString() : at;
    if (t.type === 'message') return { type: 'message', at: eventAt, actorKind: t.from === 'customer' ? 'customer' : 'user', data: { from: t.from, text: t.text } };
    if (t.type === 'signal') return { type: 'signal', at: eventAt, actorKind: 'user', data: { signal: t.signal, source: 'reported' } };
    return { type: 'note', at: eventAt, actorKind: 'user', data: { text: t.text ?? '' } };
  });
}
