import type { OrderRecord } from '../../store/repositories/order.repository.js';
import { minorToDecimal } from '../../domain/money/decimal.js';

export interface OrderView {
  id: string;
  number: string;
  customerId: string | null;
  storefront: string | null;
  currency: string | null;
  total: string | null;
  totalMinor: number | null;
  placedAt: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  fulfillment: string | null;
  destination: string | null;
  neededBy: string | null;
  failedDeliveries: number;
  labelCreatedAt: string | null;
  lastCarrierScanAt: string | null;
  carrier: string | null;
  createdAt: string;
  updatedAt: string;
}

export function presentOrder(o: OrderRecord): OrderView {
  return {
    id: String(o.id),
    number: o.number,
    customerId: o.customerId === null ? null : String(o.customerId),
    storefront: o.storefront,
    currency: o.currency,
    total: o.totalMinor !== null && o.currency ? minorToDecimal(o.totalMinor, o.currency) : null,
    totalMinor: o.totalMinor,
    placedAt: o.placedAt,
    shippedAt: o.shippedAt,
    deliveredAt: o.deliveredAt,
    fulfillment: o.fulfillment,
    destination: o.destination,
    neededBy: o.neededBy,
    failedDeliveries: o.failedDeliveries,
    labelCreatedAt: o.labelCreatedAt,
    lastCarrierScanAt: o.lastCarrierScanAt,
    carrier: o.carrier,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
  };
}
