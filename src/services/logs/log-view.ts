import type { Executor } from '../../store/database.js';
import type { CaseRecord } from '../../store/repositories/case.repository.js';
import { listLogLinks, type CaseLogRecord } from '../../store/repositories/case-log.repository.js';
import { findCustomerById } from '../../store/repositories/customer.repository.js';
import type { OrderRecord } from '../../store/repositories/order.repository.js';
import { exposureOf, pick } from '../../domain/logs/log-exposure.js';
import { nextMoves, type EvidenceFacts } from '../../domain/logs/log-machine.js';
import { stateOf } from '../../domain/logs/log-registry.js';
import type { LogFields, LogTypeDef } from '../../domain/logs/log-type.js';
import { minorToDecimal } from '../../domain/money/decimal.js';
import type { Actor } from '../actor.js';
import { clock } from '../clock.js';
import { evidenceOf, orderOfCase, type LogContext } from './log-context.js';

export interface LogMoveView {
  to: string;
  label: string;
  allowed: boolean;
  noteRequired: boolean;
  /** `fields.<key>` or `evidence.<kind>`, with why it is needed. */
  missing: { field: string; message: string }[];
}

/** What a summary row shows of an entry, trimmed to what the role may see (issue 5 item 2). */
export interface LogHeadView {
  caseId: string;
  type: string;
  typeLabel: string;
  state: string;
  stateLabel: string;
  waitingOn: string | null;
  terminal: boolean;
  sku: string | null;
  /** The supplier team whose queue the entry is in; null: no supplier team's. */
  supplierTeamId: string | null;
  fields: LogFields;
  dueAt: string | null;
  overdue: boolean;
  openedAt: string;
  openedById: string | null;
  stateChangedAt: string;
  closedAt: string | null;
  updatedAt: string;
}

export interface LogEntryView extends LogHeadView {
  case: Record<string, unknown>;
  customer: Record<string, unknown> | null;
  order: Record<string, unknown> | null;
  affectedOrders: Record<string, unknown>[] | null;
  nextMoves: LogMoveView[];
}

const idOf = (n: number | null) => (n === null ? null : String(n));

/** The fields a summary row shows: what this role may see of the entry (issue 5 item 2). */
export function presentLogHead(actor: Actor, type: LogTypeDef, log: CaseLogRecord): LogHeadView {
  const state = stateOf(type, log.state);
  const exposure = exposureOf(type, actor.role);
  return {
    caseId: String(log.caseId),
    type: type.key,
    typeLabel: type.label,
    state: log.state,
    stateLabel: state?.label ?? log.state,
    waitingOn: state?.waitingOn ?? null,
    terminal: state?.terminal === true,
    sku: exposure.fields.includes(type.skuField ?? '') ? log.sku : null,
    supplierTeamId: idOf(log.supplierTeamId),
    fields: pick(log.fields as LogFields, exposure.fields) as LogFields,
    dueAt: log.dueAt,
    overdue: log.dueAt !== null && log.dueAt < clock.now().toISOString(),
    openedAt: log.openedAt,
    openedById: idOf(log.openedById),
    stateChangedAt: log.stateChangedAt,
    closedAt: log.closedAt,
    updatedAt: log.updatedAt,
  };
}

function orderFacts(o: OrderRecord): Record<string, unknown> {
  return {
    number: o.number, fulfillment: o.fulfillment, placedAt: o.placedAt, shippedAt: o.shippedAt, deliveredAt: o.deliveredAt,
    destination: o.destination, neededBy: o.neededBy, currency: o.currency,
    total: o.totalMinor !== null && o.currency ? minorToDecimal(o.totalMinor, o.currency) : null, failedDeliveries: o.failedDeliveries,
  };
}

function caseFacts(c: CaseRecord, full: boolean): Record<string, unknown> {
  const base = { id: String(c.id), status: c.status, priority: c.priority };
  return full ? { ...base, subject: c.subject, category: c.category, level: c.level, assigneeId: idOf(c.assigneeId), teamId: idOf(c.teamId) } : base;
}

/** One entry as this person may see it: only the exposed fields, customer and order facts. */
export async function presentLogEntry(db: Executor, actor: Actor, ctx: LogContext, known?: { order?: OrderRecord | null; evidence?: EvidenceFacts }): Promise<LogEntryView> {
  const { c, log, type } = ctx;
  const exposure = exposureOf(type, actor.role);
  const [order, evidence, customer, links] = await Promise.all([
    known?.order !== undefined ? known.order : orderOfCase(db, c),
    known?.evidence ?? evidenceOf(db, c.id),
    exposure.customer.length > 0 && c.customerId !== null ? findCustomerById(db, c.customerId) : undefined,
    type.key === 'out_of_stock' ? listLogLinks(db, log.id) : undefined,
  ]);
  const supplier = actor.role === 'supplier';
  const visible = new Set(exposure.fields.map((f) => `fields.${f}`));
  const moves = nextMoves(type, { state: log.state, fields: log.fields as LogFields, openedAt: log.openedAt }, actor.role, evidence)
    .filter((m) => !supplier || m.allowed)
    .map((m) => ({ ...m, missing: supplier ? m.missing.filter((u) => u.field.startsWith('evidence.') || visible.has(u.field)) : m.missing }));
  return {
    ...presentLogHead(actor, type, log),
    case: caseFacts(c, exposure.caseContext),
    customer: customer
      ? pick({ name: customer.name, phone: customer.phone, email: customer.email, vip: customer.vip }, exposure.customer)
      : null,
    order: order && exposure.order.length > 0 ? pick(orderFacts(order), exposure.order) : null,
    affectedOrders: links
      ? links.map((l) => ({
        orderNumber: l.orderNumber, fulfillment: l.fulfillment, reason: l.reason, linkedState: l.linkedState,
        ...(supplier ? {} : { caseId: idOf(l.linkedCaseId) }),
      }))
      : null,
    nextMoves: moves,
  };
}
