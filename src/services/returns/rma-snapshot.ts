import type { Quote } from '../../domain/returns/quote-return.js';
import type { OrderLine, ReturnRequest } from '../../domain/returns/return-request.js';
import type { Disposition, InspectionOutcome, RmaState } from '../../domain/returns/rma.js';
import type { ReturnCondition, ReturnReason, Resolution } from '../../domain/returns/return-vocabulary.js';
import type { RmaRecord } from '../../store/repositories/rma.repository.js';

// The JSON an RMA row keeps (items_json, order_json, quote_json): the return as it was quoted, so
// later steps (approval, payout, reports) never depend on an order that may have changed since.

export interface RmaInspection {
  outcome: InspectionOutcome;
  /** R001-08: resellable → restock, damaged → returns area. */
  disposition: Disposition;
  /** The condition found, when it differs from what the customer reported. */
  conditionFound?: ReturnCondition;
  note?: string;
  at: string;
  by: number | null;
}

export interface RmaItem {
  sku: string;
  quantity: number;
  reason: ReturnReason;
  condition: ReturnCondition;
  productCategory: string;
  /** Minor units, as on the order. */
  unitPrice: number;
  eligible: boolean;
  resolution: Resolution;
  amount: number;
  tax: number;
  restockingFee: number;
  inspection?: RmaInspection;
}

export interface OrderSnapshot {
  number: string;
  currency: string;
  placedAt: string;
  deliveredAt: string;
  shipping: number;
  items: OrderLine[];
}

export function itemsOf(request: ReturnRequest, quote: Quote): RmaItem[] {
  return request.items.map((line, i) => {
    const quoted = quote.lines[i];
    const orderLine = request.order.items.find((o) => o.sku === line.sku);
    return {
      sku: line.sku,
      quantity: line.quantity,
      reason: line.reason,
      condition: line.condition,
      productCategory: orderLine?.productCategory ?? 'unknown',
      unitPrice: orderLine?.unitPrice ?? 0,
      eligible: quoted?.eligible ?? false,
      resolution: quoted?.resolution ?? 'deny',
      amount: quoted?.amount ?? 0,
      tax: quoted?.tax ?? 0,
      restockingFee: quoted?.restockingFee ?? 0,
    };
  });
}

export function orderSnapshotOf(request: ReturnRequest, number: string): OrderSnapshot {
  const { order } = request;
  return {
    number,
    currency: order.currency,
    placedAt: order.placedAt.toISOString(),
    deliveredAt: order.deliveredAt.toISOString(),
    shipping: order.shipping,
    items: order.items.map((l) => ({ ...l })),
  };
}

/** What the customer paid for the whole order: the ceiling of everything returned on it. */
export function orderPaid(order: OrderSnapshot): number {
  return order.items.reduce((sum, l) => sum + l.unitPrice * l.quantity - l.discount + l.tax, 0) + order.shipping;
}

/** The RMA's reason: the lines' reason when they share one, else "mixed". */
export function rmaReasonOf(items: readonly { reason: ReturnReason }[]): ReturnReason | 'mixed' {
  const reasons = new Set(items.map((i) => i.reason));
  return reasons.size === 1 ? (items[0]?.reason ?? 'mixed') : 'mixed';
}

export interface ParsedRma {
  state: RmaState;
  resolution: Resolution;
  items: RmaItem[];
  quote: Quote;
  order: OrderSnapshot;
}

export function parseRmaRecord(rma: RmaRecord): ParsedRma {
  return {
    state: rma.state as RmaState,
    resolution: rma.resolution as Resolution,
    items: JSON.parse(rma.itemsJson) as RmaItem[],
    quote: JSON.parse(rma.quoteJson) as Quote,
    order: JSON.parse(rma.orderJson) as OrderSnapshot,
  };
}
