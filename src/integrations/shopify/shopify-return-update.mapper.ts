import { asObject, child, optionalShopifyId, shopifyId } from './shopify-payload.js';

// returns/update carries a diff, not the return: the return's gid and what was removed or updated
// (return line items, restocking fees, shipping fees). It names no order, so the order is found
// through the return id recorded by an earlier returns/* webhook.

export interface ShopifyReturnUpdateRecord {
  returnId: string;
  removedLines: { returnLineItemId: string | null; delta: number | null }[];
  /** How many entries each section of the diff has, for the record. */
  changeCounts: Record<string, number>;
}

export function mapShopifyReturnUpdate(payload: unknown): ShopifyReturnUpdateRecord {
  const body = asObject(payload, 'return');
  const lines = child(body.return_line_items);
  const removals = Array.isArray(lines.removals) ? (lines.removals as unknown[]) : [];
  const changeCounts: Record<string, number> = {};
  for (const section of ['return_line_items', 'restocking_fees', 'return_shipping_fees']) {
    for (const [change, list] of Object.entries(child(body[section]))) {
      if (Array.isArray(list)) changeCounts[`${section}.${change}`] = list.length;
    }
  }
  return {
    returnId: shopifyId(body.id, body.admin_graphql_api_id, 'id'),
    removedLines: removals.map((raw, i) => {
      const r = child(raw);
      return {
        returnLineItemId: optionalShopifyId(r.id, r.admin_graphql_api_id, `return_line_items.removals[${i}].id`),
        delta: typeof r.delta === 'number' && Number.isSafeInteger(r.delta) ? r.delta : null,
      };
    }),
    changeCounts,
  };
}
