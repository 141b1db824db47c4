import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findCustomerByExternalId } from '../../store/repositories/customer.repository.js';
import { mapShopifyPrivacyRequest } from '../../integrations/shopify/shopify-privacy.mapper.js';
import { eraseWithin } from '../privacy/erase-customer-data.js';
import { collectCustomerData } from '../privacy/export-customer-data.js';
import type { DeliveryContext } from './delivery-context.js';

/** Privacy requests act as the desk's compliance function (R000-01), not as back office. */
const PRIVACY_ACTOR = { id: 0, role: 'compliance', teamId: null, email: 'integration:shopify' } as const;

/**
 * customers/data_request: everything held about the person is written to an export file under the
 * data directory (mode 0600) for the store owner to send on. customers/redact and shop/redact:
 * the person's (or every Shopify customer's) data is erased, anonymised statistics kept.
 */
export async function applyShopifyPrivacyRequest(ctx: DeliveryContext, payload: unknown): Promise<Record<string, unknown>> {
  const request = mapShopifyPrivacyRequest(ctx.topic, payload);
  if (request.kind === 'shop_redact') {
    const rows = await ctx.trx.selectFrom('customers').select('id').where('external_id', 'like', 'shopify:%').execute();
    const report = await eraseWithin(ctx.store, ctx.trx, PRIVACY_ACTOR, rows.map((r) => Number(r.id)), true, [], 'shopify shop/redact');
    return { outcome: 'processed', erased: report };
  }
  const customer = await findCustomerByExternalId(ctx.trx, request.customerExternalId!);
  if (!customer) return { outcome: 'processed', found: false };
  if (request.kind === 'customer_redact') {
    const report = await eraseWithin(ctx.store, ctx.trx, PRIVACY_ACTOR, [customer.id], true, request.identifiers, 'shopify customers/redact');
    return { outcome: 'processed', found: true, erased: report };
  }
  const data = await collectCustomerData(ctx.trx, customer.id);
  const dir = join(ctx.store.dataDir, 'exports');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `shopify-data-request-${request.requestId ?? customer.id}.json`);
  await writeFile(file, JSON.stringify(data, null, 2), { mode: 0o600 });
  return { outcome: 'processed', found: true, exportFile: file, cases: data.cases.length, orders: data.orders.length };
}
