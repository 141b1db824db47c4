import { asObject, optionalInstant, optionalShopifyId, optionalText, shopifyId, type Warnings } from './shopify-payload.js';

// fulfillments/create, fulfillments/update and fulfillment_events/create → what happened to the
// parcel, in Ladder's terms. Carrier statuses are Shopify's shipment_status / event status values.

/** shipped: in the carrier's hands (or about to be); delivered; failed_attempt: a delivery that did not happen. */
export type ParcelEffect = 'shipped' | 'delivered' | 'failed_attempt';

const EFFECT_OF_CARRIER_STATUS: Readonly<Record<string, ParcelEffect>> = {
  label_printed: 'shipped',
  label_purchased: 'shipped',
  confirmed: 'shipped',
  carrier_picked_up: 'shipped',
  in_transit: 'shipped',
  out_for_delivery: 'shipped',
  delayed: 'shipped',
  ready_for_pickup: 'shipped',
  // Collected by the customer at a pickup point: the parcel reached them.
  picked_up: 'delivered',
  delivered: 'delivered',
  attempted_delivery: 'failed_attempt',
  failure: 'failed_attempt',
};

/**
 * What the update says about carrier movement (R003-05 "Label Created, 5+ Days"): a label exists
 * but the carrier has not scanned the parcel, or the carrier moved it (any scan after pickup).
 */
export type ParcelProgress = 'label_created' | 'carrier_movement';

// Statuses before the carrier has the parcel: a label bought or printed, the carrier told of it.
const LABEL_STATUSES: ReadonlySet<string> = new Set(['label_printed', 'label_purchased', 'confirmed']);

function progressOf(carrierStatus: string | null): ParcelProgress | null {
  if (carrierStatus === null) return null;
  if (LABEL_STATUSES.has(carrierStatus)) return 'label_created';
  return EFFECT_OF_CARRIER_STATUS[carrierStatus] !== undefined ? 'carrier_movement' : null;
}

export interface ShopifyParcelUpdate {
  kind: 'fulfillment' | 'fulfillment_event';
  /** The order it belongs to; null when the payload does not say (nothing can be moved then). */
  shopifyOrderId: string | null;
  fulfillmentId: string;
  /** The carrier event's own id (fulfillment events only): each failed attempt counts once. */
  eventId: string | null;
  /** Shopify's status as sent: the fulfilment's shipment_status/status, or the event's status. */
  carrierStatus: string | null;
  effect: ParcelEffect | null;
  /** When it happened, UTC; null when the payload gives no usable time. */
  at: string | null;
  tracking: { company: string | null; number: string | null };
  /** Label or carrier movement, and when (UTC); null when the update says neither. */
  progress: { kind: ParcelProgress; at: string } | null;
  warnings: Warnings;
}

/**
 * A fulfilment record. Its carrier progress is `shipment_status`; without one, a fulfilment whose own
 * status is "success" has left the warehouse (shipped). "pending"/"open" have not; "cancelled",
 * "error" and "failure" are about the fulfilment request itself, not a delivery attempt.
 */
export function mapShopifyFulfillment(payload: unknown): ShopifyParcelUpdate {
  const f = asObject(payload, 'fulfillment');
  const warnings: Warnings = [];
  const shipmentStatus = optionalText(f.shipment_status, 60);
  const status = optionalText(f.status, 60);
  const effect = shipmentStatus !== null
    ? (EFFECT_OF_CARRIER_STATUS[shipmentStatus] ?? null)
    : status === 'success' ? 'shipped' : null;
  // The carrier's latest news is as recent as the record's last update; a fresh fulfilment's shipment is its creation.
  const at = shipmentStatus !== null
    ? optionalInstant(f.updated_at, 'updated_at', warnings) ?? optionalInstant(f.created_at, 'created_at', warnings)
    : optionalInstant(f.created_at, 'created_at', warnings);
  const tracking = { company: optionalText(f.tracking_company, 100), number: optionalText(f.tracking_number, 100) ?? firstTrackingNumber(f.tracking_numbers) };
  // A fulfilment with a tracking number and no carrier scan yet is a label created at the fulfilment's creation.
  const createdAt = optionalInstant(f.created_at, 'created_at', []);
  const scanned = progressOf(shipmentStatus);
  let progress: ShopifyParcelUpdate['progress'] = null;
  if (scanned === 'carrier_movement' && at !== null) progress = { kind: 'carrier_movement', at };
  else if (tracking.number !== null && createdAt !== null && status !== 'cancelled' && status !== 'error' && status !== 'failure') {
    progress = { kind: 'label_created', at: createdAt };
  }
  return {
    kind: 'fulfillment',
    shopifyOrderId: optionalShopifyId(f.order_id, undefined, 'order_id'),
    fulfillmentId: shopifyId(f.id, f.admin_graphql_api_id, 'id'),
    eventId: null,
    carrierStatus: shipmentStatus ?? status,
    effect,
    at,
    tracking,
    progress,
    warnings,
  };
}

export function mapShopifyFulfillmentEvent(payload: unknown): ShopifyParcelUpdate {
  const e = asObject(payload, 'fulfillment_event');
  const warnings: Warnings = [];
  const status = optionalText(e.status, 60);
  const at = optionalInstant(e.happened_at, 'happened_at', warnings) ?? optionalInstant(e.created_at, 'created_at', warnings);
  const progress = progressOf(status);
  return {
    kind: 'fulfillment_event',
    shopifyOrderId: optionalShopifyId(e.order_id, undefined, 'order_id'),
    fulfillmentId: shopifyId(e.fulfillment_id, undefined, 'fulfillment_id'),
    eventId: shopifyId(e.id, e.admin_graphql_api_id, 'id'),
    carrierStatus: status,
    effect: status === null ? null : (EFFECT_OF_CARRIER_STATUS[status] ?? null),
    at,
    tracking: { company: null, number: null },
    progress: progress !== null && at !== null ? { kind: progress, at } : null,
    warnings,
  };
}

function firstTrackingNumber(value: unknown): string | null {
  return Array.isArray(value) ? optionalText(value[0], 100) : null;
}
