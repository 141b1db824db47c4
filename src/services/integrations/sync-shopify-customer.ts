import { upsertCustomer } from '../../store/repositories/customer.repository.js';
import { mapShopifyCustomer } from '../../integrations/shopify/shopify-customer.mapper.js';
import type { DeliveryContext } from './delivery-context.js';

/**
 * customers/create and customers/update: the Shopify customer as the Ladder customer `shopify:<id>`.
 * The stored delivery (raw body, result naming the customer) is the audit record of the change.
 */
export async function syncShopifyCustomer(ctx: DeliveryContext, payload: unknown): Promise<Record<string, unknown>> {
  const record = mapShopifyCustomer(payload);
  const customer = await upsertCustomer(ctx.trx, record.externalId, record.fields, ctx.at);
  return { outcome: 'processed', customerId: customer.id, externalId: customer.externalId };
}
