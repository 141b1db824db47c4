import { asObject, child, optionalText, shopifyId } from './shopify-payload.js';

// reverse_deliveries/attach_deliverable: a return label or tracking was attached to a return's
// reverse delivery in Shopify — for the desk, the return label went to the customer (R004-05).

export interface ShopifyReverseDeliveryRecord {
  reverseDeliveryId: string;
  returnId: string;
  carrier: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  labelUrl: string | null;
}

export function mapShopifyReverseDelivery(payload: unknown): ShopifyReverseDeliveryRecord {
  const body = asObject(payload, 'reverse_delivery');
  const ret = child(body.return);
  const deliverable = child(body.shipping_deliverable);
  const tracking = child(deliverable.tracking);
  const label = child(deliverable.label);
  return {
    reverseDeliveryId: shopifyId(body.id, body.admin_graphql_api_id, 'id'),
    returnId: shopifyId(ret.id, ret.admin_graphql_api_id, 'return.id'),
    carrier: optionalText(tracking.carrier_name),
    trackingNumber: optionalText(tracking.tracking_number),
    trackingUrl: optionalText(tracking.tracking_url),
    labelUrl: optionalText(label.public_file_url),
  };
}
