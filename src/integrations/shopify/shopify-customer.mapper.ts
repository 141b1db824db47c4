import { asObject, optionalText, shopifyId } from './shopify-payload.js';

// customers/create, customers/update, and the `customer` inside an order → a Ladder customer.
// The external id is `shopify:<id>` with the id's exact digits (ids exceed 2^53), so Shopify
// customers never collide with ids other channels use.

export interface ShopifyCustomerRecord {
  shopifyCustomerId: string;
  externalId: string;
  /** Only the fields the payload carries; a missing one leaves what Ladder has. */
  fields: { name?: string | null; email?: string | null; phone?: string | null };
}

export function shopifyCustomerExternalId(shopifyCustomerId: string): string {
  return `shopify:${shopifyCustomerId}`;
}

export function mapShopifyCustomer(payload: unknown, path = 'customer'): ShopifyCustomerRecord {
  const c = asObject(payload, path);
  const id = shopifyId(c.id, c.admin_graphql_api_id, `${path}.id`);
  const fields: ShopifyCustomerRecord['fields'] = {};
  if ('first_name' in c || 'last_name' in c) {
    const name = [optionalText(c.first_name, 100), optionalText(c.last_name, 100)].filter((p) => p !== null).join(' ');
    fields.name = name === '' ? null : name;
  }
  if ('email' in c) fields.email = optionalText(c.email, 254)?.toLowerCase() ?? null;
  if ('phone' in c) fields.phone = optionalText(c.phone, 40);
  return { shopifyCustomerId: id, externalId: shopifyCustomerExternalId(id), fields };
}
