import type { CaseFacts, TimelineFact } from '../../domain/policy/case-facts.js';
import type { CaseRecord } from '../../store/repositories/case.repository.js';
import type { CaseEventRecord } from '../../store/repositories/case-event.repository.js';
import type { CustomerRecord } from '../../store/repositories/customer.repository.js';
import type { OrderRecord } from '../../store/repositories/order.repository.js';
import { minorToDecimal } from '../../domain/money/decimal.js';

/**
 * Rebuilds the contract's case facts from what is stored: the case's own columns, the facts kept
 * at opening (refund, inline order facts), the current customer and order records, earlier cases
 * of the customer and linked accounts (R003-03), and the timeline's messages and signals.
 */
export function buildCaseFacts(input: {
  caseRow: Pick<CaseRecord, 'category' | 'severity' | 'channel' | 'storefront' | 'facts'>;
  customer: CustomerRecord | null;
  order: OrderRecord | null;
  priorIssues: { category: string; at: string }[];
  events: Pick<CaseEventRecord, 'type' | 'at' | 'actorKind' | 'data'>[];
  now: Date;
}): CaseFacts {
  const stored = input.caseRow.facts as Partial<CaseFacts>;
  const facts: CaseFacts = { category: input.caseRow.category, now: input.now.toISOString() };
  if (input.caseRow.channel) facts.channel = input.caseRow.channel as CaseFacts['channel'];
  if (input.caseRow.storefront) facts.storefront = input.caseRow.storefront as CaseFacts['storefront'];
  if (input.caseRow.severity) facts.severity = input.caseRow.severity as CaseFacts['severity'];
  if (stored.refund) facts.refund = stored.refund;

  if (input.customer || stored.customer) {
    facts.customer = {
      ...(input.customer ? { id: input.customer.externalId, vip: input.customer.vip } : {}),
      ...(stored.customer && !input.customer ? { id: stored.customer.id, vip: stored.customer.vip } : {}),
      priorIssues: mergePriorIssues(input.priorIssues, stored.customer?.priorIssues ?? []),
    };
  }

  const order: NonNullable<CaseFacts['order']> = { ...(stored.order ?? {}) };
  const o = input.order;
  if (o) {
    order.number = o.number;
    if (o.totalMinor !== null && o.currency) order.total = minorToDecimal(o.totalMinor, o.currency);
    if (o.currency) order.currency = o.currency;
    if (o.placedAt) order.placedAt = o.placedAt;
    if (o.deliveredAt) order.deliveredAt = o.deliveredAt;
    if (o.fulfillment) order.fulfillment = o.fulfillment as NonNullable<CaseFacts['order']>['fulfillment'];
    if (o.destination) order.destination = o.destination as NonNullable<CaseFacts['order']>['destination'];
    if (o.neededBy) order.neededBy = o.neededBy;
    order.failedDeliveries = o.failedDeliveries;
  }
  if (Object.keys(order).length > 0) facts.order = order;

  const timeline: TimelineFact[] = [];
  for (const e of input.events) {
    if (e.type === 'message' && typeof e.data.text === 'string') {
      timeline.push({ at: e.at, type: 'message', from: e.data.from === 'customer' ? 'customer' : 'agent', text: e.data.text });
    } else if (e.type === 'signal' && typeof e.data.signal === 'string') {
      timeline.push({ at: e.at, type: 'signal', signal: e.data.signal as Extract<TimelineFact, { type: 'signal' }>['signal'] });
    }
  }
  if (timeline.length > 0) facts.timeline = timeline;
  return facts;
}

/**
 * Stored earlier cases plus any the client reported itself (from another system), without repeats:
 * a reported issue matching a stored one (same category and time) is that case again. Stored
 * cases are each counted, even two of one category at one instant (openings written together in
 * one batch share their opening time).
 */
function mergePriorIssues(stored: { category: string; at: string }[], reported: { category: string; at?: string }[]) {
  const keyOf = (p: { category: string; at?: string }) => `${p.category}@${p.at ?? ''}`;
  const seen = new Set(stored.map(keyOf));
  const out: { category: string; at?: string }[] = [];
  for (const p of reported) {
    const key = keyOf(p);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(p.at === undefined ? { category: p.category } : { category: p.category, at: p.at });
    }
  }
  for (const p of stored) out.push({ category: p.category, at: p.at });
  return out;
}
