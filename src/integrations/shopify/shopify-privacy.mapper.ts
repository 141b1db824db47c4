import { asObject, child, optionalShopifyId, optionalText, shopifyId } from './shopify-payload.js';
import { shopifyCustomerExternalId } from './shopify-customer.mapper.js';

// Shopify's mandatory privacy webhooks (customers/data_request, customers/redact, shop/redact).
// Bodies name the customer by id, email and phone; ids exceed 2^53 and arrive as exact digits.

export interface ShopifyPrivacyRequest {
  kind: 'data_request' | 'customer_redact' | 'shop_redact';
  shopDomain: string | null;
  /** `shopify:<id>` of the customer, for the two customer topics. */
  customerExternalId: string | null;
  /** Strings that identify the person in stored raw bodies: id digits, email, phone. */
  identifiers: string[];
  /** customers/data_request: Shopify's request id, to name the export. */
  requestId: string | null;
}

export function mapShopifyPrivacyRequest(topic: string, payload: unknown): ShopifyPrivacyRequest {
  const body = asObject(payload, 'body');
  const shopDomain = optionalText(body.shop_domain, 255);
  if (topic === 'shop/redact') return { kind: 'shop_redact', shopDomain, customerExternalId: null, identifiers: [], requestId: null };
  const customer = asObject(body.customer, 'customer');
  const id = shopifyId(customer.id, undefined, 'customer.id');
  const email = optionalText(customer.email, 254);
  const phone = optionalText(customer.phone, 40);
  const request = child(body.data_request);
  return {
    kind: topic === 'customers/data_request' ? 'data_request' : 'customer_redact',
    shopDomain,
    customerExternalId: shopifyCustomerExternalId(id),
    identifiers: [id, ...(email ? [email] : []), ...(phone ? [phone] : [])],
    requestId: optionalShopifyId(request.id, undefined, 'data_request.id'),
  };
}
