import type { CaseRecord } from '../../store/repositories/case.repository.js';
import type { CaseEventRecord } from '../../store/repositories/case-event.repository.js';
import type { CustomerRecord } from '../../store/repositories/customer.repository.js';
import type { OrderRecord } from '../../store/repositories/order.repository.js';
import type { AttachmentRecord } from '../../store/repositories/attachment.repository.js';
import type { Actor } from '../actor.js';
import { minorToDecimal } from '../../domain/money/decimal.js';

export interface CaseSummaryView {
  id: string;
  subject: string | null;
  category: string;
  status: string;
  priority: string;
  level: string;
  escalated: boolean;
  channel: string | null;
  storefront: string | null;
  customerId: string | null;
  orderId: string | null;
  assigneeId: string | null;
  teamId: string | null;
  partnerTeamId: string | null;
  due: { firstResponse: string | null; nextResponse: string | null; resolution: string | null };
  promisedResolution: string | null;
  promisedBy: string | null;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
}

export interface TimelineEntryView {
  id: string;
  type: string;
  at: string;
  actor: { kind: string; id: string | null };
  internal: boolean;
  data: Record<string, unknown>;
}

export interface CaseView extends CaseSummaryView {
  decision: Record<string, unknown>;
  policyVersion: number | null;
  overrides: { level: string | null; priority: string | null };
  customer: Record<string, unknown> | null;
  order: Record<string, unknown> | null;
  attachments: { id: string; fileName: string; contentType: string; sizeBytes: number; sha256: string; createdAt: string }[];
  timeline: TimelineEntryView[];
}

const idOf = (n: number | null) => (n === null ? null : String(n));

export function presentCaseSummary(c: CaseRecord): CaseSummaryView {
  return {
    id: String(c.id),
    subject: c.subject,
    category: c.category,
    status: c.status,
    priority: c.priority,
    level: c.level,
    escalated: c.escalated,
    channel: c.channel,
    storefront: c.storefront,
    customerId: idOf(c.customerId),
    orderId: idOf(c.orderId),
    assigneeId: idOf(c.assigneeId),
    teamId: idOf(c.teamId),
    partnerTeamId: idOf(c.partnerTeamId),
    due: { firstResponse: c.firstResponseAt ? null : c.firstResponseDueAt, nextResponse: c.nextResponseDueAt, resolution: c.resolutionDueAt },
    promisedResolution: c.promisedResolution,
    promisedBy: c.promisedBy,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    resolvedAt: c.resolvedAt,
  };
}

/**
 * The supplier sees only what its task needs (issue 5 item 2): the order's number, state and
 * dates, and the customer's name — never contact details, history or the decision's reasoning.
 */
export function presentCase(
  actor: Actor,
  c: CaseRecord,
  parts: { customer: CustomerRecord | null; order: OrderRecord | null; events: CaseEventRecord[]; attachments: AttachmentRecord[] },
): CaseView {
  const supplier = actor.role === 'supplier';
  const events = supplier ? parts.events.filter((e) => e.type !== 'message' && e.type !== 'signal' && e.type !== 'decision_changed') : parts.events;
  return {
    ...presentCaseSummary(c),
    decision: supplier ? { priority: c.priority, level: c.level } : c.decision,
    policyVersion: c.policyVersion,
    overrides: { level: c.levelOverride, priority: c.priorityOverride },
    customer: parts.customer
      ? supplier
        ? { id: String(parts.customer.id), name: parts.customer.name }
        : {
            id: String(parts.customer.id),
            externalId: parts.customer.externalId,
            name: parts.customer.name,
            email: parts.customer.email,
            phone: parts.customer.phone,
            vip: parts.customer.vip,
          }
      : null,
    order: parts.order ? presentOrderBrief(parts.order, supplier) : null,
    attachments: parts.attachments.map((a) => ({
      id: String(a.id), fileName: a.fileName, contentType: a.contentType, sizeBytes: a.sizeBytes, sha256: a.sha256, createdAt: a.createdAt,
    })),
    timeline: events.map((e) => ({
      id: String(e.id),
      type: e.type,
      at: e.at,
      actor: { kind: e.actorKind, id: idOf(e.actorId) },
      internal: e.internal,
      data: e.data,
    })),
  };
}

function presentOrderBrief(o: OrderRecord, supplier: boolean): Record<string, unknown> {
  const base = {
    id: String(o.id),
    number: o.number,
    fulfillment: o.fulfillment,
    destination: o.destination,
    placedAt: o.placedAt,
    shippedAt: o.shippedAt,
    deliveredAt: o.deliveredAt,
    neededBy: o.neededBy,
  };
  if (supplier) return base;
  return {
    ...base,
    currency: o.currency,
    total: o.totalMinor !== null && o.currency ? minorToDecimal(o.totalMinor, o.currency) : null,
    totalMinor: o.totalMinor,
    failedDeliveries: o.failedDeliveries,
  };
}
